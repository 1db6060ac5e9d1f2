// The security suite's view of the portal: every page, route handler and server action found from
// the file system and the build's action manifest (never a hand-kept list, so a new route shows up
// by itself), the seeded objects the attacks aim at, a way to call a server action the way React 19
// encodes it, and a fingerprint of the rows the attacks must not write.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { APIRequestContext, APIResponse } from '@playwright/test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP = path.join(ROOT, 'app');

export type PageRoute = { kind: 'page'; file: string; template: string };
export type HandlerRoute = { kind: 'handler'; file: string; template: string; method: string };
export type ActionRoute = { kind: 'action'; id: string; file: string; name: string; pageTemplate: string };

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

/** `app/trader/declarations/[id]/page.tsx` → `/trader/declarations/[id]`; route groups and private folders drop out. */
function templateOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

export function discoverPages(): PageRoute[] {
  return walk(APP)
    .filter(
      (f) =>
        /\/page\.(tsx|ts|jsx|js)$/.test(f) &&
        !path
          .relative(APP, f)
          .split(path.sep)
          .some((s) => s.startsWith('_')),
    )
    .map((f) => ({ kind: 'page' as const, file: path.relative(ROOT, f), template: templateOf(f) }))
    .sort((a, b) => a.template.localeCompare(b.template));
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Each exported HTTP method of each `route.ts`: `export function GET`, `export const POST =`, `export { handler as GET }`, `export { GET } from`. */
export function discoverHandlers(): HandlerRoute[] {
  const routes: HandlerRoute[] = [];
  for (const f of walk(APP).filter((f) => /\/route\.(ts|js)$/.test(f))) {
    const source = readFileSync(f, 'utf8');
    const methods = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) methods.add(m[1]);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const part of m[1].split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (name) methods.add(name);
      }
    }
    for (const method of [...methods].filter((m) => METHODS.includes(m)).sort())
      routes.push({ kind: 'handler', file: path.relative(ROOT, f), template: templateOf(f), method });
  }
  return routes.sort((a, b) => `${a.template} ${a.method}`.localeCompare(`${b.template} ${b.method}`));
}

export function distDir(): string {
  return path.join(ROOT, process.env.NEXT_DIST_DIR || '.next');
}

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/**
 * Every server action of the build, from `<distDir>/server/server-reference-manifest.json`: its id,
 * its file and export, and the page it is posted to (the worker with the fewest dynamic segments).
 * Every `'use server'` file of the sources must appear in it, so a stale build cannot hide an action.
 */
export function discoverActions(): ActionRoute[] {
  const file = path.join(distDir(), 'server', 'server-reference-manifest.json');
  if (!existsSync(file))
    throw new Error(
      `No action manifest at ${file}: build the app first (NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR ?? '.next'}).`,
    );
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  const actions: ActionRoute[] = [];
  for (const [id, entry] of Object.entries(manifest.node)) {
    const pages = Object.keys(entry.workers)
      .filter((w) => w.startsWith('app/') && w.endsWith('/page'))
      .map((w) => `/${w.slice('app/'.length, -'/page'.length)}`.replace(/\/\([^/]*\)/g, ''))
      .sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0) || a.length - b.length);
    actions.push({
      kind: 'action',
      id,
      file: entry.filename ?? '?',
      name: entry.exportedName ?? '?',
      pageTemplate: pages[0] === '/' ? '/' : (pages[0] ?? '/'),
    });
  }
  return actions.sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

/** `'use server'` files in the sources (not in the build): the manifest must cover each one's exports. */
export function useServerFiles(): string[] {
  return [...walk(APP), ...walk(path.join(ROOT, 'src'))]
    .filter((f) => /\.(ts|tsx)$/.test(f) && /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT, f))
    .sort();
}

// ───────────── Server actions on the wire ─────────────

/** A FormData argument of a server action: string fields and files. */
export class Form {
  constructor(readonly fields: Record<string, string | FilePart>) {}
}

/** An argument sent as this raw JSON text (1e309, 10,000-deep nesting: things JSON.stringify cannot write or recurse into). */
export class Raw {
  constructor(readonly json: string) {}
}

/** React escapes a string that starts with `$` by doubling it; everything else is plain JSON. */
function replyJson(args: unknown[], forms: Form[]): string {
  const raws: string[] = [];
  const text = JSON.stringify(args, function (_key, value: unknown) {
    if (value instanceof Raw) {
      raws.push(value.json);
      return `__RAW_${raws.length - 1}__`;
    }
    if (value instanceof Form) {
      forms.push(value);
      return `$K${forms.length.toString(16)}`;
    }
    if (typeof value === 'string' && value.startsWith('$')) return `$${value}`;
    return value;
  });
  return text.replace(/"__RAW_(\d+)__"/g, (_m, i: string) => raws[Number(i)]);
}

export type ActionOutcome = {
  status: number;
  redirect: string | null;
  ok: boolean | null;
  code: string | null;
  isInternal: boolean;
  text: string;
};

export type FilePart = { name: string; mimeType: string; buffer: Buffer };
export type EncodedReply = {
  contentType: string;
  body: Buffer;
  parts: { name: string; value: string | FilePart }[] | null;
};

/**
 * The request body of a server action call, as React 19's `encodeReply` writes it in the browser
 * (checked against a real Chromium by security-matrix.spec.ts): without a FormData argument, the JSON
 * array of the arguments as text/plain; with one, multipart where each form's entries come first
 * under `_<n>_<name>` and the root row `0` (the arguments, the form as `$K<n>`) comes last. The
 * server resolves the root as soon as it arrives, so entries sent after it would be lost.
 */
export function encodeActionReply(args: unknown[]): EncodedReply {
  const forms: Form[] = [];
  const json = replyJson(args, forms);
  if (forms.length === 0)
    return { contentType: 'text/plain;charset=UTF-8', body: Buffer.from(json, 'utf8'), parts: null };
  const parts: { name: string; value: string | FilePart }[] = [];
  forms.forEach((form, i) => {
    for (const [name, value] of Object.entries(form.fields)) parts.push({ name: `_${i + 1}_${name}`, value });
  });
  parts.push({ name: '0', value: json });
  const boundary = `----SecuritySuiteBoundary${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (typeof part.value === 'string') {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`, 'utf8'),
        Buffer.from(part.value, 'utf8'),
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.value.name}"\r\nContent-Type: ${part.value.mimeType}\r\n\r\n`,
          'utf8',
        ),
        part.value.buffer,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks), parts };
}

/** Post a server action as the browser does: `POST <page>` with `Next-Action: <id>` and the encoded arguments. */
export async function callAction(
  request: APIRequestContext,
  pagePath: string,
  actionId: string,
  args: unknown[],
  origin: string,
): Promise<ActionOutcome> {
  const reply = encodeActionReply(args);
  const response: APIResponse = await request.post(pagePath, {
    headers: { 'Next-Action': actionId, Accept: 'text/x-component', Origin: origin, 'Content-Type': reply.contentType },
    data: reply.body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await response.text().catch(() => '');
  const ok = /"ok":true/.test(text) ? true : /"ok":false/.test(text) ? false : null;
  const code = text.match(/"code":"([A-Z_]+)"/)?.[1] ?? null;
  const redirect = response.headers()['x-action-redirect'] ?? response.headers()['location'] ?? null;
  return {
    status: response.status(),
    redirect,
    ok,
    code,
    isInternal: code === 'INTERNAL' || text.includes('Something went wrong on our side'),
    text: text.slice(0, 400),
  };
}

// ───────────── The seeded objects ─────────────

export const PASSWORD = 'Demo#2026';

/** The cast: two companies no other spec uses, a post and another post, an authority and another. */
export const CAST = {
  companyA: '212759503', // Samarkand Fruit Export LLC: the attacker
  companyB: '398349464', // Zamin Food Import LLC: the victim, with declarations at post 26003 and VET/SES applications
  post: '26003',
  otherPost: '18001',
  authority: 'VET',
  otherAuthority: 'ECO',
};

export type Role =
  | 'anonymous'
  | 'traderA'
  | 'traderB'
  | 'inspector'
  | 'supervisor'
  | 'otherInspector'
  | 'agency'
  | 'otherAgency'
  | 'admin';
export const ROLES: Role[] = [
  'anonymous',
  'traderA',
  'traderB',
  'inspector',
  'supervisor',
  'otherInspector',
  'agency',
  'otherAgency',
  'admin',
];

export const LOGINS: Record<Exclude<Role, 'anonymous'>, { email: string; home: string }> = {
  traderA: { email: `trader.${CAST.companyA}@example.uz`, home: '/trader' },
  traderB: { email: `trader.${CAST.companyB}@example.uz`, home: '/trader' },
  inspector: { email: `inspector.${CAST.post}.1@customs.uz`, home: '/officer' },
  supervisor: { email: `supervisor.${CAST.post}@customs.uz`, home: '/officer' },
  otherInspector: { email: `inspector.${CAST.otherPost}.1@customs.uz`, home: '/officer' },
  agency: { email: `${CAST.authority.toLowerCase()}.officer@agency.uz`, home: '/agency' },
  otherAgency: { email: `${CAST.otherAuthority.toLowerCase()}.officer@agency.uz`, home: '/agency' },
  admin: { email: 'admin@customs.uz', home: '/admin' },
};

export type Targets = {
  declaration: string;
  itemId: string;
  lineNo: number;
  documentId: string;
  auditDeclaration: string;
  receiptNumber: string;
  topUp: string;
  application: string;
  productId: string;
  applicationDocumentId: string;
  permit: string;
  permitTypeCode: string;
  file: string;
  riskProfile: string;
  riskModel: string;
  otherInspectorOfPost: string;
  missing: string;
};

export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run through npm test (src/cli/test.ts).');
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

async function one(db: pg.Client, sql: string, params: unknown[] = []): Promise<Record<string, unknown>> {
  const { rows } = await db.query(sql, params);
  if (!rows[0]) throw new Error(`The seeded database has no row for: ${sql} ${JSON.stringify(params)}`);
  return rows[0] as Record<string, unknown>;
}

/** Real ids of company B's, post 26003's and VET's objects in the seeded database. */
export async function findTargets(): Promise<Targets> {
  return withDb(async (db) => {
    const b = (await one(db, `SELECT id FROM "Company" WHERE tin = $1`, [CAST.companyB])).id;
    const post = (await one(db, `SELECT id FROM "CustomsPost" WHERE code = $1`, [CAST.post])).id;
    const decl = await one(
      db,
      `SELECT d.id FROM "Declaration" d WHERE d."companyId" = $1 AND d."postId" = $2 AND d.status = 'RELEASED' AND EXISTS (SELECT 1 FROM "DeclarationDocument" x WHERE x."declarationId" = d.id) ORDER BY d."registeredAt" DESC LIMIT 1`,
      [b, post],
    );
    const item = await one(
      db,
      `SELECT id, "lineNo" FROM "DeclarationItem" WHERE "declarationId" = $1 ORDER BY "lineNo" LIMIT 1`,
      [decl.id],
    );
    const doc = await one(db, `SELECT id FROM "DeclarationDocument" WHERE "declarationId" = $1 LIMIT 1`, [decl.id]);
    // The seed's history depends on the moment it is made, so company B may have no blue-channel
    // declaration at the post: then one of its released ones there is made blue (setup, before any
    // fingerprint; both specs pick the same row).
    const blue = `SELECT id FROM "Declaration" WHERE "companyId" = $1 AND "postId" = $2 AND channel = 'BLUE' ORDER BY "registeredAt" DESC LIMIT 1`;
    const audit =
      (await db.query(blue, [b, post])).rows[0] ??
      (await one(
        db,
        `UPDATE "Declaration" SET channel = 'BLUE' WHERE id = (SELECT id FROM "Declaration" WHERE "companyId" = $1 AND "postId" = $2 AND status = 'RELEASED' AND id <> $3 ORDER BY "registeredAt" DESC LIMIT 1) RETURNING id`,
        [b, post, decl.id],
      ));
    const receipt = await one(db, `SELECT "receiptNumber" FROM "Payment" WHERE "companyId" = $1 LIMIT 1`, [b]);
    const topUp = await one(db, `SELECT id FROM "TopUp" WHERE "companyId" = $1 LIMIT 1`, [b]);
    const app = await one(
      db,
      `SELECT a.id FROM "PermitApplication" a JOIN "PermitType" t ON t.code = a."permitTypeCode" JOIN "Authority" au ON au.id = t."authorityId" WHERE a."companyId" = $1 AND au.code = $2 AND a.status = 'SUBMITTED' LIMIT 1`,
      [b, CAST.authority],
    );
    const product = await one(db, `SELECT id FROM "PermitApplicationProduct" WHERE "applicationId" = $1 LIMIT 1`, [
      app.id,
    ]);
    const appDoc = await one(
      db,
      `SELECT id, "fileId" FROM "PermitApplicationDocument" WHERE "applicationId" = $1 LIMIT 1`,
      [app.id],
    );
    const permit = await one(
      db,
      `SELECT p.id, p."permitTypeCode" FROM "Permit" p JOIN "PermitType" t ON t.code = p."permitTypeCode" JOIN "Authority" au ON au.id = t."authorityId" WHERE p."companyId" = $1 AND au.code = $2 LIMIT 1`,
      [b, CAST.authority],
    );
    const profile = await one(db, `SELECT id FROM "RiskProfile" LIMIT 1`);
    const model = await one(db, `SELECT id FROM "RiskModel" LIMIT 1`);
    const colleague = await one(db, `SELECT id FROM "User" WHERE email = $1`, [`inspector.${CAST.post}.2@customs.uz`]);
    return {
      declaration: String(decl.id),
      itemId: String(item.id),
      lineNo: Number(item.lineNo),
      documentId: String(doc.id),
      auditDeclaration: String(audit.id),
      receiptNumber: String(receipt.receiptNumber),
      topUp: String(topUp.id),
      application: String(app.id),
      productId: String(product.id),
      applicationDocumentId: String(appDoc.id),
      permit: String(permit.id),
      permitTypeCode: String(permit.permitTypeCode),
      file: String(appDoc.fileId),
      riskProfile: String(profile.id),
      riskModel: String(model.id),
      otherInspectorOfPost: String(colleague.id),
      missing: '00000000-0000-4000-8000-000000000000',
    };
  });
}

// ───────────── No row written ─────────────

/** The cast's rows, per business table: the md5 of each row's text (see `fingerprint`). */
export type Fingerprint = Record<string, string[]>;

function castScope(): string {
  return `
      WITH companies AS (SELECT id FROM "Company" WHERE tin IN ('${CAST.companyA}', '${CAST.companyB}')),
           posts AS (SELECT id FROM "CustomsPost" WHERE code IN ('${CAST.post}', '${CAST.otherPost}')),
           types AS (SELECT t.code FROM "PermitType" t JOIN "Authority" a ON a.id = t."authorityId" WHERE a.code IN ('${CAST.authority}', '${CAST.otherAuthority}')),
           decls AS (SELECT id FROM "Declaration" WHERE "companyId" IN (SELECT id FROM companies) OR "postId" IN (SELECT id FROM posts)),
           apps AS (SELECT id FROM "PermitApplication" WHERE "companyId" IN (SELECT id FROM companies) OR "permitTypeCode" IN (SELECT code FROM types)),
           permits AS (SELECT id FROM "Permit" WHERE "companyId" IN (SELECT id FROM companies) OR "permitTypeCode" IN (SELECT code FROM types)),
           accounts AS (SELECT id FROM "Account" WHERE "companyId" IN (SELECT id FROM companies)),
           cast_users AS (SELECT id FROM "User" WHERE email IN (${Object.values(LOGINS)
             .filter((l) => l.email !== 'admin@customs.uz')
             .map((l) => `'${l.email}'`)
             .join(', ')}) OR "companyId" IN (SELECT id FROM companies) OR "postId" IN (SELECT id FROM posts))`;
}

const CAST_TABLES: Record<string, string> = {
  Declaration: `"Declaration" t WHERE id IN (SELECT id FROM decls)`,
  DeclarationItem: `"DeclarationItem" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  DeclarationDocument: `"DeclarationDocument" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  DeclarationStatusEvent: `"DeclarationStatusEvent" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  DocumentRequest: `"DocumentRequest" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  AssessedPayment: `"AssessedPayment" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  Assignment: `"Assignment" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  Inspection: `"Inspection" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  ValueAdjustment: `"ValueAdjustment" t WHERE "declarationId" IN (SELECT id FROM decls)`,
  StoredFile: `(SELECT id, "companyId", "uploadedById", "fileName", size, sha256 FROM "StoredFile" WHERE "companyId" IN (SELECT id FROM companies) OR "uploadedById" IN (SELECT id FROM cast_users)) t`,
  PermitApplication: `"PermitApplication" t WHERE id IN (SELECT id FROM apps)`,
  PermitApplicationProduct: `"PermitApplicationProduct" t WHERE "applicationId" IN (SELECT id FROM apps)`,
  PermitApplicationDocument: `"PermitApplicationDocument" t WHERE "applicationId" IN (SELECT id FROM apps)`,
  PermitApplicationMessage: `"PermitApplicationMessage" t WHERE "applicationId" IN (SELECT id FROM apps)`,
  Permit: `"Permit" t WHERE id IN (SELECT id FROM permits)`,
  PermitLink: `"PermitLink" t WHERE "permitId" IN (SELECT id FROM permits)`,
  PermitType: `"PermitType" t WHERE code IN (SELECT code FROM types)`,
  Account: `"Account" t WHERE id IN (SELECT id FROM accounts)`,
  LedgerEntry: `"LedgerEntry" t WHERE "accountId" IN (SELECT id FROM accounts)`,
  Payment: `"Payment" t WHERE "companyId" IN (SELECT id FROM companies)`,
  PermitFee: `"PermitFee" t WHERE "companyId" IN (SELECT id FROM companies) OR "applicationId" IN (SELECT id FROM apps)`,
  TopUp: `"TopUp" t WHERE "companyId" IN (SELECT id FROM companies)`,
  Refund: `"Refund" t WHERE "companyId" IN (SELECT id FROM companies)`,
  AuditEntry: `"AuditEntry" t WHERE "actorId" IN (SELECT id FROM cast_users) OR "entityId" IN (SELECT id::text FROM decls UNION SELECT id::text FROM apps UNION SELECT id::text FROM permits)`,
  User: `(SELECT id, email, role, "isActive", "isOnDuty", "passwordHash" FROM "User" WHERE id IN (SELECT id FROM cast_users)) t`,
};

/**
 * A fingerprint (the md5 of every row's text) of every business table, limited to the rows of the
 * cast: companies A and B, posts 26003 and 18001, authorities VET and ECO, and the cast's users.
 * Other specs run beside this one on other companies, posts and authorities, so a difference here is
 * this spec's (or a broken scope's) doing.
 */
export async function fingerprint(): Promise<Fingerprint> {
  return withDb(async (db) => {
    const result: Fingerprint = {};
    for (const [name, from] of Object.entries(CAST_TABLES)) {
      const { rows } = await db.query<{ h: string }>(`${castScope()} SELECT md5(t::text) AS h FROM ${from} ORDER BY 1`);
      result[name] = rows.map((r) => r.h);
    }
    return result;
  });
}

/** What changed between two fingerprints: per table, the rows added (their text, cut short) and the number removed. */
export async function fingerprintChanges(before: Fingerprint, after: Fingerprint): Promise<string[]> {
  const changes: string[] = [];
  await withDb(async (db) => {
    for (const name of Object.keys(before)) {
      const old = new Set(before[name]);
      const now = new Set(after[name]);
      const added = after[name].filter((h) => !old.has(h));
      const removed = before[name].filter((h) => !now.has(h)).length;
      if (!added.length && !removed) continue;
      const { rows } = await db.query<{ t: string }>(
        `${castScope()} SELECT left(x.t, 300) AS t FROM (SELECT t::text AS t FROM ${CAST_TABLES[name]}) x WHERE md5(x.t) = ANY($1)`,
        [added],
      );
      changes.push(`${name}: ${added.length} added, ${removed} removed${rows.map((r) => `\n    + ${r.t}`).join('')}`);
    }
  });
  return changes;
}
