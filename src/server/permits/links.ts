// Linking the company's permits to a declaration's items (lib/permits/linking.ts says when and
// how many). Each link is checked the way release will check it — type, holder, direction, validity on the
// registration date (today for a draft), HS coverage, status, unit and remaining quantity after the
// earlier lines — so a link the trader makes is one that satisfies the item today. The write-off
// itself happens at release (src/server/declarations/release.ts).
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import {
  checkFormalities,
  isLinkingAllowed,
  permitProblem,
  permitRequirements,
  requirementFor,
  ZLinkPermit,
  ZUnlinkPermit,
  type HeldPermit,
  type ItemFormalities,
} from '@/lib/permits';
import { D } from '@/lib/money';
import { serviceDate } from '@/lib/time';
import { bumpVersion, lockCompanyDeclaration } from '../declarations/editing';
import { autoReleaseIfReady } from '../declarations/release';
import { loadCatalogue, loadCompanyPermits } from './catalogue';
import { isValidUuid } from './ids';

const invalid = (message: string) =>
  new AppError('VALIDATION', 'The permit cannot be linked.', [{ path: 'permitId', message }]);

const ITEM_SELECT = {
  id: true,
  lineNo: true,
  hsCode: true,
  description: true,
  quantity: true,
  supplementaryUnit: true,
  permitLinks: {
    orderBy: { id: 'asc' as const },
    select: {
      id: true,
      permitId: true,
      quantity: true,
      writtenOffAt: true,
      permit: { select: { number: true, permitTypeCode: true, status: true } },
    },
  },
};

export type LinkCandidate = Pick<HeldPermit, 'id' | 'number' | 'typeCode' | 'validTo' | 'remainingQuantity' | 'unit'>;

/**
 * The linking page: each item with its linked permits, its formalities as release will see them
 * (LINKED mode) and the company's permits that linking would accept for it now (the same coverage
 * rule, after what earlier lines take).
 */
export async function getDeclarationPermitLinks(args: { actor: Actor; declarationId: string; now: Date }) {
  const { actor, now } = args;
  assertTrader(actor);
  if (!isValidUuid(args.declarationId)) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  const declaration = await db.declaration.findFirst({
    where: { id: args.declarationId, companyId: actor.companyId },
    select: {
      id: true,
      status: true,
      regime: true,
      registrationNumber: true,
      registeredAt: true,
      version: true,
      items: { orderBy: { lineNo: 'asc' }, select: ITEM_SELECT },
    },
  });
  if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  const date = serviceDate(declaration.registeredAt ?? now);
  const isOpen = isLinkingAllowed(declaration.status);
  const [catalogue, permits] = await Promise.all([loadCatalogue(db), loadCompanyPermits(db, actor.companyId)]);
  // After release the permits' remaining quantities no longer include this declaration's write-off: show the links as written off instead.
  const formalities: Array<ItemFormalities | null> = isOpen
    ? checkFormalities({
        items: declaration.items.map((i) => ({
          lineNo: i.lineNo,
          hsCode: i.hsCode,
          quantity: i.quantity.toString(),
          unit: i.supplementaryUnit,
          linkedPermitIds: i.permitLinks.map((l) => l.permitId),
        })),
        regime: declaration.regime,
        companyId: actor.companyId,
        date,
        catalogue,
        permits,
        mode: 'LINKED',
      })
    : declaration.items.map(() => null);
  const scopeOf = new Map(catalogue.map((t) => [t.code, t.scope]));
  // What earlier lines (by line number) take from each permit: linking a permit to a line is checked
  // against what is left after them, so the list offers exactly the permits linking would accept.
  const takenBefore = new Map<number, Map<string, D>>();
  const running = new Map<string, D>();
  declaration.items.forEach((item, index) => {
    takenBefore.set(item.lineNo, new Map(running));
    for (const r of formalities[index]?.requirements ?? []) {
      if (r.status === 'SATISFIED' && r.permit && r.writeOff !== undefined)
        running.set(r.permit.id, (running.get(r.permit.id) ?? new D(0)).plus(r.writeOff));
    }
  });
  const items = declaration.items.map((item, index) => {
    const requirements = permitRequirements({ hsCode: item.hsCode, regime: declaration.regime }, catalogue);
    const needed = new Set(requirements.flatMap((r) => r.alternatives));
    const linked = new Set(item.permitLinks.map((l) => l.permitId));
    const taken = takenBefore.get(item.lineNo);
    const candidates: LinkCandidate[] = isOpen
      ? permits
          .filter(
            (p) =>
              needed.has(p.typeCode) &&
              !linked.has(p.id) &&
              !permitProblem({
                permit: p,
                scope: scopeOf.get(p.typeCode),
                item: { hsCode: item.hsCode, quantity: item.quantity.toString(), unit: item.supplementaryUnit },
                regime: declaration.regime,
                companyId: actor.companyId,
                date,
                alreadyTaken: taken?.get(p.id)?.toFixed(),
              }),
          )
          .sort((a, b) => a.typeCode.localeCompare(b.typeCode) || a.number.localeCompare(b.number))
          .map((p) => ({
            id: p.id,
            number: p.number,
            typeCode: p.typeCode,
            validTo: p.validTo,
            remainingQuantity: p.remainingQuantity,
            unit: p.unit,
          }))
      : [];
    return { ...item, requirements, formalities: formalities[index], candidates };
  });
  return {
    declaration: {
      id: declaration.id,
      status: declaration.status,
      regime: declaration.regime,
      registrationNumber: declaration.registrationNumber,
      version: declaration.version,
    },
    date,
    isLinkingAllowed: isOpen,
    items,
  };
}

/** Link one of the company's permits to an item. Another company's permit is "not found". */
export async function linkPermit(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<{ linkId: string; isReleased: boolean }> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const { lineNo, permitId } = parseOrThrow(ZLinkPermit, args.input);
  if (!isValidUuid(declarationId)) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return db.$transaction(
    async (tx) => {
      const locked = await lockCompanyDeclaration(tx, actor, declarationId);
      if (!isLinkingAllowed(locked.status))
        throw new AppError(
          'CONFLICT',
          `Permits can no longer be linked: the declaration is ${locked.status.toLowerCase()}.`,
        );
      const d = await tx.declaration.findUniqueOrThrow({
        where: { id: declarationId },
        select: { regime: true, registeredAt: true, items: { orderBy: { lineNo: 'asc' }, select: ITEM_SELECT } },
      });
      const item = d.items.find((i) => i.lineNo === lineNo);
      if (!item) throw new AppError('NOT_FOUND', `Item ${lineNo} was not found.`);
      const permit = await tx.permit.findFirst({
        where: { id: permitId, companyId: actor.companyId },
        select: { id: true, number: true, permitTypeCode: true },
      });
      if (!permit) throw new AppError('NOT_FOUND', 'The permit was not found.');
      const existing = item.permitLinks.find((l) => l.permitId === permit.id);
      if (existing) return { linkId: existing.id, isReleased: false }; // linked already: a double click links once

      const catalogue = await loadCatalogue(tx);
      const requirements = permitRequirements({ hsCode: item.hsCode, regime: d.regime }, catalogue);
      const requirement = requirementFor(requirements, permit.permitTypeCode);
      if (!requirement) {
        throw invalid(
          requirements.length === 0
            ? `Item ${lineNo} needs no permit`
            : `Permit ${permit.number} is a ${permit.permitTypeCode} permit — item ${lineNo} needs ${requirements.map((r) => r.alternatives.join(' or ')).join(' and ')}`,
        );
      }
      const clash = item.permitLinks.find((l) => requirement.alternatives.includes(l.permit.permitTypeCode));
      if (clash)
        throw invalid(
          `Item ${lineNo} already has permit ${clash.permit.number} for ${requirement.alternatives.join(' or ')} — remove it first to link another`,
        );

      const permits = await loadCompanyPermits(tx, actor.companyId);
      const trial = checkFormalities({
        items: d.items.map((i) => ({
          lineNo: i.lineNo,
          hsCode: i.hsCode,
          quantity: i.quantity.toString(),
          unit: i.supplementaryUnit,
          linkedPermitIds: [...i.permitLinks.map((l) => l.permitId), ...(i.id === item.id ? [permit.id] : [])],
        })),
        regime: d.regime,
        companyId: actor.companyId,
        date: serviceDate(d.registeredAt ?? now),
        catalogue,
        permits,
        mode: 'LINKED',
      });
      const verdict = trial
        .find((f) => f.lineNo === lineNo)
        ?.requirements.find((r) => r.requirement.authorityCode === requirement.authorityCode);
      if (!verdict || verdict.status !== 'SATISFIED' || verdict.permit?.id !== permit.id) {
        throw invalid(
          `Permit ${permit.number} cannot cover item ${lineNo}: ${verdict?.reason ?? 'it does not satisfy the item'}`,
        );
      }

      const link = await tx.permitLink.create({
        data: { permitId: permit.id, declarationItemId: item.id, quantity: item.quantity },
        select: { id: true },
      });
      await bumpVersion(tx, declarationId, now);
      await writeAudit(tx, {
        actor,
        action: 'declaration.permit.link',
        entityType: 'Declaration',
        entityId: declarationId,
        data: { lineNo, permitId: permit.id, permitNumber: permit.number, linkId: link.id },
        at: now,
      });
      // The permit that arrives last releases a green declaration that was only waiting for it.
      const isReleased =
        locked.status === 'ASSESSED' || locked.status === 'PAID'
          ? await autoReleaseIfReady(tx, { declarationId, now })
          : false;
      return { linkId: link.id, isReleased };
    },
    { timeout: 20_000 },
  );
}

export async function unlinkPermit(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const { linkId } = parseOrThrow(ZUnlinkPermit, args.input);
  if (!isValidUuid(declarationId)) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  await db.$transaction(async (tx) => {
    const locked = await lockCompanyDeclaration(tx, actor, declarationId);
    if (!isLinkingAllowed(locked.status))
      throw new AppError(
        'CONFLICT',
        `Permits can no longer be unlinked: the declaration is ${locked.status.toLowerCase()}.`,
      );
    const link = await tx.permitLink.findFirst({
      where: { id: linkId, item: { declarationId } },
      select: { id: true, permitId: true, item: { select: { lineNo: true } } },
    });
    if (!link) throw new AppError('NOT_FOUND', 'The link was not found.');
    await tx.permitLink.delete({ where: { id: link.id } });
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, {
      actor,
      action: 'declaration.permit.unlink',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { lineNo: link.item.lineNo, permitId: link.permitId, linkId },
      at: now,
    });
  });
}
