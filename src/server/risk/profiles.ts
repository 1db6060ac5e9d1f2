// Risk profiles as supervisors manage them: list, read, create or change (with shadow mode). The
// engine reads the active ones at registration (assess.ts `loadActiveProfiles`).
import { db } from '../db';
import type { Prisma } from '@/src/generated/prisma/client';
import { assertRole, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZProfileForm, type ProfileForm } from '@/lib/risk/profile-form';
import { asDateColumn } from '@/lib/time';

export async function listProfiles(args: { actor: Actor }) {
  assertRole(args.actor, ['SUPERVISOR']);
  return db.riskProfile.findMany({ orderBy: [{ isActive: 'desc' }, { createdAt: 'asc' }] });
}

export async function getProfile(args: { actor: Actor; profileId: string }) {
  assertRole(args.actor, ['SUPERVISOR']);
  const p = await db.riskProfile.findUnique({ where: { id: args.profileId } });
  if (!p) throw new AppError('NOT_FOUND', 'The profile was not found.');
  return p;
}

function profileData(form: ProfileForm) {
  return {
    name: form.name,
    conditions: form.conditions as Prisma.InputJsonValue,
    weight: form.weight,
    forcedChannel: form.forcedChannel,
    instructions: form.instructions,
    validFrom: asDateColumn(form.validFrom),
    validTo: form.validTo ? asDateColumn(form.validTo) : null,
    isShadow: form.isShadow,
    isActive: form.isActive,
  };
}

/** Create (no id) or change a profile. Invalid conditions are refused with field errors. */
export async function saveProfile(args: {
  actor: Actor;
  profileId?: string;
  input: unknown;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  const form = parseOrThrow(ZProfileForm, args.input);
  return db.$transaction(async (tx) => {
    const saved = args.profileId
      ? await tx.riskProfile
          .update({ where: { id: args.profileId }, data: profileData(form), select: { id: true } })
          .catch(() => {
            throw new AppError('NOT_FOUND', 'The profile was not found.');
          })
      : await tx.riskProfile.create({
          data: { ...profileData(form), createdById: actor.userId, createdAt: now },
          select: { id: true },
        });
    await writeAudit(tx, {
      actor,
      action: args.profileId ? 'risk.profile.update' : 'risk.profile.create',
      entityType: 'RiskProfile',
      entityId: saved.id,
      data: { ...form, conditions: form.conditions } as Prisma.InputJsonValue,
      at: now,
    });
    return saved;
  });
}
