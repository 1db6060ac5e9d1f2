// The trader's read models: the company's declarations (filtered, sorted, paged, exported), one
// declaration with its timeline and next action, its live status, and check-your-answers.
import { db, type Tx } from '../db';
import { assertTrader, type Actor, type TraderActor } from '../actor';
import { AppError, isAppError, type FieldError } from '@/lib/errors';
import type { Prisma } from '@/src/generated/prisma/client';
import type { DeclarationListQuery } from '@/lib/declaration/list-query';
import { nextActionFor, type NextAction } from '@/lib/declaration/next-action';
import { checkFormalities, isLinkingAllowed, type ItemFormalities } from '@/lib/permits';
import { permitBlockers, type PermitBlocker } from '@/lib/declaration/release-blockers';
import type { DutyAssessment } from '@/lib/duties';
import { serviceDate, startOfServiceDate } from '@/lib/time';
import { runControl } from './control';
import { assessDeclaration } from './assessment';
import { loadCatalogue, loadCompanyPermits } from '../permits/catalogue';
import { loadAmountDue, loadSettlement } from '../payments/settlement';

export const PAGE_SIZE = 20;

/**
 * The list's filters. The dates are registration dates (Tashkent calendar days, `to` inclusive): a
 * draft has none, so a date range lists registered declarations only.
 */
function listWhere(companyId: string, q: Partial<DeclarationListQuery>): Prisma.DeclarationWhereInput {
  const registered: Prisma.DateTimeFilter = {};
  if (q.from) registered.gte = startOfServiceDate(q.from);
  if (q.to) registered.lt = new Date(startOfServiceDate(q.to).getTime() + 86_400_000);
  return {
    companyId,
    ...(q.status ? { status: q.status } : {}),
    ...(q.regime ? { regime: q.regime } : {}),
    ...(q.post ? { post: { code: q.post } } : {}),
    ...(q.number ? { registrationNumber: { contains: q.number } } : {}),
    ...(q.from || q.to ? { registeredAt: registered } : {}),
  };
}

function listOrder(sort: DeclarationListQuery['sort']): Prisma.DeclarationOrderByWithRelationInput[] {
  switch (sort) {
    case 'created-asc':
      return [{ createdAt: 'asc' }, { id: 'asc' }];
    case 'registered-desc':
      return [{ registeredAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }];
    case 'registered-asc':
      return [{ registeredAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
    case 'number-asc':
      return [{ registrationNumber: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
    case 'number-desc':
      return [{ registrationNumber: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }];
    case 'created-desc':
    default:
      return [{ createdAt: 'desc' }, { id: 'desc' }];
  }
}

const LIST_SELECT = {
  id: true,
  registrationNumber: true,
  regime: true,
  status: true,
  createdAt: true,
  registeredAt: true,
  releasedAt: true,
  invoiceCurrency: true,
  invoiceTotal: true,
  post: { select: { code: true, name: true } },
  _count: { select: { items: true } },
} satisfies Prisma.DeclarationSelect;

/** What the account's list shows besides: what tells one draft from another (lib/declaration/drafts.ts). */
const ACCOUNT_LIST_SELECT = {
  ...LIST_SELECT,
  consignorName: true,
  consignorCountry: true,
  updatedAt: true,
  items: { orderBy: { lineNo: 'asc' }, take: 1, select: { hsCode: true, description: true } },
} satisfies Prisma.DeclarationSelect;

export async function listCompanyDeclarations(args: { actor: Actor; query: DeclarationListQuery }) {
  const { actor, query } = args;
  assertTrader(actor);
  const where = listWhere(actor.companyId, query);
  const [total, rows] = await Promise.all([
    db.declaration.count({ where }),
    db.declaration.findMany({
      where,
      orderBy: listOrder(query.sort),
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: ACCOUNT_LIST_SELECT,
    }),
  ]);
  return { total, page: query.page, pageSize: PAGE_SIZE, rows };
}

/** Every declaration matching the filters, for CSV export (capped, read in pages of 1000). Authorizes at once. */
export function exportCompanyDeclarations(args: { actor: Actor; query: DeclarationListQuery; max?: number }) {
  const { actor, query } = args;
  assertTrader(actor);
  const where = listWhere(actor.companyId, query);
  const max = args.max ?? 100_000;
  return (async function* () {
    for (let skip = 0; skip < max; skip += 1000) {
      const rows = await db.declaration.findMany({
        where,
        orderBy: listOrder(query.sort),
        skip,
        take: 1000,
        select: LIST_SELECT,
      });
      yield* rows;
      if (rows.length < 1000) return;
    }
  })();
}

/**
 * What is still to pay on a declaration, from the ledger (loadSettlement): the latest assessment's
 * payable amounts against what was settled, nothing once it is refused or withdrawn.
 */
export async function amountDue(declarationId: string, reader: Tx | typeof db = db): Promise<string> {
  return loadAmountDue(reader, declarationId);
}

export async function getDeclarationForTrader(args: { actor: Actor; declarationId: string }) {
  const { actor } = args;
  assertTrader(actor);
  const declaration = await db.declaration.findFirst({
    where: { id: args.declarationId, companyId: actor.companyId },
    include: {
      items: { orderBy: { lineNo: 'asc' } },
      documents: {
        orderBy: { createdAt: 'asc' },
        include: { file: { select: { id: true, fileName: true, mimeType: true, size: true } } },
      },
      post: { select: { code: true, name: true } },
      company: { select: { tin: true, name: true } },
      events: {
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        select: { id: true, fromStatus: true, toStatus: true, actorRole: true, reason: true, at: true },
      },
    },
  });
  // Another company's declaration is indistinguishable from one that does not exist.
  if (!declaration) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return { ...declaration, copiedFrom: await copiedFromOf(actor, declaration.copiedFromId) };
}

/**
 * The declaration a copy was made from (always the same company's: copies are made within a
 * company), or null when it is not a copy or its source no longer exists.
 */
async function copiedFromOf(actor: TraderActor, copiedFromId: string | null) {
  if (!copiedFromId) return null;
  return db.declaration.findFirst({
    where: { id: copiedFromId, companyId: actor.companyId },
    select: { id: true, registrationNumber: true, createdAt: true },
  });
}

/**
 * The items' permit formalities as the trader reads them (HELD mode: release's verdict on the linked
 * permits, and for the rest a permit the company could link, or why none fits), on `date`.
 */
async function traderFormalities(
  declaration: { id: string; regime: DeclarationOverview['regime']; items: ReadonlyArray<TraderItem> },
  companyId: string,
  date: string,
): Promise<ItemFormalities[]> {
  const [links, catalogue, permits] = await Promise.all([
    db.permitLink.findMany({
      where: { item: { declarationId: declaration.id } },
      select: { permitId: true, declarationItemId: true },
      orderBy: { id: 'asc' },
    }),
    loadCatalogue(db),
    loadCompanyPermits(db, companyId),
  ]);
  const linkedTo = new Map<string, string[]>();
  for (const l of links) linkedTo.set(l.declarationItemId, [...(linkedTo.get(l.declarationItemId) ?? []), l.permitId]);
  return checkFormalities({
    items: declaration.items.map((i) => ({
      lineNo: i.lineNo,
      hsCode: i.hsCode,
      quantity: i.quantity.toString(),
      unit: i.supplementaryUnit,
      linkedPermitIds: linkedTo.get(i.id) ?? [],
    })),
    regime: declaration.regime,
    companyId,
    date,
    catalogue,
    permits,
    mode: 'HELD',
  });
}

type TraderItem = Awaited<ReturnType<typeof getDeclarationForTrader>>['items'][number];
type PaymentTotals = { DUTY: string; EXCISE: string; VAT: string; FEE: string };
export type DeclarationOverview = Awaited<ReturnType<typeof getDeclarationForTrader>> & {
  nextAction: NextAction;
  /** Still to pay, from the ledger (the same settlement the pay control and the release check use). */
  amountDue: string;
  /** The company account's version (its number of entries): the page reloads when it changes. */
  accountVersion: number;
  assessment: { assessmentNo: number; totals: PaymentTotals; isSecured: boolean } | null;
  /** The permits release still waits for (registered and not final; [] otherwise). */
  permitBlockers: PermitBlocker[];
};

export async function getDeclarationOverview(args: {
  actor: Actor;
  declarationId: string;
}): Promise<DeclarationOverview> {
  const { actor } = args;
  assertTrader(actor);
  const declaration = await getDeclarationForTrader(args);
  const [{ amountDue: due }, account] = await Promise.all([
    loadSettlement(db, declaration),
    db.account.findUnique({ where: { companyId: declaration.companyId }, select: { version: true } }),
  ]);
  const latest = await db.assessedPayment.aggregate({
    where: { declarationId: declaration.id },
    _max: { assessmentNo: true },
  });
  const assessmentNo = latest._max.assessmentNo;
  const sums = assessmentNo
    ? await db.assessedPayment.groupBy({
        by: ['paymentType'],
        where: { declarationId: declaration.id, assessmentNo },
        _sum: { amount: true },
      })
    : [];
  const total = (type: keyof PaymentTotals) =>
    sums.find((r) => r.paymentType === type)?._sum.amount?.toFixed(2) ?? '0.00';
  const isSecured = assessmentNo
    ? (await db.assessedPayment.count({ where: { declarationId: declaration.id, assessmentNo, isSecured: true } })) > 0
    : false;
  // Release checks permits on the registration date; a draft's are on check-your-answers, and after
  // release, refusal or withdrawal nothing waits any more.
  const blockers =
    declaration.registeredAt && declaration.status !== 'DRAFT' && isLinkingAllowed(declaration.status)
      ? permitBlockers(await traderFormalities(declaration, actor.companyId, serviceDate(declaration.registeredAt)))
      : [];
  return {
    ...declaration,
    amountDue: due,
    accountVersion: account?.version ?? 0,
    permitBlockers: blockers,
    nextAction: nextActionFor({
      status: declaration.status,
      currentReason: declaration.currentReason,
      amountDue: due,
      missingPermits: blockers.length,
    }),
    assessment: assessmentNo
      ? {
          assessmentNo,
          totals: { DUTY: total('DUTY'), EXCISE: total('EXCISE'), VAT: total('VAT'), FEE: total('FEE') },
          isSecured,
        }
      : null,
  };
}

/**
 * What the page polls for live updates: a change of `version` (the declaration) or of `accountVersion`
 * (a payment, credit, top-up or refund on the company's account: what is still to pay, the balance
 * and the pay button) means "reload".
 */
export async function getDeclarationStatus(args: { actor: Actor; declarationId: string }) {
  const { actor } = args;
  assertTrader(actor);
  const [d, account] = await Promise.all([
    db.declaration.findFirst({
      where: { id: args.declarationId, companyId: actor.companyId },
      select: { status: true, version: true, registrationNumber: true, channel: true },
    }),
    db.account.findUnique({ where: { companyId: actor.companyId }, select: { version: true } }),
  ]);
  if (!d) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return { ...d, accountVersion: account?.version ?? 0 };
}

export type CheckYourAnswers = {
  declaration: Awaited<ReturnType<typeof getDeclarationForTrader>>;
  problems: FieldError[];
  estimate: DutyAssessment | null;
  estimateProblems: FieldError[];
  estimateDate: string;
  formalities: ItemFormalities[];
  /** What release will wait for: each permit an item still lacks (a warning; submission is allowed). */
  permitBlockers: PermitBlocker[];
};

/**
 * Check your answers: the control's findings (they block submission), the payments estimate, each
 * item's formalities and the permits release will wait for (a warning: they do not block submission).
 */
export async function getCheckYourAnswers(args: {
  actor: Actor;
  declarationId: string;
  now: Date;
}): Promise<CheckYourAnswers> {
  const { actor, now } = args;
  assertTrader(actor);
  const declaration = await getDeclarationForTrader(args);
  const full = { ...declaration, company: declaration.company };
  const problems = await runControl(db, full, now);
  const estimateDate = serviceDate(now);
  let estimate: DutyAssessment | null = null;
  let estimateProblems: FieldError[] = [];
  if (declaration.items.length > 0) {
    try {
      estimate = await assessDeclaration(db, declaration, estimateDate);
    } catch (e) {
      if (!isAppError(e)) throw e;
      estimateProblems = e.fieldErrors.length ? e.fieldErrors : [{ path: '_form', message: e.message }];
    }
  }
  // Checked on the registration date when there is one (an amendment), else today's.
  const formalities = await traderFormalities(
    declaration,
    actor.companyId,
    declaration.registeredAt ? serviceDate(declaration.registeredAt) : estimateDate,
  );
  return {
    declaration,
    problems,
    estimate,
    estimateProblems,
    estimateDate,
    formalities,
    permitBlockers: permitBlockers(formalities),
  };
}
