// The bad-input sweep: every JSON API body and every server action, called by a role that may use
// it, fed hostile values (control characters, 1e309, -1, '', wrong types, 10 KB and 10 MB, deep
// nesting, huge arrays), uploads around the 10 MB limit, and every dynamic path segment fed malformed escapes. Not
// one answer may be a 5xx, no server action may answer INTERNAL ("Something went wrong on our side"),
// no draft may store a control character or an infinite number, and no answer may be a 429 (the
// sweep stays under the rate limits, so a refusal never hides a check).
// The sweep works at a company, post and authority of its own (its odd-but-valid values may be
// stored), away from the authorization matrix's cast and the demo users other specs sign in as.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Browser, type BrowserContext, type APIRequestContext } from '@playwright/test';
import {
  discoverPages,
  discoverHandlers,
  discoverActions,
  callAction,
  findTargets,
  withDb,
  Form,
  Raw,
  PASSWORD,
  ROOT,
  type Targets,
} from '../support/security-routes';
import { ACTION_ARGS } from '../support/security-action-args';
import { exportDeclarationBody } from './helpers';

const TEN_MB = 10 * 1024 * 1024;
const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);

/** Hostile values: raw JSON text (so 1e309 and deep nesting go out as written) and, for a form field, the text. */
type Hostile = { kind: string; json: string; form: string | null; isStructural?: boolean };
const HOSTILE: Hostile[] = [
  { kind: 'NUL', json: JSON.stringify('abc\u0000def'), form: 'abc\u0000def' },
  {
    kind: 'control characters',
    json: JSON.stringify('a\u0001\u0007\u001b[31m\u007f\u0085\u200b\u202e'),
    form: 'a\u0001\u0007\u001b[31m\u007f\u0085\u200b\u202e',
  },
  { kind: '1e309', json: '1e309', form: '1e309' },
  { kind: '-1', json: '-1', form: '-1' },
  { kind: 'empty string', json: '""', form: '' },
  { kind: 'NaN text', json: '"NaN"', form: 'NaN' },
  { kind: 'lone % escape', json: '"%E0%A4%A"', form: '%E0%A4%A' },
  { kind: 'number for string', json: '12345', form: null },
  { kind: 'object for array', json: '{"0":{}}', form: null },
  { kind: 'array for string', json: '["a"]', form: null },
  { kind: 'null', json: 'null', form: null },
  { kind: 'deep nesting 10000', json: DEEP, form: null, isStructural: true },
  { kind: 'array of 100000', json: `[${Array(100_000).fill('1').join(',')}]`, form: null, isStructural: true },
];

const MALFORMED_SEGMENTS = ['%E0%A4%A', '%', '%25', '%00', '%C0%AF', '..%2F..%2F', '%FF%FE'];

/** The sweep's own post (no other spec works there) and the officers of it and of an authority no other spec uses. */
const SWEEP_POST = '12001';
type Role = 'trader1' | 'trader2' | 'trader3' | 'account' | 'inspector' | 'supervisor' | 'agency' | 'admin';
const TRADERS: Role[] = ['trader1', 'trader2', 'trader3'];

/** Field names the portal's forms use (every `name="…"` in app/ and components/): a hostile form carries every one. */
function formFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry))
        for (const m of readFileSync(full, 'utf8').matchAll(/\bname=["'{]["'`]?([a-zA-Z][a-zA-Z0-9_.[\]]*)["'`]/g))
          names.add(m[1]);
    }
  };
  walk(path.join(ROOT, 'app'));
  walk(path.join(ROOT, 'components'));
  return [...names].sort();
}

/** The sweep's company, with three traders (the API's per-user limit is 300 a minute) and one for the password page. */
async function sweepCompany(): Promise<Record<'trader1' | 'trader2' | 'trader3' | 'account', string>> {
  const suffix = `${test.info().workerIndex}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const emails = {
    trader1: `sweep-1-${suffix}@example.uz`,
    trader2: `sweep-2-${suffix}@example.uz`,
    trader3: `sweep-3-${suffix}@example.uz`,
    account: `sweep-account-${suffix}@example.uz`,
  };
  await withDb(async (db) => {
    const tin = String(600000000 + Math.floor(Math.random() * 99_999_999));
    const company = await db.query<{ id: string }>(
      `INSERT INTO "Company" (id, tin, name, address, "registeredAt") VALUES (gen_random_uuid(), $1, 'E2E Bad Input LLC', 'Tashkent, Sweep street 1', now()) RETURNING id`,
      [tin],
    );
    for (const email of Object.values(emails)) {
      await db.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "companyId", "createdAt") SELECT gen_random_uuid(), $1, 'Bad input sweep', "passwordHash", 'TRADER', $2, now() FROM "User" WHERE email = 'trader@silkroad.uz'`,
        [email, company.rows[0].id],
      );
    }
  });
  return emails;
}

async function signedIn(browser: Browser, email: string, home: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in (argon2) beside the authorization matrix on a 2-core machine can take longer than the default 10 s.
  await expect(page).toHaveURL(new RegExp(`${home}$`), { timeout: 30_000 });
  await page.close();
  return context;
}

async function pool(jobs: (() => Promise<void>)[], width: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

/** Every path of a JSON value ('' for the root) and whether a scalar sits there. */
function leaves(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; isScalar: boolean }[] {
  if (Array.isArray(value)) return [{ at, isScalar: false }, ...value.flatMap((v, i) => leaves(v, [...at, i]))];
  if (value && typeof value === 'object')
    return [{ at, isScalar: false }, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]))];
  return [{ at, isScalar: true }];
}

/** The JSON text of `body` with the value at `at` replaced by raw JSON text. */
function withRaw(body: unknown, at: (string | number)[], raw: string): string {
  if (at.length === 0) return raw;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]] = '__HOSTILE_VALUE__';
  return JSON.stringify(copy).replace('"__HOSTILE_VALUE__"', () => raw);
}

function roleForAction(file: string): Role {
  if (file.startsWith('app/officer/risk') || file.startsWith('app/officer/refunds')) return 'supervisor';
  if (file.startsWith('app/officer')) return 'inspector';
  if (file.startsWith('app/agency')) return 'agency';
  if (file.startsWith('app/admin')) return 'admin';
  if (file.startsWith('app/account')) return 'account';
  return 'trader1';
}

/** A signed-in role whose own area the path is in, so that the malformed segment reaches the route's own code. */
function roleForPath(template: string): Role | 'anonymous' {
  if (/^\/(trader|api\/(declarations|payments|permits))\//.test(template)) return 'trader1';
  if (/^\/(officer|api\/officer)\//.test(template)) return 'inspector';
  if (template.startsWith('/agency/')) return 'agency';
  if (template.startsWith('/admin/')) return 'admin';
  return 'anonymous';
}

type Finding = { method: string; path: string; kind: string; status: number; note: string };

test('bad input: not one 5xx and no INTERNAL result from any API body, server action or malformed path; nothing invisible stored', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const origin = baseURL!;
  const victim: Targets = await findTargets();
  const own = await sweepCompany();
  const logins: Record<Role, { email: string; home: string }> = {
    trader1: { email: own.trader1, home: '/trader' },
    trader2: { email: own.trader2, home: '/trader' },
    trader3: { email: own.trader3, home: '/trader' },
    account: { email: own.account, home: '/trader' },
    inspector: { email: `inspector.${SWEEP_POST}.2@customs.uz`, home: '/officer' },
    supervisor: { email: `supervisor.${SWEEP_POST}@customs.uz`, home: '/officer' },
    agency: { email: 'std.officer@agency.uz', home: '/agency' },
    admin: { email: 'admin@customs.uz', home: '/admin' },
  };
  const contexts = new Map<Role | 'anonymous', BrowserContext>();
  await Promise.all(
    (Object.keys(logins) as Role[]).map(async (role) =>
      contexts.set(role, await signedIn(browser, logins[role].email, logins[role].home)),
    ),
  );
  contexts.set('anonymous', await browser.newContext());
  const requestOf = (role: Role | 'anonymous'): APIRequestContext => contexts.get(role)!.request;

  // A draft of the sweep's own, so that the trader's actions reach their use cases with hostile values.
  const created = await requestOf('trader1').post('/api/declarations', {
    data: exportDeclarationBody(SWEEP_POST),
    headers: { Origin: origin },
  });
  expect(created.status(), await created.text()).toBe(201);
  const draftId = ((await created.json()) as { id: string }).id;
  const draft = await withDb(async (db) => ({
    itemId: String(
      (
        await db.query(`SELECT id FROM "DeclarationItem" WHERE "declarationId" = $1 ORDER BY "lineNo" LIMIT 1`, [
          draftId,
        ])
      ).rows[0].id,
    ),
    documentId: String(
      (await db.query(`SELECT id FROM "DeclarationDocument" WHERE "declarationId" = $1 LIMIT 1`, [draftId])).rows[0]
        ?.id ?? victim.missing,
    ),
  }));
  const targets: Targets = {
    ...victim,
    declaration: draftId,
    itemId: draft.itemId,
    lineNo: 1,
    documentId: draft.documentId,
  };

  const findings: Finding[] = [];
  const throttled: string[] = [];
  const sent: Record<string, number> = {};
  const count = (what: string) => {
    sent[what.startsWith('action ') ? 'server actions' : what] =
      (sent[what.startsWith('action ') ? 'server actions' : what] ?? 0) + 1;
  };
  const check = (status: number, finding: Omit<Finding, 'status'>) => {
    if (status >= 500) findings.push({ ...finding, status });
    if (status === 429) throttled.push(`${finding.method} ${finding.path} — ${finding.kind}`);
  };
  const jobs: (() => Promise<void>)[] = [];
  const names = formFieldNames();
  let nextTrader = 0;
  const aTrader = () => TRADERS[nextTrader++ % TRADERS.length];

  // 1. JSON API bodies: each value of a valid body (and the body itself) replaced by each hostile value
  // — structural ones (deep nesting, 100,000 elements) only where an object or a list stands.
  const bodyRoutes = discoverHandlers().filter(
    (h) =>
      h.template.startsWith('/api/') &&
      !h.template.startsWith('/api/auth') &&
      ['POST', 'PUT', 'PATCH', 'DELETE'].includes(h.method),
  );
  for (const route of bodyRoutes) {
    const url = route.template.replace('[id]', draftId).replace('[gateway]', 'test');
    const base: unknown =
      route.template === '/api/declarations'
        ? exportDeclarationBody(SWEEP_POST)
        : route.template.includes('callback')
          ? { order: victim.topUp, amount: '1.00', transactionId: 'sweep-1', status: 'SUCCEEDED' }
          : { amount: '1.00' };
    const bodies: { kind: string; text: string }[] = [];
    for (const leaf of leaves(base)) {
      for (const h of HOSTILE.filter((x) => !(x.isStructural && leaf.isScalar)))
        bodies.push({ kind: `${h.kind} at ${leaf.at.join('.') || 'the root'}`, text: withRaw(base, leaf.at, h.json) });
    }
    bodies.push({
      kind: '10 MB string',
      text: JSON.stringify({ ...(base as object), consignorName: 'x'.repeat(TEN_MB) }),
    });
    bodies.push({ kind: 'not JSON', text: '{"a":' });
    for (const body of bodies) {
      const role = aTrader();
      jobs.push(async () => {
        const response = await requestOf(role).fetch(url, {
          method: route.method,
          failOnStatusCode: false,
          maxRedirects: 0,
          data: body.text,
          headers: {
            'Content-Type': 'application/json',
            Origin: origin,
            'Idempotency-Key': `sweep-${Math.random().toString(36).slice(2)}-0000000000`,
          },
        });
        count(`API ${route.method} ${route.template}`);
        check(response.status(), {
          method: route.method,
          path: url,
          kind: body.kind,
          note: response.status() >= 500 ? (await response.text()).slice(0, 160) : '',
        });
      });
    }
  }

  // 2. Server actions: each argument replaced by each hostile value, then each form with a hostile
  // value in every field the portal's forms use, a 10 MB field, and uploads around the 10 MB limit.
  // Deep nesting and 100,000-element arrays are decoded by React before any action runs (one code
  // path for all), so they go to one action of each file rather than to every action.
  const seenFiles = new Set<string>();
  const accountJobs: { isSignOut: boolean; run: () => Promise<void> }[] = [];
  for (const action of discoverActions()) {
    const spec = ACTION_ARGS[`${action.file}#${action.name}`];
    const role = roleForAction(action.file);
    const pagePath = action.pageTemplate.replace(/\[[^\]]+\]/g, draftId).replace('/[[...number]]', '');
    const baseArgs = spec ? spec.args(targets) : [];
    const isFirstOfFile = !seenFiles.has(action.file);
    seenFiles.add(action.file);
    const variants: { kind: string; args: unknown[] }[] = [];
    const fill = (value: string) => Object.fromEntries(names.map((n) => [n, value]));
    baseArgs.forEach((arg, i) => {
      const replace = (value: unknown) => baseArgs.map((a, j) => (j === i ? value : a));
      if (arg instanceof Form) {
        for (const h of HOSTILE.filter((x) => x.form !== null))
          variants.push({ kind: `${h.kind} in every form field`, args: replace(new Form(fill(h.form!))) });
        // Far over every field's length limit (2,000 characters at most): 10 KB in every field; the 10 MB body (Next's body
        // limit, the same path for every action) once per file. Not the complete form: with it the
        // call would succeed (on the matrix's objects, for an administrator).
        variants.push({ kind: '10 KB in every form field', args: replace(new Form(fill('x'.repeat(10 * 1024)))) });
        if (isFirstOfFile)
          variants.push({
            kind: '10 MB in a form field',
            args: replace(new Form({ ...fill('x'), description: 'x'.repeat(TEN_MB) })),
          });
        if ('file' in arg.fields) {
          for (const size of [TEN_MB - 500, TEN_MB, TEN_MB + 1, 13 * 1024 * 1024]) {
            const pdf = Buffer.alloc(size, 0x20);
            pdf.write('%PDF-1.4\n', 0);
            variants.push({
              kind: `upload of ${size} B`,
              args: replace(
                new Form({ ...arg.fields, file: { name: 'big.pdf', mimeType: 'application/pdf', buffer: pdf } }),
              ),
            });
          }
        }
      } else {
        for (const h of HOSTILE.filter((x) => isFirstOfFile || !x.isStructural))
          variants.push({ kind: `${h.kind} as argument ${i + 1}`, args: replace(new Raw(h.json)) });
      }
    });
    variants.push({
      kind: 'an object for every argument',
      args: baseArgs.map(() => ({ __proto__: { polluted: true }, constructor: 'x' })),
    });
    for (const variant of variants) {
      const job = async () => {
        const outcome = await callAction(requestOf(role), pagePath, action.id, variant.args, origin);
        count(`action ${action.name}`);
        const finding = {
          method: 'POST',
          path: `${pagePath} (action ${action.file}#${action.name})`,
          kind: variant.kind,
          note: outcome.isInternal ? 'INTERNAL result' : outcome.text.slice(0, 160),
        };
        check(outcome.isInternal ? Math.max(outcome.status, 500) : outcome.status, finding);
      };
      // The password page's actions run last, one at a time: signing out everywhere ends its session.
      if (role === 'account') accountJobs.push({ isSignOut: action.name === 'signOutEverywhereAction', run: job });
      else jobs.push(job);
    }
  }
  accountJobs.sort((a, b) => Number(a.isSignOut) - Number(b.isSignOut));

  // 3. Malformed escapes in every dynamic path segment, by a role of the route's own area.
  const dynamic = [
    ...discoverPages().map((p) => ({ method: 'GET', template: p.template })),
    ...discoverHandlers()
      .filter((h) => h.method === 'GET' || h.method === 'POST')
      .map((h) => ({ method: h.method, template: h.template })),
  ].filter((r) => /\[/.test(r.template) && !r.template.startsWith('/api/auth'));
  for (const route of dynamic) {
    for (const segment of MALFORMED_SEGMENTS) {
      const url = route.template.replace('/[[...number]]', `/${segment}`).replace(/\[[^\]]+\]/g, segment);
      const role = roleForPath(route.template);
      jobs.push(async () => {
        const response = await requestOf(role).fetch(url, {
          method: route.method,
          failOnStatusCode: false,
          maxRedirects: 0,
          headers: { Origin: origin, ...(route.method === 'POST' ? { 'Content-Type': 'application/json' } : {}) },
          data: route.method === 'POST' ? '{}' : undefined,
        });
        count('malformed path');
        check(response.status(), {
          method: route.method,
          path: url,
          kind: `malformed escape ${segment} (${role})`,
          note: '',
        });
      });
    }
  }
  for (const url of ['/trader/account/receipts/%25', '/trader/account/receipts/100%25']) {
    jobs.push(async () => {
      const response = await requestOf('trader1').get(url, { failOnStatusCode: false, maxRedirects: 0 });
      count('malformed path');
      check(response.status(), { method: 'GET', path: url, kind: '% in a receipt number', note: '' });
    });
  }

  const started = Date.now();
  await pool(jobs, 3);
  await pool(
    accountJobs.map((j) => j.run),
    1,
  );
  for (const context of contexts.values()) await context.close().catch(() => undefined);
  const total = Object.values(sent).reduce((a, b) => a + b, 0);
  console.log(
    `[security-bad-input] ${total} requests in ${((Date.now() - started) / 1000).toFixed(0)} s (${Object.entries(sent)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')})`,
  );
  if (findings.length)
    console.log(
      `[security-bad-input] ${findings.length} answers ≥ 500 or INTERNAL:\n${findings.map((x) => `  ${x.status} ${x.method} ${x.path} — ${x.kind}${x.note ? ` — ${x.note.replace(/\s+/g, ' ')}` : ''}`).join('\n')}`,
    );

  // The API accepts incomplete drafts, so some odd-but-valid values are stored: but never a control
  // character or an infinite or not-a-number value (NUL cannot be stored at all: PostgreSQL refuses it).
  const stored = await withDb(async (db) => {
    const rowsOf = {
      Declaration: `"Declaration" t WHERE t."companyId" = (SELECT "companyId" FROM "User" WHERE email = $1)`,
      DeclarationItem: `"DeclarationItem" t WHERE t."declarationId" IN (SELECT id FROM "Declaration" WHERE "companyId" = (SELECT "companyId" FROM "User" WHERE email = $1))`,
      DeclarationDocument: `"DeclarationDocument" t WHERE t."declarationId" IN (SELECT id FROM "Declaration" WHERE "companyId" = (SELECT "companyId" FROM "User" WHERE email = $1))`,
    };
    const found: string[] = [];
    for (const [table, from] of Object.entries(rowsOf)) {
      const numeric = (
        await db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND data_type IN ('numeric', 'double precision', 'real')`,
          [table],
        )
      ).rows.map((r) => `t."${r.column_name}"`);
      const infinite = numeric.map((c) => `${c} IN ('NaN', 'Infinity', '-Infinity')`);
      const { rows } = await db.query<{ row: string }>(
        `SELECT left(t::text, 200) AS row FROM ${from} AND (t::text ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\u0085\\u200b\\u202e]'${infinite.map((x) => ` OR ${x}`).join('')})`,
        [own.trader1],
      );
      found.push(...rows.map((r) => `${table}: ${r.row}`));
    }
    return found;
  });

  expect.soft(stored, 'drafts stored with control characters or infinite numbers').toEqual([]);
  expect
    .soft(throttled, 'answers refused by a rate limit (the sweep must stay under them, or its checks are hidden)')
    .toEqual([]);
  expect(
    findings.map((x) => `${x.status} ${x.method} ${x.path} — ${x.kind}`),
    'bad input answered with a 5xx or an INTERNAL result',
  ).toEqual([]);
});
