// The authorization matrix: every page, route handler and server action (found from the file
// system and the build's action manifest) × every role × the objects of another company, post and
// authority. Expectations are written per route family below; a route that no family claims fails
// ("every route has an expectation"). The attacks must write nothing: the cast's rows are
// fingerprinted before and after.
import { test, expect, type Browser, type APIRequestContext, type BrowserContext } from '@playwright/test';
import {
  discoverPages,
  discoverHandlers,
  discoverActions,
  useServerFiles,
  callAction,
  encodeActionReply,
  findTargets,
  fingerprint,
  fingerprintChanges,
  Form,
  ROLES,
  LOGINS,
  PASSWORD,
  type Role,
  type Targets,
  type HandlerRoute,
  type ActionRoute,
} from '../support/security-routes';
import { exportDeclarationBody, aTraderOfANewCompany, signIn } from './helpers';

/** Signing in (argon2) while the bad-input sweep loads the 2-core machine can take longer than the default 10 s. */
const SIGN_IN_TIMEOUT = 30_000;
import { ACTION_ARGS, CAST_POST } from '../support/security-action-args';

// ───────────── Outcomes ─────────────
// ok: 2xx · signin: sent to /sign-in (proxy 3xx, or the page's redirect) · unauthenticated: 401 ·
// forbidden: 403 · notfound: 404 · redirect: another 3xx · refused: 400/401/403/422 of a public endpoint
type Outcome = 'ok' | 'signin' | 'unauthenticated' | 'forbidden' | 'notfound' | 'redirect' | 'refused' | 'skip';
type Relation = 'anonymous' | 'owner' | 'peer' | 'stranger';

const TRADERS: Role[] = ['traderA', 'traderB'];
const OFFICERS: Role[] = ['inspector', 'supervisor', 'otherInspector'];
const AGENCY: Role[] = ['agency', 'otherAgency'];
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');

/**
 * How a role stands to a family's object: the owner (company B's trader, post 26003's officers,
 * VET's officer), a peer (the same role in another company / post / authority: must get 404), or a
 * stranger (another role: 403 or 404).
 */
function relation(role: Role, owners: Role[], peers: Role[]): Relation {
  if (role === 'anonymous') return 'anonymous';
  if (owners.includes(role)) return 'owner';
  if (peers.includes(role)) return 'peer';
  return 'stranger';
}

const DENIED = ['forbidden', 'notfound'] as Outcome[];

type PageFamily = { prefix: RegExp; owners: Role[]; peers: Role[]; ownerGets?: Outcome[]; isPublic?: boolean };

/** Pages, by family. Owner gets the page (or a redirect inside its area); peers 404; strangers 403/404; anonymous → /sign-in. */
const PAGE_FAMILIES: PageFamily[] = [
  {
    prefix: /^\/trader\/(declarations|permits|permits\/applications|account\/top-ups)\/\[/,
    owners: ['traderB'],
    peers: ['traderA'],
    ownerGets: ['ok', 'redirect'],
  },
  { prefix: /^\/trader(\/|$)/, owners: TRADERS, peers: [] },
  { prefix: /^\/officer\/refunds(\/|$)/, owners: [], peers: [] }, // the finance desk: the cast's supervisor has no finance permission
  { prefix: /^\/officer\/(risk|statistics)(\/|$)/, owners: ['supervisor'], peers: [] },
  { prefix: /^\/officer\/(declarations|audits)\/\[/, owners: ['inspector', 'supervisor'], peers: ['otherInspector'] },
  { prefix: /^\/officer(\/|$)/, owners: OFFICERS, peers: [] },
  { prefix: /^\/agency\/(applications|permits)\/\[/, owners: ['agency'], peers: ['otherAgency'] },
  { prefix: /^\/agency(\/|$)/, owners: AGENCY, peers: [] },
  { prefix: /^\/admin(\/|$)/, owners: ['admin'], peers: [] },
  { prefix: /^\/account(\/|$)/, owners: SIGNED_IN, peers: [] },
  {
    prefix: /^\/(sign-in|sign-out|verify|gateway\/test)(\/|$)/,
    owners: ROLES,
    peers: [],
    isPublic: true,
    ownerGets: ['ok', 'redirect', 'signin', 'refused', 'notfound'],
  },
  { prefix: /^\/$/, owners: ROLES, peers: [], isPublic: true, ownerGets: ['ok', 'redirect', 'signin'] },
];

function pageExpectation(template: string, role: Role): Outcome[] | null {
  const family = PAGE_FAMILIES.find((f) => f.prefix.test(template));
  if (!family) return null;
  if (family.isPublic) return family.ownerGets!;
  switch (relation(role, family.owners, family.peers)) {
    case 'anonymous':
      return ['signin'];
    case 'owner':
      return family.ownerGets ?? ['ok'];
    case 'peer':
      return ['notfound'];
    case 'stranger':
      return DENIED;
  }
}

type HandlerFamily = {
  match: RegExp;
  owners: Role[];
  peers: Role[];
  ownerGets?: Outcome[];
  isPublic?: Outcome[];
  writes?: boolean;
};

/**
 * Route handlers, by "METHOD path" family. Non-API paths go through the proxy (anonymous → /sign-in);
 * /api/* answers 401. `writes`: the owner's call would change data, so the owner is not called.
 */
const HANDLER_FAMILIES: HandlerFamily[] = [
  { match: /^GET \/api\/health$/, owners: [], peers: [], isPublic: ['ok'] },
  { match: /^GET \/\.well-known\//, owners: [], peers: [], isPublic: ['ok'] },
  { match: /^(GET|POST) \/api\/auth\//, owners: [], peers: [], isPublic: ['ok', 'redirect', 'refused', 'notfound'] },
  { match: /^POST \/api\/payments\/gateway\/\[gateway\]\/callback$/, owners: [], peers: [], isPublic: ['refused'] },
  { match: /^POST \/api\/declarations$/, owners: TRADERS, peers: [], writes: true },
  {
    match: /^POST \/api\/(declarations|payments\/declarations)\/\[id\]/,
    owners: ['traderB'],
    peers: ['traderA'],
    writes: true,
  },
  {
    match: /^GET \/api\/(declarations|payments\/declarations|payments\/top-ups)\/\[id\]/,
    owners: ['traderB'],
    peers: ['traderA'],
  },
  { match: /^GET \/api\/payments\/account$/, owners: TRADERS, peers: [] },
  {
    match: /^GET \/api\/officer\/declarations\/\[id\]/,
    owners: ['inspector', 'supervisor'],
    peers: ['otherInspector'],
  },
  {
    match: /^GET \/api\/permits\/applications\/\[id\]/,
    owners: ['traderB', 'agency'],
    peers: ['traderA', 'otherAgency'],
  },
  { match: /^GET \/api\/permits\/files\/\[id\]/, owners: ['traderB', 'agency'], peers: ['traderA', 'otherAgency'] },
  { match: /^GET \/api\/tariff\/search$/, owners: SIGNED_IN, peers: [] },
  // The seed has no uploaded declaration document; company B's permit-application file is not one.
  { match: /^GET \/files\/\[id\]$/, owners: [], peers: ['traderA', 'traderB'] },
  // One handler serves both paths: the trader of the company and the officers of the post.
  {
    match: /^GET \/(trader|officer)\/declarations\/\[id\]\/release-note$/,
    owners: ['traderB', 'inspector', 'supervisor'],
    peers: ['traderA', 'otherInspector'],
  },
  { match: /^GET \/trader\/(declarations|permits)\/\[id\]\//, owners: ['traderB'], peers: ['traderA'] },
  { match: /^GET \/trader\/account\/receipts\/\[number\]$/, owners: ['traderB'], peers: ['traderA'] },
  { match: /^GET \/trader\//, owners: TRADERS, peers: [] },
  { match: /^GET \/officer\/declarations\/\[id\]\//, owners: ['inspector', 'supervisor'], peers: ['otherInspector'] },
  { match: /^GET \/officer\/statistics\//, owners: ['supervisor'], peers: [] },
  { match: /^GET \/agency\/permits\/\[id\]\//, owners: ['agency'], peers: ['otherAgency'] },
  { match: /^GET \/admin\//, owners: ['admin'], peers: [] },
];

function handlerExpectation(route: HandlerRoute, role: Role): Outcome[] | null {
  const family = HANDLER_FAMILIES.find((f) => f.match.test(`${route.method} ${route.template}`));
  if (!family) return null;
  if (family.isPublic) return family.isPublic;
  switch (relation(role, family.owners, family.peers)) {
    case 'anonymous':
      return route.template.startsWith('/api/') ? ['unauthenticated'] : ['signin', 'unauthenticated'];
    case 'owner':
      return family.writes ? ['skip'] : (family.ownerGets ?? ['ok']);
    case 'peer':
      return ['notfound'];
    case 'stranger':
      return DENIED;
  }
}

/** The concrete path of a template, aimed at company B's / post 26003's / VET's objects. */
function pathOf(template: string, t: Targets): string {
  const id =
    template.startsWith('/trader/permits/applications') ||
    template.startsWith('/agency/applications') ||
    template.startsWith('/api/permits/applications')
      ? t.application
      : template.startsWith('/trader/permits') || template.startsWith('/agency/permits')
        ? t.permit
        : template.startsWith('/trader/account/top-ups') || template.startsWith('/api/payments/top-ups')
          ? t.topUp
          : template.startsWith('/officer/audits')
            ? t.auditDeclaration
            : template.startsWith('/officer/refunds')
              ? t.missing
              : template.startsWith('/officer/risk/profiles')
                ? t.riskProfile
                : template.startsWith('/files') || template.startsWith('/api/permits/files')
                  ? t.file
                  : t.declaration;
  return (
    template
      .replace('[id]', id)
      .replace('[line]', String(t.lineNo))
      .replace('[code]', t.permitTypeCode)
      .replace('[number]', encodeURIComponent(t.receiptNumber))
      .replace('[gateway]', 'test')
      .replace('[...nextauth]', 'session')
      .replace('/[[...number]]', '') +
    (template === '/api/tariff/search' ? '?q=cotton' : '') +
    (/^\/trader\/account\/statement\/(csv|pdf)$/.test(template) ? '?from=2026-01-01&to=2026-01-31' : '')
  );
}

// ───────────── Server actions ─────────────

type ActionFamily = { file: RegExp; owners: Role[]; peers: Role[]; isPublic?: boolean };

/** Server actions, by file. Owners are not called (their call would write); peers must get NOT_FOUND; strangers FORBIDDEN or NOT_FOUND; anonymous UNAUTHENTICATED (or the proxy's /sign-in). */
const ACTION_FAMILIES: ActionFamily[] = [
  { file: /^app\/trader\//, owners: ['traderB'], peers: ['traderA'] },
  { file: /^app\/officer\/(declarations|audits)\//, owners: ['inspector', 'supervisor'], peers: ['otherInspector'] },
  { file: /^app\/officer\/risk\//, owners: ['supervisor'], peers: [] },
  { file: /^app\/officer\/refunds\//, owners: [], peers: [] }, // the cast's supervisor has no finance permission
  { file: /^app\/agency\//, owners: ['agency'], peers: ['otherAgency'] },
  { file: /^app\/admin\//, owners: ['admin'], peers: [] },
  { file: /^app\/account\//, owners: SIGNED_IN, peers: [] },
  { file: /^app\/gateway\/test\//, owners: [], peers: [], isPublic: true },
];

type ActionVerdict = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'signin' | 'refusedByGateway' | 'skip';

function actionExpectation(action: ActionRoute, role: Role): ActionVerdict[] | null {
  const family = ACTION_FAMILIES.find((fam) => fam.file.test(action.file));
  if (!family) return null;
  const spec = ACTION_ARGS[`${action.file}#${action.name}`];
  if (family.isPublic) return ['refusedByGateway'];
  if (role === 'anonymous') return ['UNAUTHENTICATED', 'signin'];
  const owners =
    spec?.mine && family.file.source.includes('trader')
      ? [...family.owners, ...TRADERS]
      : spec?.mine
        ? [...family.owners, ...family.peers]
        : family.owners;
  const rel = relation(role, owners, family.peers);
  if (rel === 'owner') return ['skip'];
  // The arguments pass the schema (security-action-args.ts), so only authorization can stop the call.
  return rel === 'peer' ? ['NOT_FOUND', 'FORBIDDEN'] : ['FORBIDDEN', 'NOT_FOUND'];
}

// ───────────── Running it ─────────────

const pages = discoverPages();
const handlers = discoverHandlers();
const actions = discoverActions();

test('every route has an expectation, and the action manifest covers every server action file', () => {
  const missing = [
    ...pages
      .filter((p) => pageExpectation(p.template, 'traderA') === null)
      .map((p) => `page ${p.template} (${p.file})`),
    ...handlers
      .filter((h) => handlerExpectation(h, 'traderA') === null)
      .map((h) => `${h.method} ${h.template} (${h.file})`),
    ...actions.filter((a) => actionExpectation(a, 'traderA') === null).map((a) => `action ${a.file}#${a.name}`),
    ...actions
      .filter((a) => !ACTION_ARGS[`${a.file}#${a.name}`])
      .map((a) => `action arguments for ${a.file}#${a.name}`),
  ];
  expect(missing, 'routes without an expectation in security-matrix.spec.ts').toEqual([]);
  const built = new Set(actions.map((a) => a.file));
  expect(
    useServerFiles().filter((file) => file.startsWith('app/') && !built.has(file)),
    `'use server' files missing from the build's action manifest (stale build in ${process.env.NEXT_DIST_DIR ?? '.next'}?)`,
  ).toEqual([]);
  expect(pages.length).toBeGreaterThan(30);
  expect(actions.length).toBeGreaterThan(40);
});

/** The parts of a multipart body, in order (text parts only: the forms compared here have no file). */
function multipartParts(contentType: string, body: Buffer): { name: string; value: string }[] {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return [];
  return body
    .toString('utf8')
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const [head, ...rest] = raw.replace(/^\r\n/, '').replace(/\r\n$/, '').split('\r\n\r\n');
      return { name: /name="([^"]*)"/.exec(head)?.[1] ?? '?', value: rest.join('\r\n\r\n') };
    });
}

// The matrix calls server actions without a browser; this proves it sends what Chromium sends (if it
// did not, every form action would answer VALIDATION and the matrix would never reach authorization).
test('a server action is posted the way Chromium posts it: the same action id, content type and multipart layout', async ({
  page,
}) => {
  const email = await aTraderOfANewCompany('security-encoding');
  await signIn(page, email);
  await expect(page).toHaveURL(/\/trader$/, { timeout: SIGN_IN_TIMEOUT });
  await page.goto('/trader/account');
  const posted = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByLabel('Amount to top up (UZS)').fill('150000');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  const request = await posted;
  const headers = request.headers();
  const startTopUp = actions.find((a) => a.file === 'app/trader/account/actions.ts' && a.name === 'startTopUpAction');
  expect(headers['next-action']).toBe(startTopUp?.id);
  expect(headers['accept']).toBe('text/x-component');
  const ours = encodeActionReply([new Form({ amount: '150000' })]);
  expect(headers['content-type'].split(';')[0]).toBe(ours.contentType.split(';')[0]);
  expect(multipartParts(headers['content-type'], request.postDataBuffer() ?? Buffer.alloc(0))).toEqual(
    multipartParts(ours.contentType, ours.body),
  );
  // And a call without a form: the arguments as a text/plain JSON array.
  expect(encodeActionReply(['a', '$b', 1]).body.toString()).toBe('["a","$$b",1]');
});

async function signedInContext(browser: Browser, role: Role): Promise<BrowserContext> {
  const context = await browser.newContext();
  if (role === 'anonymous') return context;
  const login = LOGINS[role];
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(login.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${login.home}$`), { timeout: SIGN_IN_TIMEOUT });
  await page.close();
  return context;
}

function classify(status: number, location: string | undefined, isPublicApi: boolean): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400)
    return location && new URL(location, 'http://portal').pathname === '/sign-in' ? 'signin' : 'redirect';
  if (status === 401) return isPublicApi ? 'refused' : 'unauthenticated';
  if (status === 403) return isPublicApi ? 'refused' : 'forbidden';
  if (status === 404) return 'notfound';
  if (status === 400 || status === 422) return 'refused';
  return String(status) as Outcome;
}

/** Run `jobs` with at most `width` in flight. */
async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

test('every route × every role × another company’s, post’s and authority’s object: the expected answer, and no row written', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const origin = baseURL!;
  const targets = await findTargets();
  const contexts = new Map<Role, BrowserContext>();
  for (const role of ROLES) contexts.set(role, await signedInContext(browser, role));

  const mismatches: string[] = [];
  const fivexx: string[] = [];
  const counts = { pages: 0, handlers: 0, actions: 0, skipped: 0 };

  // The owners' reads run first: a first print issues a signed document (and audits it), a write that
  // is theirs to make. Every other call is an attack, and the attacks must write nothing.
  const ownerReads: (() => Promise<void>)[] = [];
  const attacks: (() => Promise<void>)[] = [];
  for (const role of ROLES) {
    const request: APIRequestContext = contexts.get(role)!.request;
    for (const page of pages) {
      const expected = pageExpectation(page.template, role)!;
      const url = pathOf(page.template, targets);
      (expected.includes('ok') ? ownerReads : attacks).push(async () => {
        const response = await request.get(url, {
          maxRedirects: 0,
          failOnStatusCode: false,
          headers: { Accept: 'text/html' },
        });
        counts.pages++;
        const outcome = classify(response.status(), response.headers()['location'], false);
        if (response.status() >= 500) fivexx.push(`${role} GET ${url} → ${response.status()}`);
        if (!expected.includes(outcome))
          mismatches.push(
            `${role} GET ${url} (page ${page.template}): ${response.status()} ${outcome}, expected ${expected.join('|')}`,
          );
      });
    }
    for (const handler of handlers) {
      const expected = handlerExpectation(handler, role)!;
      if (expected.includes('skip')) {
        counts.skipped++;
        continue;
      }
      const url = pathOf(handler.template, targets);
      const isPublicApi = /^\/api\/(health|auth|payments\/gateway)|^\/\.well-known/.test(handler.template);
      (expected.includes('ok') ? ownerReads : attacks).push(async () => {
        const body =
          handler.method === 'POST'
            ? handler.template === '/api/declarations'
              ? exportDeclarationBody(CAST_POST)
              : { amount: '1.00' }
            : undefined;
        const response = await request.fetch(url, {
          method: handler.method,
          maxRedirects: 0,
          failOnStatusCode: false,
          headers: {
            Origin: origin,
            ...(body
              ? {
                  'Content-Type': 'application/json',
                  'Idempotency-Key': `matrix-${role}-${Math.random().toString(36).slice(2)}`,
                }
              : {}),
          },
          data: body ? JSON.stringify(body) : undefined,
        });
        counts.handlers++;
        const outcome = classify(response.status(), response.headers()['location'], isPublicApi);
        if (response.status() >= 500) fivexx.push(`${role} ${handler.method} ${url} → ${response.status()}`);
        if (!expected.includes(outcome))
          mismatches.push(
            `${role} ${handler.method} ${url}: ${response.status()} ${outcome}, expected ${expected.join('|')}`,
          );
      });
    }
    for (const action of actions) {
      const expected = actionExpectation(action, role)!;
      if (expected.includes('skip')) {
        counts.skipped++;
        continue;
      }
      const spec = ACTION_ARGS[`${action.file}#${action.name}`];
      const pagePath = pathOf(action.pageTemplate, targets);
      attacks.push(async () => {
        const outcome = await callAction(request, pagePath, action.id, spec ? spec.args(targets) : [], origin);
        counts.actions++;
        const verdict: string =
          outcome.status >= 300 && outcome.status < 400 && /\/sign-in/.test(outcome.redirect ?? '')
            ? 'signin'
            : outcome.redirect && /\/sign-in/.test(outcome.redirect)
              ? 'signin'
              : outcome.status === 403
                ? 'FORBIDDEN'
                : outcome.status === 404
                  ? 'NOT_FOUND'
                  : ACTION_FAMILIES.find((fam) => fam.file.test(action.file))?.isPublic && outcome.ok === false
                    ? 'refusedByGateway'
                    : outcome.ok === true
                      ? 'ok'
                      : (outcome.code ?? `HTTP ${outcome.status}`);
        const label = `${role} action ${action.file}#${action.name} (POST ${pagePath})`;
        if (outcome.status >= 500 || outcome.isInternal)
          fivexx.push(`${label} → ${outcome.status} ${outcome.code ?? ''}`);
        if (!expected.includes(verdict as ActionVerdict))
          mismatches.push(
            `${label}: ${outcome.status} ${verdict}, expected ${expected.join('|')} — ${outcome.text.replace(/\s+/g, ' ').slice(0, 200)}`,
          );
      });
    }
  }
  const started = Date.now();
  await pool(ownerReads, 4);
  const before = await fingerprint();
  await pool(attacks, 4);
  const after = await fingerprint();
  console.log(
    `[security-matrix] ${pages.length} pages, ${handlers.length} handler methods, ${actions.length} actions × ${ROLES.length} roles: ${counts.pages} page, ${counts.handlers} handler, ${counts.actions} action requests (${counts.skipped} owner writes not attempted) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  for (const context of contexts.values()) await context.close().catch(() => undefined);

  const written = await fingerprintChanges(before, after);
  expect.soft(fivexx, 'answers with status ≥ 500 or an INTERNAL result').toEqual([]);
  expect.soft(written, 'rows of the cast written by the attacks').toEqual([]);
  expect(mismatches, 'route × role answers that differ from the matrix').toEqual([]);
});
