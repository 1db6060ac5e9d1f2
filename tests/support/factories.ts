// Factories for integration tests: each builds real rows through Prisma (no mocks), with values
// unique per worker so test files can run in parallel on one database.
import { randomUUID } from 'node:crypto';
import { db, Prisma } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import type { Role } from '@/lib/auth/roles';
import type { DeclarationDraftInput } from '@/lib/declaration/schema';
import { hashPassword } from '@/src/server/auth/password';
import { lockAccount, nextReceiptNumber, postEntries } from '@/src/server/payments/ledger';
import { payDeclaration } from '@/src/server/payments/pay';
import { loadAmountDue } from '@/src/server/payments/settlement';

const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 1) % 40;
let counter = 0;
const next = () => ++counter;

/** 5-digit post codes and 9-digit TINs, disjoint between workers. */
export const uniquePostCode = () => String(40000 + worker * 1000 + next()); // the seed's posts are below 40000
export const uniqueTin = () => String(400000000 + worker * 1_000_000 + next());
export const uniqueEmail = (role: string) => `${role.toLowerCase()}-${worker}-${next()}-${Date.now()}@test.uz`;

// Test files run one after another in fresh processes that may reuse a pool id (so the counter
// restarts): a code already taken by an earlier file is skipped, not an error.
async function withFreshValue<T>(make: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await make();
    } catch (e) {
      if (attempt >= 1000 || !(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
    }
  }
}

export async function aPost(overrides: { code?: string } = {}) {
  if (overrides.code)
    return db.customsPost.create({
      data: { code: overrides.code, name: `Test post ${overrides.code}`, region: 'Test region' },
    });
  return withFreshValue(() => {
    const code = uniquePostCode();
    return db.customsPost.create({ data: { code, name: `Test post ${code}`, region: 'Test region' } });
  });
}

/**
 * A risk profile that forces a channel for every declaration of a post: tests that need the officer
 * path (yellow/red) or the green path do not depend on the model's or the random draw's verdict.
 */
export async function aForcedChannel(postCode: string, channel: 'GREEN' | 'YELLOW' | 'RED' | 'BLUE' = 'YELLOW') {
  return db.riskProfile.create({
    data: {
      name: `Test: ${channel} at post ${postCode}`,
      conditions: { postCodes: [postCode] },
      weight: 0,
      forcedChannel: channel,
      validFrom: new Date('2020-01-01T00:00:00Z'),
      isShadow: false,
      isActive: true,
    },
  });
}

/** A post whose declarations all go to its officers (a forced-yellow profile). */
export async function anInspectedPost() {
  const post = await aPost();
  await aForcedChannel(post.code, 'YELLOW');
  return post;
}

export async function aCompany(overrides: { isAuthorisedEconomicOperator?: boolean } = {}) {
  return withFreshValue(() => {
    const tin = uniqueTin();
    return db.company.create({
      data: {
        tin,
        name: `Test company ${tin}`,
        address: 'Tashkent, test street 1',
        isAuthorisedEconomicOperator: overrides.isAuthorisedEconomicOperator ?? false,
      },
    });
  });
}

let passwordHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'Test#Password1';

export async function aUser(args: {
  role: Role;
  companyId?: string;
  postId?: string;
  authorityId?: string;
  isOnDuty?: boolean;
  isActive?: boolean;
  email?: string;
}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: args.email ?? uniqueEmail(args.role),
      name: `Test ${args.role.toLowerCase()}`,
      passwordHash: await passwordHash,
      role: args.role,
      companyId: args.companyId,
      postId: args.postId,
      authorityId: args.authorityId,
      isOnDuty: args.isOnDuty ?? false,
      isActive: args.isActive ?? true,
      // At most 20 characters, as the release note prints it (worker, counter, time in base 36).
      officerNumber:
        args.role === 'INSPECTOR' || args.role === 'SUPERVISOR'
          ? `T${worker}-${next()}-${Date.now().toString(36)}`
          : null,
    },
  });
}

export function actorOf(user: {
  id: string;
  role: Role;
  email: string;
  name: string;
  companyId: string | null;
  postId: string | null;
  authorityId: string | null;
}): Actor {
  return {
    userId: user.id,
    role: user.role,
    email: user.email,
    name: user.name,
    companyId: user.companyId,
    postId: user.postId,
    authorityId: user.authorityId,
  };
}

export async function aTrader(overrides: { companyId?: string } = {}) {
  const companyId = overrides.companyId ?? (await aCompany()).id;
  return actorOf(await aUser({ role: 'TRADER', companyId }));
}

/**
 * Credit the trader's company account as a succeeded top-up would (its TopUp row with a receipt
 * number, and the ledger entry through the one ledger writer). Returns the balance after it.
 */
export async function aBalance(trader: Actor, amount: string, at = new Date()): Promise<string> {
  const companyId = trader.companyId!;
  return db.$transaction(async (tx) => {
    const account = await lockAccount(tx, companyId, at);
    const receiptNumber = await nextReceiptNumber(tx, at);
    const topUp = await tx.topUp.create({
      data: {
        companyId,
        amount,
        gateway: 'test',
        gatewayTransactionId: `factory-${receiptNumber}`,
        status: 'SUCCEEDED',
        receiptNumber,
        createdById: trader.userId,
        createdAt: at,
        completedAt: at,
      },
    });
    return postEntries(
      tx,
      account,
      [{ kind: 'TOP_UP', magnitude: amount, topUpId: topUp.id, reference: receiptNumber }],
      {
        actorId: trader.userId,
        at,
        what: 'a top-up',
      },
    );
  });
}

export async function anInspector(postId: string, overrides: { isOnDuty?: boolean } = {}) {
  return actorOf(await aUser({ role: 'INSPECTOR', postId, isOnDuty: overrides.isOnDuty ?? true }));
}

export function aDraftInput(overrides: Partial<DeclarationDraftInput> & { postCode: string }): DeclarationDraftInput {
  return {
    regime: 'IM40',
    consignorName: 'Shenzhen Tech Ltd',
    consignorCountry: 'CN',
    consignorAddress: 'Shenzhen, Nanshan district 1',
    consigneeName: 'Test consignee LLC',
    consigneeCountry: 'UZ',
    consigneeAddress: 'Tashkent, Amir Temur 107',
    dispatchCountry: 'CN',
    destinationCountry: 'UZ',
    transportMode: 'ROAD',
    transportDocument: 'CMR 4471023',
    incoterm: 'FOB',
    documents: [
      { type: 'INVOICE', number: 'INV-2026-001', date: '2026-11-20' },
      { type: 'TRANSPORT_DOCUMENT', number: 'CMR 4471023', date: '2026-11-21' },
    ],
    invoiceCurrency: 'USD',
    invoiceTotal: '10000.00',
    freight: '800.00',
    insurance: '50.00',
    items: [
      {
        hsCode: '8471300000',
        description: 'Laptops',
        originCountry: 'CN',
        grossMass: '120',
        netMass: '100',
        quantity: '50',
        supplementaryUnit: 'PCS',
        invoiceValue: '6000.00',
      },
      {
        hsCode: '2203000900',
        description: 'Beer',
        originCountry: 'DE',
        grossMass: '2400',
        netMass: '2000',
        quantity: '2000',
        supplementaryUnit: 'L',
        invoiceValue: '4000.00',
      },
    ],
    ...overrides,
  };
}

// ───────────── Permits (issue 5) ─────────────

/** An officer of one of the seeded authorities (SES, PQ, VET, STD, PH, ECO). */
export async function anAgencyOfficer(authorityCode: string) {
  const authority = await db.authority.findUniqueOrThrow({ where: { code: authorityCode } });
  return actorOf(await aUser({ role: 'AGENCY_OFFICER', authorityId: authority.id }));
}

/** A permit held by a company, inserted directly (no application, no signed document); for its type's first direction unless told. */
export async function aPermit(args: {
  companyId: string;
  typeCode: string;
  hsCodes: string[];
  quantity: string;
  unit: string;
  direction?: 'IMPORT' | 'EXPORT' | 'TRANSIT';
  validFrom?: string;
  validTo?: string;
  status?: 'ISSUED' | 'REVOKED' | 'EXHAUSTED';
  issuedById?: string;
}) {
  const direction =
    args.direction ??
    (await db.permitType.findUniqueOrThrow({ where: { code: args.typeCode }, select: { directions: true } }))
      .directions[0];
  return withFreshValue(() =>
    db.permit.create({
      data: {
        number: `${args.typeCode}/T${worker}/${String(next()).padStart(6, '0')}${String(Date.now()).slice(-6)}`,
        companyId: args.companyId,
        permitTypeCode: args.typeCode,
        direction,
        status: args.status ?? 'ISSUED',
        hsCodes: args.hsCodes,
        validFrom: new Date(`${args.validFrom ?? '2026-01-01'}T00:00:00Z`),
        validTo: new Date(`${args.validTo ?? '2027-12-31'}T00:00:00Z`),
        quantity: args.quantity,
        remainingQuantity: args.quantity,
        unit: args.unit,
        issuedById: args.issuedById ?? '00000000-0000-4000-8000-000000000000',
        issuedAt: new Date('2026-01-01T06:00:00Z'),
      },
    }),
  );
}

/**
 * A registered declaration inserted directly (status ASSIGNED by default, nothing assessed, so
 * nothing is due): for tests of release that must not depend on registration or risk.
 */
export async function aRegisteredDeclaration(args: {
  companyId: string;
  createdById: string;
  post: { id: string; code: string };
  registeredAt: Date;
  items: Array<{ hsCode: string; quantity: string; supplementaryUnit: string; description?: string }>;
  regime?: 'IM40' | 'EK10' | 'TR80' | 'IM31' | 'EK31' | 'IM70';
  status?: 'REGISTERED' | 'ASSIGNED' | 'ASSESSED' | 'PAID';
}) {
  const day = args.registeredAt.toISOString().slice(2, 10).replaceAll('-', '');
  return withFreshValue(() =>
    db.declaration.create({
      data: {
        companyId: args.companyId,
        createdById: args.createdById,
        postId: args.post.id,
        regime: args.regime ?? 'IM40',
        status: args.status ?? 'ASSIGNED',
        registrationNumber: `${args.post.code}/${day}/${String(next()).padStart(7, '0')}`,
        consignorName: 'Shenzhen Tech Ltd',
        consignorCountry: 'CN',
        consignorAddress: 'Shenzhen',
        consigneeName: 'Test consignee LLC',
        consigneeCountry: 'UZ',
        consigneeAddress: 'Tashkent',
        dispatchCountry: 'CN',
        destinationCountry: 'UZ',
        transportMode: 'ROAD',
        transportDocument: 'CMR 1',
        incoterm: 'FOB',
        invoiceCurrency: 'USD',
        invoiceTotal: '1000.00',
        createdAt: args.registeredAt,
        submittedAt: args.registeredAt,
        registeredAt: args.registeredAt,
        items: {
          create: args.items.map((item, i) => ({
            lineNo: i + 1,
            hsCode: item.hsCode,
            description: item.description ?? `Goods ${i + 1}`,
            originCountry: 'CN',
            grossMass: '10',
            netMass: '10',
            quantity: item.quantity,
            supplementaryUnit: item.supplementaryUnit,
            invoiceValue: '100.00',
          })),
        },
      },
      include: { items: { orderBy: { lineNo: 'asc' } } },
    }),
  );
}

// ───────────── Payments (issue 6) ─────────────

type Amounts = Partial<Record<'DUTY' | 'EXCISE' | 'VAT' | 'FEE', string>>;

/** Store an assessment (the next `assessmentNo`) of a declaration: DUTY/EXCISE/VAT on its first item, FEE on none. */
export async function anAssessment(declarationId: string, amounts: Amounts, options: { isSecured?: boolean } = {}) {
  const item = await db.declarationItem.findFirstOrThrow({ where: { declarationId }, orderBy: { lineNo: 'asc' } });
  const latest = await db.assessedPayment.aggregate({ where: { declarationId }, _max: { assessmentNo: true } });
  const assessmentNo = (latest._max.assessmentNo ?? 0) + 1;
  await db.assessedPayment.createMany({
    data: (['DUTY', 'EXCISE', 'VAT', 'FEE'] as const).map((paymentType) => ({
      declarationId,
      itemId: paymentType === 'FEE' ? null : item.id,
      assessmentNo,
      paymentType,
      base: '0',
      amount: amounts[paymentType] ?? '0.00',
      isSecured: paymentType === 'FEE' ? false : (options.isSecured ?? false),
    })),
  });
  return assessmentNo;
}

/**
 * Pay everything a declaration owes the real way (payDeclaration: ledger entries, receipt, an
 * automatic release where one applies), its company's account first credited with exactly that
 * amount — test setup standing in for a top-up through the gateway. Nothing when nothing is due.
 */
export async function payInFull(args: { trader: Actor; declarationId: string; now: Date }) {
  const { trader, declarationId, now } = args;
  const due = await loadAmountDue(db, declarationId);
  if (due === '0.00') return null;
  await db.$transaction(async (tx) => {
    const account = await lockAccount(tx, trader.companyId!, now);
    await postEntries(tx, account, [{ kind: 'TOP_UP', magnitude: due, reference: `TEST-TOP-UP ${declarationId}` }], {
      actorId: trader.userId,
      at: now,
      what: 'a test top-up',
    });
  });
  return payDeclaration({ actor: trader, declarationId, idempotencyKey: randomUUID(), amount: due, now });
}

/**
 * A registered declaration with its payments assessed, inserted directly: `channel: 'GREEN'` and
 * `status: 'ASSESSED'` stand for the risk engine's green channel; the default is an officer's
 * (yellow, ASSIGNED) declaration.
 */
export async function aDeclarationWithPaymentsDue(args: {
  trader: Actor;
  post: { id: string; code: string };
  amounts: Amounts;
  channel?: 'GREEN' | 'YELLOW' | 'RED' | 'BLUE';
  status?: 'REGISTERED' | 'ASSIGNED' | 'ASSESSED' | 'PAID' | 'RELEASED' | 'WITHDRAWN' | 'REFUSED';
  registeredAt?: Date;
}) {
  const registeredAt = args.registeredAt ?? new Date('2026-11-28T06:00:00Z');
  const day = registeredAt.toISOString().slice(2, 10).replaceAll('-', '');
  const declaration = await withFreshValue(() =>
    db.declaration.create({
      data: {
        companyId: args.trader.companyId!,
        createdById: args.trader.userId,
        postId: args.post.id,
        regime: 'IM40',
        status: args.status ?? 'ASSIGNED',
        channel: args.channel ?? 'YELLOW',
        registrationNumber: `${args.post.code}/${day}/9${String(next()).padStart(6, '0')}`,
        consignorName: 'Shenzhen Tech Ltd',
        consignorCountry: 'CN',
        consignorAddress: 'Shenzhen',
        consigneeName: 'Test consignee LLC',
        consigneeCountry: 'UZ',
        consigneeAddress: 'Tashkent',
        dispatchCountry: 'CN',
        destinationCountry: 'UZ',
        transportMode: 'ROAD',
        transportDocument: 'CMR 1',
        incoterm: 'FOB',
        invoiceCurrency: 'USD',
        invoiceTotal: '1000.00',
        createdAt: registeredAt,
        submittedAt: registeredAt,
        registeredAt,
        // Raw cotton needs no permit, so nothing but payment stands between a green declaration and release.
        items: {
          create: [
            {
              lineNo: 1,
              hsCode: '5201000000',
              description: 'Raw cotton',
              originCountry: 'CN',
              grossMass: '1010',
              netMass: '1000',
              quantity: '1000',
              supplementaryUnit: 'KG',
              invoiceValue: '1000.00',
            },
          ],
        },
      },
    }),
  );
  await anAssessment(declaration.id, args.amounts);
  return declaration;
}

// ───────────── Statistics (issue 4) ─────────────

/**
 * A declaration as its life so far left it, inserted directly with every row the statistics read:
 * channel and status, release, assessments (each list is the next `assessmentNo`), inspections,
 * payments and an assignment. For tests of figures, not of the journey that produces them.
 */
export async function aDeclarationForStatistics(args: {
  trader: Actor;
  post: { id: string; code: string };
  registeredAt: Date;
  regime?: 'IM40' | 'EK10' | 'TR80' | 'IM31' | 'EK31' | 'IM70';
  channel?: 'GREEN' | 'YELLOW' | 'RED' | 'BLUE' | null;
  status?:
    | 'REGISTERED'
    | 'ASSIGNED'
    | 'AMENDMENT_REQUESTED'
    | 'ON_HOLD'
    | 'ASSESSED'
    | 'PAID'
    | 'RELEASED'
    | 'REFUSED'
    | 'WITHDRAWN';
  releasedAt?: Date | null;
  assessments?: Array<{ amounts: Partial<Record<'DUTY' | 'EXCISE' | 'VAT' | 'FEE', string>>; isSecured?: boolean }>;
  inspections?: Array<{
    kind: 'DOCUMENT_CHECK' | 'PHYSICAL_EXAMINATION' | 'POST_CLEARANCE_AUDIT';
    inspectorId: string;
    at: Date;
    isHit?: boolean;
    additionalRevenue?: string;
  }>;
  payments?: Array<{ amount: string; at: Date; status?: 'COMPLETED' | 'REVERSED' }>;
  assignment?: { inspectorId: string | null; closedAt?: Date | null };
}) {
  const { trader, post, registeredAt } = args;
  const day = new Date(registeredAt.getTime() + 5 * 3600_000).toISOString().slice(2, 10).replaceAll('-', '');
  const declaration = await withFreshValue(() =>
    db.declaration.create({
      data: {
        companyId: trader.companyId!,
        createdById: trader.userId,
        postId: post.id,
        regime: args.regime ?? 'IM40',
        status: args.status ?? 'RELEASED',
        channel: args.channel === undefined ? 'GREEN' : args.channel,
        registrationNumber: `${post.code}/${day}/8${String(next()).padStart(6, '0')}`,
        consignorName: 'Shenzhen Tech Ltd',
        consignorCountry: 'CN',
        consignorAddress: 'Shenzhen',
        consigneeName: 'Test consignee LLC',
        consigneeCountry: 'UZ',
        consigneeAddress: 'Tashkent',
        dispatchCountry: 'CN',
        destinationCountry: 'UZ',
        transportMode: 'ROAD',
        transportDocument: 'CMR 1',
        incoterm: 'FOB',
        invoiceCurrency: 'USD',
        invoiceTotal: '1000.00',
        createdAt: registeredAt,
        submittedAt: registeredAt,
        registeredAt,
        releasedAt: args.releasedAt ?? null,
        items: {
          create: [
            {
              lineNo: 1,
              hsCode: '5201000000',
              description: 'Raw cotton',
              originCountry: 'UZ',
              grossMass: '1010',
              netMass: '1000',
              quantity: '1000',
              supplementaryUnit: 'KG',
              invoiceValue: '1000.00',
            },
          ],
        },
      },
      include: { items: true },
    }),
  );
  for (const [n, assessment] of (args.assessments ?? []).entries()) {
    await db.assessedPayment.createMany({
      data: (Object.entries(assessment.amounts) as Array<['DUTY' | 'EXCISE' | 'VAT' | 'FEE', string]>).map(
        ([paymentType, amount]) => ({
          declarationId: declaration.id,
          itemId: paymentType === 'FEE' ? null : declaration.items[0].id,
          assessmentNo: n + 1,
          paymentType,
          base: '0',
          amount,
          isSecured: assessment.isSecured ?? false,
          createdAt: registeredAt,
        }),
      ),
    });
  }
  for (const inspection of args.inspections ?? []) {
    await db.inspection.create({
      data: {
        declarationId: declaration.id,
        inspectorId: inspection.inspectorId,
        kind: inspection.kind,
        findings: inspection.isHit ? 'Discrepancy found.' : 'No discrepancies.',
        isHit: inspection.isHit ?? false,
        additionalRevenue: inspection.additionalRevenue ?? '0.00',
        at: inspection.at,
      },
    });
  }
  for (const payment of args.payments ?? []) {
    const key = `stat-${worker}-${next()}-${Date.now()}`;
    await db.payment.create({
      data: {
        declarationId: declaration.id,
        companyId: trader.companyId!,
        idempotencyKey: key,
        amount: payment.amount,
        status: payment.status ?? 'COMPLETED',
        receiptNumber: `R-${key}`,
        actorId: trader.userId,
        at: payment.at,
      },
    });
  }
  if (args.assignment) {
    await db.assignment.create({
      data: {
        declarationId: declaration.id,
        postId: post.id,
        inspectorId: args.assignment.inspectorId,
        assignedAt: registeredAt,
        closedAt: args.assignment.closedAt ?? null,
        reason: args.assignment.inspectorId ? 'AUTOMATIC' : 'POOL',
      },
    });
  }
  return declaration;
}
