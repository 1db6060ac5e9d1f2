import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { currentSigningKey, parseSigningKey, signEd25519, verifyEd25519 } from '@/src/server/documents/signature';
import { signingInput, SIGNATURE_FORMAT } from '@/lib/documents/envelope';

const pemOf = (kp = generateKeyPairSync('ed25519')) =>
  kp.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const envelope = {
  kind: 'DECLARATION' as const,
  number: '26001/261128/0000042',
  issuedAt: new Date('2026-11-28T09:30:00.000Z'),
  keyId: '0123456789abcdef',
  payload: {
    registrationNumber: '26001/261128/0000042',
    invoice: { total: '10000.00', currency: 'USD' },
    items: [{ line: 1, description: 'Côte d’Ivoire cocoa' }],
  },
};

describe('what is signed', () => {
  it('is the canonical JSON of the identity and the content together', () => {
    expect(signingInput(envelope)).toBe(
      `{"format":"${SIGNATURE_FORMAT}","issuedAt":"2026-11-28T09:30:00.000Z","keyId":"0123456789abcdef","kind":"DECLARATION","number":"26001/261128/0000042",` +
        '"payload":{"invoice":{"currency":"USD","total":"10000.00"},"items":[{"description":"Côte d’Ivoire cocoa","line":1}],"registrationNumber":"26001/261128/0000042"}}',
    );
  });
});

describe('Ed25519 signing and verification', () => {
  const key = parseSigningKey(pemOf());
  const message = signingInput(envelope);
  const signature = signEd25519(key.privateKey, message);

  it('round-trips, and agrees with node:crypto used directly', () => {
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyEd25519(key.publicKeyPem, message, signature)).toBe(true);
    expect(
      verify(
        null,
        Buffer.from(message, 'utf8'),
        createPublicKey(key.publicKeyPem),
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
    const direct = sign(null, Buffer.from(message, 'utf8'), key.privateKey).toString('base64url');
    expect(verifyEd25519(key.publicKeyPem, message, direct)).toBe(true);
  });

  it('fails when one byte of the content changes', () => {
    const bytes = Buffer.from(message, 'utf8');
    const at = bytes.indexOf(Buffer.from('10000.00'));
    bytes[at] = '2'.charCodeAt(0);
    expect(verifyEd25519(key.publicKeyPem, bytes.toString('utf8'), signature)).toBe(false);
  });

  it('fails when the same content is presented under another number, kind or date', () => {
    expect(
      verifyEd25519(key.publicKeyPem, signingInput({ ...envelope, number: '26001/261128/0000043' }), signature),
    ).toBe(false);
    expect(verifyEd25519(key.publicKeyPem, signingInput({ ...envelope, kind: 'RELEASE_NOTE' }), signature)).toBe(false);
    expect(
      verifyEd25519(
        key.publicKeyPem,
        signingInput({ ...envelope, issuedAt: new Date('2026-11-28T09:30:00.001Z') }),
        signature,
      ),
    ).toBe(false);
  });

  it('fails when one bit of the signature changes, or its spelling does', () => {
    const bytes = Buffer.from(signature, 'base64url');
    bytes[10] ^= 0x01;
    expect(verifyEd25519(key.publicKeyPem, message, bytes.toString('base64url'))).toBe(false);
    // The last character carries 2 bits and 4 unused ones: another spelling of the same bytes is not ours.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(signature.slice(0, -1) + sibling, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(
      true,
    );
    expect(verifyEd25519(key.publicKeyPem, message, signature.slice(0, -1) + sibling)).toBe(false);
    expect(verifyEd25519(key.publicKeyPem, message, '')).toBe(false);
    expect(verifyEd25519(key.publicKeyPem, message, `${signature}=`)).toBe(false);
  });

  it('fails with another key, and with garbage for a key', () => {
    const other = parseSigningKey(pemOf());
    expect(verifyEd25519(other.publicKeyPem, message, signature)).toBe(false);
    expect(verifyEd25519('not a key', message, signature)).toBe(false);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(verifyEd25519(rsa, message, signature)).toBe(false);
  });
});

describe('the signing key from the environment', () => {
  const saved = process.env.DOCUMENT_SIGNING_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCUMENT_SIGNING_KEY;
    else process.env.DOCUMENT_SIGNING_KEY = saved;
  });

  it('reads PKCS#8 PEM, base64 of it, and PEM with escaped newlines, all to the same key id', () => {
    const pem = pemOf();
    const fromPem = parseSigningKey(pem);
    expect(parseSigningKey(Buffer.from(pem).toString('base64')).keyId).toBe(fromPem.keyId);
    expect(parseSigningKey(pem.replace(/\n/g, '\\n')).keyId).toBe(fromPem.keyId);
  });

  it('names the key by the first 16 hex digits of the SHA-256 of its SPKI', () => {
    const kp = generateKeyPairSync('ed25519');
    const expected = createHash('sha256')
      .update(kp.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 16);
    const key = parseSigningKey(pemOf(kp));
    expect(key.keyId).toBe(expected);
    expect(key.publicKeyPem).toBe(kp.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  });

  it('refuses a key that is not Ed25519, or not a key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => parseSigningKey(rsa)).toThrow(/Ed25519/);
    expect(() => parseSigningKey('hello')).toThrow(/PKCS#8 PEM/);
    expect(() => parseSigningKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(
      /could not be read/,
    );
  });

  it('fails clearly when DOCUMENT_SIGNING_KEY is missing, and follows a change of it', () => {
    delete process.env.DOCUMENT_SIGNING_KEY;
    expect(() => currentSigningKey()).toThrow(/DOCUMENT_SIGNING_KEY is not set/);
    const a = pemOf();
    const b = pemOf();
    process.env.DOCUMENT_SIGNING_KEY = a;
    const first = currentSigningKey().keyId;
    process.env.DOCUMENT_SIGNING_KEY = b;
    expect(currentSigningKey().keyId).not.toBe(first);
    expect(currentSigningKey().keyId).toBe(parseSigningKey(b).keyId);
  });
});
