// What exactly is signed: not only the payload but the document's identity around it, so that a
// signature cannot be moved to another number, kind, date or key. The signed bytes are the UTF-8
// encoding of signingInput(...). Changing this format is a new SIGNATURE_FORMAT value, with the old
// one still verifiable.
import { canonicalJson } from './canonical-json';
import type { DocumentKind } from './payloads';

export const SIGNATURE_FORMAT = 'customs-signed-document/1';
export const SIGNATURE_ALGORITHM = 'Ed25519';

export type SignedEnvelope = {
  kind: DocumentKind;
  number: string;
  issuedAt: Date;
  keyId: string;
  payload: unknown;
};

export function signingInput(envelope: SignedEnvelope): string {
  return canonicalJson({
    format: SIGNATURE_FORMAT,
    kind: envelope.kind,
    number: envelope.number,
    issuedAt: envelope.issuedAt.toISOString(),
    keyId: envelope.keyId,
    payload: envelope.payload,
  });
}
