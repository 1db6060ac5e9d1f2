// Issuing, re-issuing and revoking signed documents. Each function takes the caller's transaction
// (the one that creates the fact the document attests: registration, release, permit issue,
// payment) and writes its audit entries there. One subject has one series of documents per kind:
// version 1 carries the base number, a re-issue `<base>-2`, `<base>-3`, … and supersedes the
// version before it. Concurrent calls for one subject are serialised by a transaction-scoped
// advisory lock.
import { z } from 'zod';
import type { Tx } from '../db';
import { Prisma } from '../db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { registerSigningKey } from './keys';
import { currentSigningKey, signEd25519, verifyEd25519 } from './signature';
import { publicBaseUrl } from './config';
import { AppError } from '@/lib/errors';
import { signingInput } from '@/lib/documents/envelope';
import { ZDocumentNumber, orderVersions, versionedNumber } from '@/lib/documents/numbering';
import { payloadSchema, type DocumentKind, type PayloadOf } from '@/lib/documents/payloads';
import { verificationPath, verificationUrl } from '@/lib/documents/verification';

export type IssuedDocument<K extends DocumentKind = DocumentKind> = {
  kind: K;
  number: string;
  subjectId: string;
  payload: PayloadOf<K>;
  signature: string;
  keyId: string;
  issuedAt: Date;
  /** `/verify/<number>?sig=<signature>` and the same with the public base URL: what the QR code holds. */
  verificationPath: string;
  verificationUrl: string;
};

type StoredRow = {
  kind: DocumentKind;
  number: string;
  subjectId: string;
  payload: unknown;
  signature: string;
  keyId: string;
  issuedAt: Date;
};

export function toIssued<K extends DocumentKind>(row: StoredRow & { kind: K }): IssuedDocument<K> {
  return {
    kind: row.kind,
    number: row.number,
    subjectId: row.subjectId,
    payload: row.payload as PayloadOf<K>,
    signature: row.signature,
    keyId: row.keyId,
    issuedAt: row.issuedAt,
    verificationPath: verificationPath(row.number, row.signature),
    verificationUrl: verificationUrl(publicBaseUrl(), row.number, row.signature),
  };
}

/** Does the stored signature verify, with the stored public key, over the stored row? */
export async function isStoredDocumentIntact(client: Pick<Tx, 'signingKey'>, row: StoredRow): Promise<boolean> {
  const key = await client.signingKey.findUnique({ where: { keyId: row.keyId } });
  if (!key || key.algorithm !== 'Ed25519') return false;
  let message: string;
  try {
    message = signingInput({
      kind: row.kind,
      number: row.number,
      issuedAt: row.issuedAt,
      keyId: row.keyId,
      payload: row.payload,
    });
  } catch {
    return false;
  }
  return verifyEd25519(key.publicKey, message, row.signature);
}

async function lockSubject(tx: Tx, kind: DocumentKind, subjectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`signed-document:${kind}:${subjectId}`}, 0))`;
}

const ZReason = z.string().trim().min(1).max(500);

async function insertSigned<K extends DocumentKind>(
  tx: Tx,
  args: { kind: K; number: string; subjectId: string; payload: PayloadOf<K>; now: Date },
): Promise<IssuedDocument<K>> {
  const number = ZDocumentNumber.safeParse(args.number);
  if (!number.success)
    throw new Error(`"${args.number}" cannot be a document number (letters, digits, '.', '-' and '/', at most 64).`);
  const content = payloadSchema(args.kind).safeParse(args.payload);
  if (!content.success)
    throw new Error(
      `The ${args.kind} content does not match its schema: ${content.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const key = currentSigningKey();
  await registerSigningKey(tx, key, args.now);
  const payload = content.data as PayloadOf<K>;
  const signature = signEd25519(
    key.privateKey,
    signingInput({ kind: args.kind, number: number.data, issuedAt: args.now, keyId: key.keyId, payload }),
  );
  try {
    const row = await tx.signedDocument.create({
      data: {
        number: number.data,
        kind: args.kind,
        subjectId: args.subjectId,
        payload: payload as Prisma.InputJsonValue,
        signature,
        keyId: key.keyId,
        issuedAt: args.now,
      },
    });
    return toIssued({ ...row, kind: args.kind, payload });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
      throw new AppError('CONFLICT', `A document numbered ${number.data} already exists.`);
    throw e;
  }
}

/**
 * Sign and store the first document of a subject (e.g. the release note of a declaration, inside
 * the release transaction). A subject that already has a document of this kind is a CONFLICT: use
 * reissueSignedDocument for new content.
 */
export async function issueSignedDocument<K extends DocumentKind>(
  tx: Tx,
  args: { actor: Actor | null; kind: K; number: string; subjectId: string; payload: PayloadOf<K>; now: Date },
): Promise<IssuedDocument<K>> {
  await lockSubject(tx, args.kind, args.subjectId);
  const existing = await tx.signedDocument.findFirst({
    where: { kind: args.kind, subjectId: args.subjectId },
    select: { number: true },
  });
  if (existing)
    throw new AppError(
      'CONFLICT',
      `This record already has a signed document (${existing.number}); re-issue it for changed content.`,
    );
  const issued = await insertSigned(tx, args);
  await writeAudit(tx, {
    actor: args.actor,
    action: 'document.issue',
    entityType: 'SignedDocument',
    entityId: issued.number,
    data: { kind: args.kind, subjectId: args.subjectId, keyId: issued.keyId },
    at: args.now,
  });
  return issued;
}

/**
 * New content for a subject's document: the latest version is superseded (revoked at `now`, and
 * shown as "Superseded" from then on) and version n+1 is issued as `<base>-<n+1>`.
 */
export async function reissueSignedDocument<K extends DocumentKind>(
  tx: Tx,
  args: { actor: Actor | null; kind: K; subjectId: string; payload: PayloadOf<K>; now: Date; reason: string },
): Promise<IssuedDocument<K> & { previousNumber: string }> {
  const reason = ZReason.parse(args.reason);
  await lockSubject(tx, args.kind, args.subjectId);
  const versions = orderVersions(
    await tx.signedDocument.findMany({
      where: { kind: args.kind, subjectId: args.subjectId },
      select: { id: true, number: true, revokedAt: true },
    }),
  );
  const latest = versions.at(-1);
  if (!latest) throw new AppError('CONFLICT', 'This record has no signed document to re-issue; issue one first.');
  const number = versionedNumber(versions[0].number, latest.version + 1);
  const superseded = await tx.signedDocument.updateMany({
    where: { kind: args.kind, subjectId: args.subjectId, revokedAt: null },
    data: { revokedAt: args.now },
  });
  const issued = await insertSigned(tx, {
    kind: args.kind,
    number,
    subjectId: args.subjectId,
    payload: args.payload,
    now: args.now,
  });
  if (superseded.count > 0) {
    await writeAudit(tx, {
      actor: args.actor,
      action: 'document.supersede',
      entityType: 'SignedDocument',
      entityId: latest.number,
      data: { supersededBy: number, reason },
      at: args.now,
    });
  }
  await writeAudit(tx, {
    actor: args.actor,
    action: 'document.reissue',
    entityType: 'SignedDocument',
    entityId: number,
    data: { kind: args.kind, subjectId: args.subjectId, previousNumber: latest.number, keyId: issued.keyId, reason },
    at: args.now,
  });
  return { ...issued, previousNumber: latest.number };
}

/** Revoke a subject's current documents of a kind (a revoked permit, a cancelled receipt). Returns their numbers. */
export async function revokeSignedDocuments(
  tx: Tx,
  args: { actor: Actor | null; kind: DocumentKind; subjectId: string; now: Date; reason: string },
): Promise<{ numbers: string[] }> {
  const reason = ZReason.parse(args.reason);
  await lockSubject(tx, args.kind, args.subjectId);
  const current = await tx.signedDocument.findMany({
    where: { kind: args.kind, subjectId: args.subjectId, revokedAt: null },
    select: { number: true },
  });
  if (current.length === 0) return { numbers: [] };
  await tx.signedDocument.updateMany({
    where: { kind: args.kind, subjectId: args.subjectId, revokedAt: null },
    data: { revokedAt: args.now },
  });
  for (const d of current) {
    await writeAudit(tx, {
      actor: args.actor,
      action: 'document.revoke',
      entityType: 'SignedDocument',
      entityId: d.number,
      data: { kind: args.kind, subjectId: args.subjectId, reason },
      at: args.now,
    });
  }
  return { numbers: current.map((d) => d.number) };
}

/** The latest version of a subject's document of a kind (revoked or not), or null. */
export async function latestSignedDocument<K extends DocumentKind>(
  tx: Pick<Tx, 'signedDocument'>,
  kind: K,
  subjectId: string,
) {
  const latest = orderVersions(await tx.signedDocument.findMany({ where: { kind, subjectId } })).at(-1);
  return latest ? { ...latest, kind, payload: latest.payload as unknown } : null;
}
