// Ed25519 over node:crypto, with no database: the signing key from the environment, signing and
// verifying. The private key comes only from DOCUMENT_SIGNING_KEY (an Ed25519 private key as PKCS#8
// PEM, or base64 of that PEM) and never enters the database. A missing key is an error, not a
// silent ephemeral key: every entry point provides one (npm start keeps one in .data/, the tests
// make one per run). Signatures are unpadded base64url of the 64 signature bytes, in their one
// canonical spelling.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const SIGNING_KEY_ENV = 'DOCUMENT_SIGNING_KEY';

export type DocumentSigningKey = { keyId: string; privateKey: KeyObject; publicKeyPem: string };

/** The key id: the first 16 hex digits of the SHA-256 of the public key's SPKI (DER) encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function parseSigningKey(text: string): DocumentSigningKey {
  // .env files often carry a PEM on one line with literal "\n".
  let pem = text.trim().replace(/\\n/g, '\n');
  if (!pem.includes('-----BEGIN')) {
    const decoded = Buffer.from(pem, 'base64').toString('utf8');
    if (!decoded.includes('-----BEGIN'))
      throw new Error(`${SIGNING_KEY_ENV} must be an Ed25519 private key in PKCS#8 PEM, or the base64 of that PEM.`);
    pem = decoded;
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error(`${SIGNING_KEY_ENV} could not be read as a PKCS#8 PEM private key.`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `${SIGNING_KEY_ENV} is a ${privateKey.asymmetricKeyType ?? 'unknown'} key; documents are signed with Ed25519 (openssl genpkey -algorithm ed25519).`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

let cached: { text: string; key: DocumentSigningKey } | null = null;

/** The key documents are signed with now. Throws, saying what to do, when none is configured. */
export function currentSigningKey(): DocumentSigningKey {
  const text = process.env[SIGNING_KEY_ENV];
  if (!text || text.trim() === '') {
    throw new Error(
      `${SIGNING_KEY_ENV} is not set, so documents cannot be signed. "npm start" provides one (kept in .data/document-signing-key.pem); ` +
        `elsewhere set it to an Ed25519 private key in PKCS#8 PEM or base64 of it (openssl genpkey -algorithm ed25519).`,
    );
  }
  if (cached?.text !== text) cached = { text, key: parseSigningKey(text) };
  return cached.key;
}

const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

export function signEd25519(privateKey: KeyObject, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64url');
}

/** True only for a canonical signature by this public key (SPKI PEM) over exactly this message. */
export function verifyEd25519(publicKeyPem: string, message: string, signature: string): boolean {
  if (!SIGNATURE.test(signature)) return false;
  const bytes = Buffer.from(signature, 'base64url');
  // Two spellings of one signature differ in the unused low bits of the last character: only ours counts.
  if (bytes.length !== 64 || bytes.toString('base64url') !== signature) return false;
  try {
    const key = createPublicKey({ key: publicKeyPem, format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(message, 'utf8'), key, bytes);
  } catch {
    return false;
  }
}
