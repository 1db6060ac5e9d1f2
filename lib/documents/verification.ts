// The public verification page's rules: the URL printed in the QR code, how the page reads it
// back, and the verdict. The verdict is decided here from facts the server gathered (was the
// number found, does the stored signature verify with the stored key, was a signature presented
// and is it the stored one, is there a newer version, was it revoked).
import { z } from 'zod';
import { ZDocumentNumber } from './numbering';

export const VERDICTS = ['GENUINE_CURRENT', 'SUPERSEDED', 'REVOKED', 'TAMPERED', 'UNKNOWN'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** An Ed25519 signature is 64 bytes: 86 characters of unpadded base64url. */
export const ZPresentedSignature = z.string().regex(/^[A-Za-z0-9_-]{86}$/);

/**
 * `/verify/26001/261128/0000042?sig=…`: each '/'-separated part of the number is one path
 * segment (percent-encoded, though valid numbers need none), the signature a query parameter.
 */
export function verificationPath(number: string, signature?: string | null): string {
  const path = `/verify/${number.split('/').map(encodeURIComponent).join('/')}`;
  return signature ? `${path}?sig=${encodeURIComponent(signature)}` : path;
}

export function verificationUrl(baseUrl: string, number: string, signature?: string | null): string {
  return `${baseUrl.replace(/\/+$/, '')}${verificationPath(number, signature)}`;
}

export type VerificationRequest =
  | { type: 'EMPTY' }
  /** Something was asked that cannot be one of our numbers: shown as not valid, never looked up. */
  | { type: 'INVALID'; shown: string }
  /** `presentedSignature` null: checked by number only (typed by hand); '' never matches. */
  | { type: 'CHECK'; number: string; presentedSignature: string | null };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Read the page's route segments (`/verify/<number…>`) or its `?number=` form field, and `?sig=`.
 * Nothing a visitor types can make this throw.
 */
export function parseVerificationRequest(args: {
  segments: readonly string[] | undefined;
  query: Record<string, string | string[] | undefined>;
}): VerificationRequest {
  const fromPath = args.segments && args.segments.length > 0 ? args.segments.join('/') : undefined;
  let raw = fromPath ?? first(args.query.number);
  if (raw === undefined || raw.trim() === '') return { type: 'EMPTY' };
  // Route segments may reach us still percent-encoded; a valid number never contains '%'.
  if (raw.includes('%')) raw = decodeOnce(raw) ?? raw;
  const shown = raw.slice(0, 80);
  const number = ZDocumentNumber.safeParse(raw);
  if (!number.success) return { type: 'INVALID', shown };
  const sig = first(args.query.sig);
  if (sig === undefined || sig === '') return { type: 'CHECK', number: number.data, presentedSignature: null };
  const parsedSig = ZPresentedSignature.safeParse(sig);
  // A malformed signature is presented but can never match.
  return { type: 'CHECK', number: number.data, presentedSignature: parsedSig.success ? parsedSig.data : '' };
}

export type VerdictInput =
  | { isFound: false }
  | {
      isFound: true;
      /** The stored signature verifies, with the stored public key, over the stored content. */
      isStoredSignatureValid: boolean;
      storedSignature: string;
      /** null when the visitor presented none (checked by number only). */
      presentedSignature: string | null;
      hasNewerVersion: boolean;
      isRevoked: boolean;
    };

export function verificationVerdict(input: VerdictInput): Verdict {
  if (!input.isFound) return 'UNKNOWN';
  // Integrity first: a document that is not what was issued is not valid, whatever its status.
  if (!input.isStoredSignatureValid) return 'TAMPERED';
  if (input.presentedSignature !== null && input.presentedSignature !== input.storedSignature) return 'TAMPERED';
  if (input.hasNewerVersion) return 'SUPERSEDED';
  if (input.isRevoked) return 'REVOKED';
  return 'GENUINE_CURRENT';
}

/** Whether the signed content may be shown: only to whoever holds the genuine document (its QR code). */
export function isContentShown(verdict: Verdict, presentedSignature: string | null): boolean {
  if (presentedSignature === null) return false;
  switch (verdict) {
    case 'GENUINE_CURRENT':
    case 'SUPERSEDED':
    case 'REVOKED':
      return true;
    case 'TAMPERED':
    case 'UNKNOWN':
      return false;
    default: {
      const never: never = verdict;
      return never;
    }
  }
}
