// The officer releases the goods: the release note is issued in the same transaction
// (declarations/release.ts checks the channel's control and the payments).
import { db } from '../../db';
import { assertOfficer, type Actor } from '../../actor';
import { AppError } from '@/lib/errors';
import { releaseDeclaration } from '../../declarations/release';
import { lockForDecision } from './lock';

export async function releaseByOfficer(args: {
  actor: Actor;
  declarationId: string;
  expectedVersion: number;
  now: Date;
}): Promise<{ releaseNoteNumber: string }> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  return db.$transaction(async (tx) => {
    await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    // The release note names the officer by service number only: without one there is nothing to print.
    const officer = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { officerNumber: true } });
    if (!officer.officerNumber)
      throw new AppError(
        'FORBIDDEN',
        'Your account has no officer number, which the release note must show. Ask an administrator to set it, then release again.',
      );
    if (await tx.valueAdjustment.findFirst({ where: { declarationId, status: 'PENDING' } }))
      throw new AppError('CONFLICT', 'An adjustment is waiting for a supervisor: it must be decided before release.');
    return releaseDeclaration(tx, { declarationId, actor, officerNumber: officer.officerNumber, now });
  });
}
