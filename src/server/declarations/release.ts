// Release: the one place a declaration becomes RELEASED, by an officer or automatically (green and
// blue channels once paid). A declaration is never released while payment is outstanding, an
// item's permit is missing, revoked, expired or exhausted, or the control its channel calls for
// (red: a physical examination; yellow: a document check or an examination) is not recorded.
// Linked permit quantities are written off in the same transaction, under row locks taken in a
// fixed order, so parallel releases never overdraw a permit. The signed release note is issued in the same transaction.
// The list of what blocks release is lib/declaration/release-blockers.ts: the trader's next action,
// the officer's page and the timeline say the same list.
import type { Tx } from '../db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import type { DeclarationStatus, TransitionActor } from '@/lib/declaration/lifecycle';
import { releaseBlockers as blockersOf, type ReleaseBlocker } from '@/lib/declaration/release-blockers';
import { checkFormalities, planWriteOffs, type HeldPermit } from '@/lib/permits';
import { dateColumnDay, serviceDate } from '@/lib/time';
import type { ReleaseNotePayload } from '@/lib/documents/payloads';
import { issueSignedDocument } from '../documents/issue';
import { loadCatalogue } from '../permits/catalogue';
import { amountDue } from './read';
import { closeOpenDocumentRequests } from './document-requests';

export type { ReleaseBlocker };

async function loadDeclaration(tx: Tx, declarationId: string) {
  return tx.declaration.findUniqueOrThrow({
    where: { id: declarationId },
    include: {
      items: { orderBy: { lineNo: 'asc' }, include: { permitLinks: true } },
      inspections: { select: { kind: true } },
      post: { select: { code: true, name: true } },
      company: { select: { tin: true, name: true } },
    },
  });
}

/** The linked permits, locked in id order (a fixed order: no deadlock between parallel releases). */
async function lockLinkedPermits(tx: Tx, permitIds: readonly string[]): Promise<HeldPermit[]> {
  if (permitIds.length === 0) return [];
  const rows = await tx.$queryRaw<
    Array<{
      id: string;
      number: string;
      permitTypeCode: string;
      companyId: string;
      direction: HeldPermit['direction'];
      status: HeldPermit['status'];
      validFrom: Date;
      validTo: Date;
      hsCodes: string[];
      remainingQuantity: string;
      unit: string;
    }>
  >`
    SELECT id, number, "permitTypeCode", "companyId", direction, status, "validFrom", "validTo", "hsCodes", "remainingQuantity"::text AS "remainingQuantity", unit
    FROM "Permit" WHERE id = ANY(${[...permitIds]}::uuid[]) ORDER BY id FOR UPDATE`;
  return rows.map((p) => ({
    id: p.id,
    number: p.number,
    typeCode: p.permitTypeCode,
    companyId: p.companyId,
    direction: p.direction,
    status: p.status,
    validFrom: dateColumnDay(p.validFrom),
    validTo: dateColumnDay(p.validTo),
    hsCodes: p.hsCodes,
    remainingQuantity: p.remainingQuantity,
    unit: p.unit,
  }));
}

type Loaded = Awaited<ReturnType<typeof loadDeclaration>>;

async function evaluate(tx: Tx, d: Loaded, now: Date, by: TransitionActor) {
  const due = await amountDue(d.id, tx);
  const permitIds = [...new Set(d.items.flatMap((i) => i.permitLinks.map((l) => l.permitId)))];
  const permits = await lockLinkedPermits(tx, permitIds);
  const formalities = checkFormalities({
    items: d.items.map((i) => ({
      lineNo: i.lineNo,
      hsCode: i.hsCode,
      quantity: i.quantity.toString(),
      unit: i.supplementaryUnit,
      linkedPermitIds: i.permitLinks.map((l) => l.permitId),
    })),
    regime: d.regime,
    companyId: d.companyId,
    date: serviceDate(d.registeredAt ?? now),
    catalogue: await loadCatalogue(tx),
    permits,
    mode: 'LINKED',
  });
  const blockers = blockersOf({
    status: d.status as DeclarationStatus,
    channel: d.channel,
    inspections: d.inspections.map((i) => i.kind),
    amountDue: due,
    formalities,
    by,
  });
  return { blockers, formalities, permits };
}

function blockerPath(b: ReleaseBlocker): string {
  switch (b.code) {
    case 'STATUS':
      return 'status';
    case 'CONTROL_MISSING':
      return 'inspections';
    case 'PAYMENT_DUE':
      return 'payments';
    case 'PERMIT_MISSING':
      return `items.${b.lineNo - 1}.permits`;
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** Why the declaration cannot be released now (empty when it can). The caller holds the declaration's row lock. */
export async function releaseBlockers(
  tx: Tx,
  declarationId: string,
  now: Date,
  by: TransitionActor = 'OFFICER',
): Promise<ReleaseBlocker[]> {
  return (await evaluate(tx, await loadDeclaration(tx, declarationId), now, by)).blockers;
}

/**
 * Release the declaration (the caller holds its row lock): write off the linked permits, close the
 * officer's work, record the event, issue the signed release note and audit. `actor` null means the
 * system's automatic release of a green or blue declaration.
 */
export async function releaseDeclaration(
  tx: Tx,
  args: { declarationId: string; actor: Actor | null; officerNumber: string | null; now: Date },
): Promise<{ releaseNoteNumber: string }> {
  const d = await loadDeclaration(tx, args.declarationId);
  const evaluation = await evaluate(tx, d, args.now, args.actor ? 'OFFICER' : 'SYSTEM');
  const { blockers } = evaluation;
  if (blockers.length) {
    throw new AppError(
      'CONFLICT',
      `The declaration cannot be released: ${blockers.map((b) => b.message).join(' ')}`,
      blockers.map((b) => ({ path: blockerPath(b), message: b.message })),
    );
  }
  return performRelease(tx, d, evaluation, args);
}

/** What a declaration's release note says, and its number (`RN/<registration number>`). */
export type ReleaseNoteSource = Pick<
  Loaded,
  'registrationNumber' | 'regime' | 'invoiceCurrency' | 'invoiceTotal' | 'post' | 'company'
> & {
  items: ReadonlyArray<Pick<Loaded['items'][number], 'lineNo' | 'hsCode' | 'description' | 'netMass'>>;
};

/**
 * The release note of `d`, released at `releasedAt` by the officer of that service number (null:
 * the system's automatic release). Also used for a note issued after the fact
 * (src/server/documents/release-note.ts), so both say the same.
 */
export function releaseNoteContent(
  d: ReleaseNoteSource,
  args: { releasedAt: Date; officerNumber: string | null },
): { number: string; payload: ReleaseNotePayload } {
  const payload: ReleaseNotePayload = {
    declarationNumber: d.registrationNumber!,
    releasedAt: args.releasedAt.toISOString(),
    post: { code: d.post!.code, name: d.post!.name },
    officerNumber: args.officerNumber ?? 'AUTOMATIC',
    declarant: { tin: d.company.tin, name: d.company.name },
    regime: d.regime,
    goods: {
      itemCount: d.items.length,
      totalNetMassKg: d.items.reduce((sum, i) => sum.plus(i.netMass.toString()), new D(0)).toFixed(3),
      invoiceCurrency: d.invoiceCurrency ?? 'UZS',
      totalInvoiceValue: d.invoiceTotal?.toFixed(2) ?? '0.00',
      items: d.items.map((i) => ({
        line: i.lineNo,
        hsCode: i.hsCode,
        description: i.description.slice(0, 1000),
        netMassKg: i.netMass.toFixed(3),
      })),
    },
  };
  return { number: `RN/${d.registrationNumber}`, payload };
}

/** The release itself, once nothing blocks it (the evaluation was made under the same locks). */
async function performRelease(
  tx: Tx,
  d: Loaded,
  evaluation: Awaited<ReturnType<typeof evaluate>>,
  args: { declarationId: string; actor: Actor | null; officerNumber: string | null; now: Date },
): Promise<{ releaseNoteNumber: string }> {
  const { declarationId, actor, now } = args;
  const { formalities, permits } = evaluation;
  for (const w of planWriteOffs(formalities, permits)) {
    await tx.permit.update({
      where: { id: w.permitId },
      data: { remainingQuantity: w.remainingAfter, ...(w.isExhausted ? { status: 'EXHAUSTED' } : {}) },
    });
  }
  // Each link records what it wrote off (a SHIPMENT permit: its whole remaining on the first line
  // that uses it, 0 on later ones; a link the item does not need: 0).
  const linkIds: string[] = [];
  const linkQuantities: string[] = [];
  d.items.forEach((item, index) => {
    const writeOffs = new Map(
      formalities[index].requirements
        .filter((r) => r.permit && r.writeOff !== undefined)
        .map((r) => [r.permit!.id, r.writeOff!]),
    );
    for (const link of item.permitLinks) {
      linkIds.push(link.id);
      linkQuantities.push(writeOffs.get(link.permitId) ?? '0');
    }
  });
  if (linkIds.length) {
    await tx.$executeRaw`
      UPDATE "PermitLink" AS l SET quantity = v.quantity::numeric, "writtenOffAt" = ${now}
      FROM unnest(${linkIds}::uuid[], ${linkQuantities}::text[]) AS v(id, quantity)
      WHERE l.id = v.id`;
  }
  await tx.assignment.updateMany({ where: { declarationId, closedAt: null }, data: { closedAt: now } });
  await closeOpenDocumentRequests(tx, { actor, declarationId, reason: 'The declaration was released', now });
  await tx.declaration.update({
    where: { id: declarationId },
    data: { status: 'RELEASED', releasedAt: now, currentReason: null, version: { increment: 1 } },
  });
  await tx.declarationStatusEvent.create({
    data: {
      declarationId,
      fromStatus: d.status,
      toStatus: 'RELEASED',
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'SYSTEM',
      reason: actor ? 'Released by the inspector' : 'Released automatically: payments settled and permits satisfied',
      at: now,
    },
  });

  const { number, payload } = releaseNoteContent(d, { releasedAt: now, officerNumber: args.officerNumber });
  await issueSignedDocument(tx, { actor, kind: 'RELEASE_NOTE', number, subjectId: declarationId, payload, now });
  await writeAudit(tx, {
    actor,
    action: actor ? 'declaration.release' : 'declaration.release.automatic',
    entityType: 'Declaration',
    entityId: declarationId,
    data: { releaseNote: number },
    at: now,
  });
  return { releaseNoteNumber: number };
}

/** For green and blue declarations: release at once when nothing blocks it. The caller holds the row lock. */
export async function autoReleaseIfReady(tx: Tx, args: { declarationId: string; now: Date }): Promise<boolean> {
  const d = await loadDeclaration(tx, args.declarationId);
  if (d.channel !== 'GREEN' && d.channel !== 'BLUE') return false;
  const evaluation = await evaluate(tx, d, args.now, 'SYSTEM');
  if (evaluation.blockers.length) return false;
  await performRelease(tx, d, evaluation, {
    declarationId: args.declarationId,
    actor: null,
    officerNumber: null,
    now: args.now,
  });
  return true;
}
