// The trader's permit applications: start one for a permit type (or from a declaration line, with
// the line's goods as its first product), add the products and the documents (files checked by
// content, like the declaration's), submit (which charges the type's fee from the personal account:
// fees.ts), answer the authority's questions, withdraw; and the read models of the personal
// account. Every use case is scoped to the actor's company (another company's application is "not
// found"), runs in one transaction and writes its audit entry there.
import { db, type Tx } from '../db';
import { assertTrader, type Actor, type TraderActor } from '../actor';
import { writeAudit } from '../audit';
import { assertAcceptableUpload, storeUpload, type Upload } from '../files';
import { conflict, forbidden, invalid, notFound, type FieldError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import {
  OTHER_DOCUMENT,
  ZAnswer,
  ZApplicationDocument,
  ZApplicationProduct,
  ZDeclarationLineRef,
  ZStartApplication,
  ZStartApplicationForLine,
  ZWithdrawApplication,
  DIRECTION_WORD,
  applicationDirection,
  applicationNumberPrefix,
  applicationTransition,
  isApplicationEditable,
  isLinkingAllowed,
  linePrefill,
  missingDocuments,
  mixedUnitsProblem,
  notCoveredMessage,
  typeCoversHsCode,
  type ApplicationAction,
  type ApplicationProduct,
  type ApplicationStatus,
  type PermitScope,
} from '@/lib/permits';
import { REGIME_DIRECTION } from '@/lib/reference/customs';
import { serviceDate } from '@/lib/time';
import { moneyTransaction } from '../payments/ledger';
import { nextApplicationNumber } from './numbering';
import { isValidUuid } from './ids';
import { loadCatalogue } from './catalogue';
import { assertFeeCovered, chargeApplicationFee, refundApplicationFeeIfDue, type FeeMovement } from './fees';

export const APPLICATIONS_PAGE_SIZE = 20;
export const MAX_PRODUCTS = 50;
export const MAX_APPLICATION_DOCUMENTS = 30;

type LockedApplication = {
  id: string;
  status: ApplicationStatus;
  companyId: string;
  permitTypeCode: string;
  number: string | null;
  version: number;
};

/** Lock an application of the actor's company (404 for any other). */
async function lockCompanyApplication(tx: Tx, actor: TraderActor, applicationId: string): Promise<LockedApplication> {
  if (!isValidUuid(applicationId)) throw notFound('The application');
  const rows = await tx.$queryRaw<LockedApplication[]>`
    SELECT id, status, "companyId", "permitTypeCode", number, version FROM "PermitApplication"
    WHERE id = ${applicationId}::uuid AND "companyId" = ${actor.companyId}::uuid
    FOR UPDATE`;
  if (!rows[0]) throw notFound('The application');
  return rows[0];
}

async function lockEditableApplication(tx: Tx, actor: TraderActor, applicationId: string): Promise<LockedApplication> {
  const row = await lockCompanyApplication(tx, actor, applicationId);
  if (!isApplicationEditable(row.status)) {
    throw conflict(
      'This application can no longer be changed: it has been submitted. You can add to it when the authority asks for more information.',
    );
  }
  return row;
}

function nextStatus(row: LockedApplication, action: ApplicationAction, refusal: string): ApplicationStatus {
  const to = applicationTransition(row.status, action);
  if (!to) throw conflict(refusal);
  return to;
}

async function bump(tx: Tx, applicationId: string, data: Record<string, unknown> = {}) {
  await tx.permitApplication.update({ where: { id: applicationId }, data: { ...data, version: { increment: 1 } } });
}

/**
 * The problems of a product on an application of `type` (each on its field): a commodity code the
 * type covers and the tariff knows, at most MAX_PRODUCTS, and — for a QUANTITY type — the unit of the
 * products already there (mixedUnitsProblem).
 */
async function productProblems(
  tx: Tx,
  type: { code: string; hsPrefixes: string[]; scope: PermitScope },
  product: ApplicationProduct,
  existing: ReadonlyArray<{ unit: string }>,
): Promise<FieldError[]> {
  if (!typeCoversHsCode(type.hsPrefixes, product.hsCode))
    return [{ path: 'hsCode', message: notCoveredMessage(type, product.hsCode) }];
  const inTariff = await tx.tariffLine.findUnique({ where: { hsCode: product.hsCode }, select: { hsCode: true } });
  if (!inTariff)
    return [
      { path: 'hsCode', message: `Commodity code ${product.hsCode} is not in the national tariff — check the code` },
    ];
  if (existing.length >= MAX_PRODUCTS)
    return [{ path: 'hsCode', message: `An application can have at most ${MAX_PRODUCTS} products` }];
  const units = mixedUnitsProblem(type, [...existing.map((p) => p.unit), product.unit]);
  return units ? [units] : [];
}

/**
 * Start an application (a draft) for an active permit type, for one direction: the trader's choice
 * when the type serves several, else the type's own (applicationDirection).
 */
export async function startApplication(args: { actor: Actor; input: unknown; now: Date }): Promise<{ id: string }> {
  const { actor, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZStartApplication, args.input);
  const type = await db.permitType.findUnique({
    where: { code: input.permitTypeCode },
    select: { code: true, isActive: true, directions: true },
  });
  if (!type || !type.isActive)
    throw invalid([{ path: 'permitTypeCode', message: 'Choose a permit type from the list' }]);
  const chosen = applicationDirection(type, input.direction);
  if ('problem' in chosen) throw invalid([chosen.problem]);
  const { direction } = chosen;
  return db.$transaction(async (tx) => {
    const application = await tx.permitApplication.create({
      data: {
        companyId: actor.companyId,
        permitTypeCode: type.code,
        direction,
        status: 'DRAFT',
        purpose: input.purpose,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.start',
      entityType: 'PermitApplication',
      entityId: application.id,
      data: { permitType: type.code, direction },
      at: now,
    });
    return application;
  });
}

/**
 * Add a product. Its commodity code must be in the tariff and covered by the permit type; on a
 * QUANTITY type it must be counted in the unit of the products already there.
 */
export async function addApplicationProduct(args: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, applicationId, now } = args;
  assertTrader(actor);
  const product = parseOrThrow(ZApplicationProduct, args.input);
  return db.$transaction(async (tx) => {
    const row = await lockEditableApplication(tx, actor, applicationId);
    const type = await tx.permitType.findUniqueOrThrow({
      where: { code: row.permitTypeCode },
      select: { code: true, hsPrefixes: true, scope: true },
    });
    const existing = await tx.permitApplicationProduct.findMany({ where: { applicationId }, select: { unit: true } });
    const problems = await productProblems(tx, type, product, existing);
    if (problems.length) throw invalid(problems);
    const created = await tx.permitApplicationProduct.create({
      data: { applicationId, ...product },
      select: { id: true },
    });
    await bump(tx, applicationId);
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.product.add',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: { productId: created.id, hsCode: product.hsCode },
      at: now,
    });
    return created;
  });
}

/**
 * "Apply for a permit" from a line of one of the company's declarations: a draft application with
 * the line's goods as its first product (the form came prefilled by getLineApplicationPrefill; the
 * trader may have changed any field). The declaration must still take permits (isLinkingAllowed)
 * and the application is for its direction; the application remembers the declaration and line,
 * so that the permit issued on it links back there.
 */
export async function startApplicationForLine(args: {
  actor: Actor;
  declarationId: string;
  lineNo: number;
  input: unknown;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, now } = args;
  assertTrader(actor);
  const ref = ZDeclarationLineRef.safeParse({ declarationId: args.declarationId, lineNo: args.lineNo });
  if (!ref.success) throw notFound('The declaration line');
  const { declarationId, lineNo } = ref.data;
  const input = parseOrThrow(ZStartApplicationForLine, args.input);
  const type = await db.permitType.findUnique({
    where: { code: input.permitTypeCode },
    select: { code: true, isActive: true, directions: true, hsPrefixes: true, scope: true },
  });
  if (!type || !type.isActive)
    throw invalid([{ path: 'permitTypeCode', message: 'Choose a permit type from the list' }]);
  const chosen = applicationDirection(type, input.direction);
  if ('problem' in chosen) throw invalid([chosen.problem]);
  const { direction } = chosen;
  const { purpose } = input;
  const product: ApplicationProduct = {
    hsCode: input.hsCode,
    description: input.description,
    quantity: input.quantity,
    unit: input.unit,
    country: input.country,
  };
  return db.$transaction(async (tx) => {
    const line = await tx.declarationItem.findFirst({
      where: { lineNo, declaration: { id: declarationId, companyId: actor.companyId } },
      select: { declaration: { select: { status: true, regime: true, registrationNumber: true } } },
    });
    if (!line) throw notFound('The declaration line');
    const declaration = line.declaration;
    if (!isLinkingAllowed(declaration.status))
      throw conflict(
        `${declaration.registrationNumber ? `Declaration ${declaration.registrationNumber}` : 'The declaration'} is ${declaration.status.toLowerCase()}: its lines no longer take permits.`,
      );
    const declared = REGIME_DIRECTION[declaration.regime];
    if (direction !== declared)
      throw invalid([
        {
          path: type.directions.length > 1 ? 'direction' : 'permitTypeCode',
          message: `The declaration is for ${DIRECTION_WORD[declared]}: apply for a permit issued for ${DIRECTION_WORD[declared]}`,
        },
      ]);
    const problems = await productProblems(tx, type, product, []);
    if (problems.length) throw invalid(problems);
    const application = await tx.permitApplication.create({
      data: {
        companyId: actor.companyId,
        permitTypeCode: type.code,
        direction,
        status: 'DRAFT',
        purpose,
        createdById: actor.userId,
        createdAt: now,
        declarationId,
        declarationLineNo: lineNo,
        products: { create: product },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.start',
      entityType: 'PermitApplication',
      entityId: application.id,
      data: { permitType: type.code, direction, declarationId, lineNo, hsCode: product.hsCode },
      at: now,
    });
    return application;
  });
}

export async function removeApplicationProduct(args: {
  actor: Actor;
  applicationId: string;
  productId: string;
  now: Date;
}): Promise<void> {
  const { actor, applicationId, productId, now } = args;
  assertTrader(actor);
  if (!isValidUuid(productId)) throw notFound('The product');
  await db.$transaction(async (tx) => {
    await lockEditableApplication(tx, actor, applicationId);
    const { count } = await tx.permitApplicationProduct.deleteMany({ where: { id: productId, applicationId } });
    if (count === 0) throw notFound('The product');
    await bump(tx, applicationId);
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.product.remove',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: { productId },
      at: now,
    });
  });
}

/** Attach a document: one of the type's required documents, or another. The file is checked by content. */
export async function addApplicationDocument(args: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  file: Upload | null;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, applicationId, file, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZApplicationDocument, args.input);
  if (!file) throw invalid([{ path: 'file', message: 'Choose the file to attach' }]);
  assertAcceptableUpload(file);
  return db.$transaction(async (tx) => {
    const row = await lockEditableApplication(tx, actor, applicationId);
    const type = await tx.permitType.findUniqueOrThrow({
      where: { code: row.permitTypeCode },
      select: { requiredDocuments: true },
    });
    const allowed = [...type.requiredDocuments, OTHER_DOCUMENT];
    const documentType = allowed.find((d) => d.toLowerCase() === input.documentType.toLowerCase());
    if (!documentType)
      throw invalid([{ path: 'documentType', message: 'Choose which document this is from the list' }]);
    if ((await tx.permitApplicationDocument.count({ where: { applicationId } })) >= MAX_APPLICATION_DOCUMENTS) {
      throw invalid([
        { path: 'file', message: `An application can have at most ${MAX_APPLICATION_DOCUMENTS} documents` },
      ]);
    }
    const stored = await storeUpload(tx, { actor, file, now });
    const document = await tx.permitApplicationDocument.create({
      data: { applicationId, type: documentType, fileId: stored.id, createdAt: now },
      select: { id: true },
    });
    await bump(tx, applicationId);
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.document.add',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: { documentId: document.id, type: documentType },
      at: now,
    });
    return document;
  });
}

export async function removeApplicationDocument(args: {
  actor: Actor;
  applicationId: string;
  documentId: string;
  now: Date;
}): Promise<void> {
  const { actor, applicationId, documentId, now } = args;
  assertTrader(actor);
  if (!isValidUuid(documentId)) throw notFound('The document');
  await db.$transaction(async (tx) => {
    await lockEditableApplication(tx, actor, applicationId);
    const { count } = await tx.permitApplicationDocument.deleteMany({ where: { id: documentId, applicationId } });
    if (count === 0) throw notFound('The document');
    await bump(tx, applicationId);
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.document.remove',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: { documentId },
      at: now,
    });
  });
}

/**
 * Submit a draft: the type must still be issued, every product still covered, a QUANTITY type's
 * products in one unit, every required document attached (each missing one named). The type's fee
 * is charged from the company's personal account (fees.ts) — a balance that does not cover it
 * refuses the submission and writes nothing. The application gets its number and goes to the
 * authority's desk.
 */
export async function submitApplication(args: {
  actor: Actor;
  applicationId: string;
  now: Date;
}): Promise<{ number: string; fee: FeeMovement | null }> {
  const { actor, applicationId, now } = args;
  assertTrader(actor);
  return moneyTransaction(async (tx) => {
    const row = await lockCompanyApplication(tx, actor, applicationId);
    if (row.status === 'SUBMITTED' && row.number) return { number: row.number, fee: null }; // a double click submits once
    const to = nextStatus(row, 'SUBMIT', 'This application has already been submitted.');
    const type = await tx.permitType.findUniqueOrThrow({
      where: { code: row.permitTypeCode },
      select: {
        code: true,
        isActive: true,
        hsPrefixes: true,
        requiredDocuments: true,
        scope: true,
        fee: true,
        isFeeRefundable: true,
      },
    });
    if (!type.isActive) throw conflict(`${type.code} permits are no longer issued. Withdraw this application.`);
    // Sequential: inside a transaction there is one connection.
    const products = await tx.permitApplicationProduct.findMany({
      where: { applicationId },
      orderBy: { id: 'asc' },
      select: { hsCode: true, unit: true },
    });
    const documents = await tx.permitApplicationDocument.findMany({ where: { applicationId }, select: { type: true } });
    const problems: FieldError[] = [];
    if (products.length === 0) problems.push({ path: 'hsCode', message: 'Add at least one product' });
    products.forEach((p) => {
      if (!typeCoversHsCode(type.hsPrefixes, p.hsCode))
        problems.push({ path: 'hsCode', message: notCoveredMessage(type, p.hsCode) });
    });
    const units = mixedUnitsProblem(
      type,
      products.map((p) => p.unit),
    );
    if (units) problems.push(units);
    for (const name of missingDocuments(
      type.requiredDocuments,
      documents.map((d) => d.type),
    ))
      problems.push({ path: 'documentType', message: `Attach the ${name}` });
    if (problems.length) throw invalid(problems, 'The application cannot be submitted yet.');

    const fee = { code: type.code, fee: type.fee.toFixed(2), isFeeRefundable: type.isFeeRefundable };
    // The balance is checked (under the account's lock) before the number is taken: a refusal takes nothing.
    await assertFeeCovered(tx, { companyId: actor.companyId, type: fee, now });
    const number = await nextApplicationNumber(tx, applicationNumberPrefix(type.code, serviceDate(now)));
    await bump(tx, applicationId, { status: to, number, submittedAt: now });
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.submit',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: { number },
      at: now,
    });
    const charged = await chargeApplicationFee(tx, {
      actor,
      application: { id: applicationId, number, companyId: actor.companyId },
      type: fee,
      now,
    });
    return { number, fee: charged };
  });
}

/** Answer the authority's question: the application goes back to the officer. */
export async function answerInformationRequest(args: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, applicationId, now } = args;
  assertTrader(actor);
  const { message } = parseOrThrow(ZAnswer, args.input);
  await db.$transaction(async (tx) => {
    const row = await lockCompanyApplication(tx, actor, applicationId);
    const to = nextStatus(row, 'ANSWER', 'The authority has not asked for more information.');
    await tx.permitApplicationMessage.create({
      data: { applicationId, authorId: actor.userId, authorRole: 'TRADER', body: message, at: now },
    });
    await bump(tx, applicationId, { status: to });
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.answer',
      entityType: 'PermitApplication',
      entityId: applicationId,
      at: now,
    });
  });
}

export async function withdrawApplication(args: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, applicationId, now } = args;
  assertTrader(actor);
  const { reason } = parseOrThrow(ZWithdrawApplication, args.input ?? {});
  await moneyTransaction(async (tx) => {
    const row = await lockCompanyApplication(tx, actor, applicationId);
    const to = nextStatus(row, 'WITHDRAW', 'This application has been decided and cannot be withdrawn.');
    await bump(tx, applicationId, { status: to, decidedAt: now });
    await writeAudit(tx, {
      actor,
      action: 'permitApplication.withdraw',
      entityType: 'PermitApplication',
      entityId: applicationId,
      data: reason ? { reason } : undefined,
      at: now,
    });
    // Withdrawn after submission: the fee comes back when its type's rule says so (a draft paid nothing).
    if (row.number)
      await refundApplicationFeeIfDue(tx, {
        actor,
        application: { id: applicationId, number: row.number, companyId: row.companyId },
        outcome: 'WITHDRAWN',
        now,
      });
  });
}

// ───────────── Read models ─────────────

/** The types a trader can apply for, by authority. */
export async function listApplicableTypes(args: { actor: Actor }) {
  assertTrader(args.actor);
  return db.permitType.findMany({
    where: { isActive: true },
    orderBy: [{ authority: { code: 'asc' } }, { code: 'asc' }],
    select: {
      code: true,
      name: true,
      directions: true,
      hsPrefixes: true,
      validityDays: true,
      scope: true,
      requiredDocuments: true,
      fee: true,
      isFeeRefundable: true,
      authority: { select: { code: true, name: true } },
    },
  });
}

/**
 * What "Apply for a permit" on a declaration line prefills (lib/permits/prefill.ts): the line of one
 * of the company's declarations, the types it needs and the product. `problem` instead when there is
 * no such line (another company's declaration included) or the declaration no longer takes permits.
 */
export async function getLineApplicationPrefill(args: {
  actor: Actor;
  declarationId: string;
  lineNo: number;
  typeCode?: string;
}) {
  const { actor } = args;
  assertTrader(actor);
  if (!isValidUuid(args.declarationId)) return { problem: 'NOT_FOUND' as const };
  const declaration = await db.declaration.findFirst({
    where: { id: args.declarationId, companyId: actor.companyId },
    select: {
      id: true,
      status: true,
      regime: true,
      registrationNumber: true,
      destinationCountry: true,
      items: {
        where: { lineNo: args.lineNo },
        select: {
          lineNo: true,
          hsCode: true,
          description: true,
          originCountry: true,
          quantity: true,
          supplementaryUnit: true,
          permitLinks: { select: { permit: { select: { permitTypeCode: true } } } },
        },
      },
    },
  });
  const item = declaration?.items[0];
  if (!declaration || !item) return { problem: 'NOT_FOUND' as const };
  const about = {
    id: declaration.id,
    registrationNumber: declaration.registrationNumber,
    status: declaration.status,
    lineNo: item.lineNo,
  };
  if (!isLinkingAllowed(declaration.status)) return { problem: 'FINAL' as const, declaration: about };
  const [catalogue, tariff] = await Promise.all([
    loadCatalogue(db),
    db.tariffLine.findUnique({ where: { hsCode: item.hsCode }, select: { supplementaryUnit: true } }),
  ]);
  const prefill = linePrefill({
    line: {
      lineNo: item.lineNo,
      hsCode: item.hsCode,
      description: item.description,
      originCountry: item.originCountry,
      quantity: item.quantity.toString(),
      unit: item.supplementaryUnit,
    },
    regime: declaration.regime,
    destinationCountry: declaration.destinationCountry,
    catalogue,
    tariffUnit: tariff?.supplementaryUnit ?? null,
    linkedTypeCodes: item.permitLinks.map((l) => l.permit.permitTypeCode),
    chosenType: args.typeCode,
  });
  return { problem: null, declaration: about, prefill };
}

export async function listCompanyApplications(args: { actor: Actor; page: number }) {
  const { actor } = args;
  assertTrader(actor);
  const where = { companyId: actor.companyId };
  const [total, rows] = await Promise.all([
    db.permitApplication.count({ where }),
    db.permitApplication.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (args.page - 1) * APPLICATIONS_PAGE_SIZE,
      take: APPLICATIONS_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        createdAt: true,
        submittedAt: true,
        decidedAt: true,
        permitType: { select: { code: true, name: true } },
        permit: { select: { id: true, number: true } },
      },
    }),
  ]);
  return { total, page: args.page, pageSize: APPLICATIONS_PAGE_SIZE, rows };
}

const APPLICATION_DETAIL = {
  products: { orderBy: { hsCode: 'asc' as const } },
  declaration: { select: { id: true, registrationNumber: true, status: true } },
  fees: {
    orderBy: [{ at: 'asc' as const }, { kind: 'asc' as const }],
    select: { id: true, kind: true, amount: true, isRefundable: true, receiptNumber: true, at: true },
  },
  documents: {
    orderBy: { createdAt: 'asc' as const },
    include: { file: { select: { id: true, fileName: true, mimeType: true, size: true } } },
  },
  messages: { orderBy: { at: 'asc' as const } },
  permitType: { include: { authority: { select: { code: true, name: true } } } },
  company: { select: { name: true, tin: true } },
  permit: {
    select: {
      id: true,
      number: true,
      status: true,
      validFrom: true,
      validTo: true,
      quantity: true,
      remainingQuantity: true,
      unit: true,
      conditions: true,
      revokedReason: true,
    },
  },
};

export async function getApplicationForTrader(args: { actor: Actor; applicationId: string }) {
  const { actor } = args;
  assertTrader(actor);
  if (!isValidUuid(args.applicationId)) throw notFound('The application');
  const application = await db.permitApplication.findFirst({
    where: { id: args.applicationId, companyId: actor.companyId },
    include: APPLICATION_DETAIL,
  });
  if (!application) throw notFound('The application');
  return application;
}

export type ApplicationDetail = Awaited<ReturnType<typeof getApplicationForTrader>>;

/** What an open application page polls: a change of version means "reload". Trader (own company) or agency officer (own authority). */
export async function getApplicationVersion(args: {
  actor: Actor;
  applicationId: string;
}): Promise<{ status: ApplicationStatus; version: number }> {
  const { actor, applicationId } = args;
  if (!isValidUuid(applicationId)) throw notFound('The application');
  const scope =
    actor.role === 'TRADER' && actor.companyId
      ? { companyId: actor.companyId }
      : actor.role === 'AGENCY_OFFICER' && actor.authorityId
        ? { permitType: { authorityId: actor.authorityId }, status: { not: 'DRAFT' as const } }
        : null;
  if (!scope) throw forbidden();
  const row = await db.permitApplication.findFirst({
    where: { id: applicationId, ...scope },
    select: { status: true, version: true },
  });
  if (!row) throw notFound('The application');
  return row;
}

/**
 * A file attached to an application, for whoever may see the application: the trader's company, or
 * an officer of the authority it was submitted to (never a draft). Anyone else: "not found".
 */
export async function readApplicationFile(args: { actor: Actor; fileId: string }) {
  const { actor, fileId } = args;
  const scope =
    actor.role === 'TRADER' && actor.companyId
      ? { application: { companyId: actor.companyId } }
      : actor.role === 'AGENCY_OFFICER' && actor.authorityId
        ? { application: { permitType: { authorityId: actor.authorityId }, status: { not: 'DRAFT' as const } } }
        : null;
  if (!scope || !isValidUuid(fileId)) throw notFound('The file');
  const document = await db.permitApplicationDocument.findFirst({
    where: { fileId, ...scope },
    select: { file: true },
  });
  if (!document) throw notFound('The file');
  return document.file;
}
