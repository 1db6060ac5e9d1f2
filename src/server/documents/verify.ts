// The public verification: anyone with a number (and, from the QR code, its signature) learns
// whether the document is genuine and current. No actor: it is the public page. It re-verifies
// the stored signature with the stored public key, so a row changed behind the portal's back is
// as "not valid" as a forged paper. It returns only what the document itself shows — no internal
// ids — and the signed content only to whoever presents the genuine signature (numbers are
// guessable; the QR code is not).
import { db } from '../db';
import { isStoredDocumentIntact } from './issue';
import { orderVersions, ZDocumentNumber } from '@/lib/documents/numbering';
import { parsePayload, type AnyPayload, type DocumentKind } from '@/lib/documents/payloads';
import { isContentShown, verificationVerdict, type Verdict } from '@/lib/documents/verification';

export type VerifiedDocument = {
  kind: DocumentKind;
  number: string;
  issuedAt: Date;
  keyId: string;
  revokedAt: Date | null;
  /** The number of the version that replaced it, when it was replaced. */
  supersededBy: string | null;
  /** Whether the visitor presented the genuine signature, so the signed content may be shown. */
  isContentShown: boolean;
  /** The signed content when it may be shown (null if it is not, or cannot be read). */
  content: AnyPayload | null;
};

export type VerificationResult = { verdict: Verdict; document: VerifiedDocument | null };

export async function verifySignedDocument(args: {
  number: string;
  presentedSignature: string | null;
}): Promise<VerificationResult> {
  const number = ZDocumentNumber.safeParse(args.number);
  if (!number.success) return { verdict: 'UNKNOWN', document: null };
  const row = await db.signedDocument.findUnique({ where: { number: number.data } });
  if (!row) return { verdict: 'UNKNOWN', document: null };

  const isIntact = await isStoredDocumentIntact(db, row);
  const versions = orderVersions(
    await db.signedDocument.findMany({ where: { kind: row.kind, subjectId: row.subjectId }, select: { number: true } }),
  );
  const latest = versions.at(-1)!;
  const mine = versions.find((v) => v.number === row.number)!;
  const hasNewerVersion = latest.version > mine.version;

  const verdict = verificationVerdict({
    isFound: true,
    isStoredSignatureValid: isIntact,
    storedSignature: row.signature,
    presentedSignature: args.presentedSignature,
    hasNewerVersion,
    isRevoked: row.revokedAt !== null,
  });
  // Nothing of a document that is not what was issued (or of a paper that is not the genuine one) is shown.
  if (verdict === 'TAMPERED' || verdict === 'UNKNOWN') return { verdict, document: null };
  const isShown = isContentShown(verdict, args.presentedSignature);
  return {
    verdict,
    document: {
      kind: row.kind,
      number: row.number,
      issuedAt: row.issuedAt,
      keyId: row.keyId,
      revokedAt: row.revokedAt,
      supersededBy: hasNewerVersion ? latest.number : null,
      isContentShown: isShown,
      content: isShown ? parsePayload(row.kind, row.payload) : null,
    },
  };
}
