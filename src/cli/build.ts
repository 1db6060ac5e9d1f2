// Build the Next.js app when its sources changed since the last build (a content fingerprint).
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT } from './db/schema-engine.ts';

const SOURCES = [
  'app',
  'components',
  'lib',
  'src/server',
  'src/i18n',
  'public',
  'prisma/schema.prisma',
  'proxy.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
/** Where `next build` writes (NEXT_DIST_DIR lets two builds of one tree live side by side, e.g. a helper's). */
export const DIST_DIR = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next');
const FINGERPRINT = path.join(DIST_DIR, 'csw-source-fingerprint');
export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

function walk(target: string, out: string[]) {
  if (!existsSync(target)) return;
  const stat = statSync(target);
  if (stat.isFile()) {
    out.push(target);
    return;
  }
  for (const entry of readdirSync(target).sort()) walk(path.join(target, entry), out);
}

export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(path.join(ROOT, source), files);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function isBuildCurrent(): boolean {
  return (
    existsSync(path.join(DIST_DIR, 'BUILD_ID')) &&
    existsSync(FINGERPRINT) &&
    readFileSync(FINGERPRINT, 'utf8') === sourceFingerprint()
  );
}

export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  if (isBuildCurrent()) return;
  log('Building the portal (next build) — the first start takes about a minute …');
  const fingerprint = sourceFingerprint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code})`))));
  });
  writeFileSync(FINGERPRINT, fingerprint);
}

/** The session-signing secret: NEXTAUTH_SECRET, or one generated once and kept in .data/. */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(ROOT, '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The document-signing key (Ed25519, PKCS#8 PEM): DOCUMENT_SIGNING_KEY, or one generated once and
 * kept in .data/ (readable by this user only). Losing it only means new documents get a new key id;
 * documents already issued stay verifiable by their published public key.
 */
export function documentSigningKey(): string {
  if (process.env.DOCUMENT_SIGNING_KEY) return process.env.DOCUMENT_SIGNING_KEY;
  const file = path.join(ROOT, '.data', 'document-signing-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(path.dirname(file), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, pem, { mode: 0o600 });
  return pem;
}

/**
 * The payment gateway's shared HMAC secret (the built-in test gateway's, in demo and development):
 * PAYMENT_GATEWAY_SECRET, or one generated once and kept in .data/ (readable by this user only).
 */
export function paymentGatewaySecret(): string {
  if (process.env.PAYMENT_GATEWAY_SECRET) return process.env.PAYMENT_GATEWAY_SECRET;
  const file = path.join(ROOT, '.data', 'payment-gateway-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
