// Bad input against a real PostgreSQL: never a throw the edge would answer with a 500, always a
// field error (or a 4xx) naming the problem, and nothing written.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { addItem } from '@/src/server/declarations/items';
import { addDocument } from '@/src/server/declarations/documents';
import { addApplicationDocument, startApplication } from '@/src/server/permits/applications';
import { POST as gatewayCallback } from '@/app/api/payments/gateway/[gateway]/callback/route';
import { AppError } from '@/lib/errors';
import { INVISIBLE_CHARACTERS_MESSAGE } from '@/lib/text';
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from '@/lib/request-limits';
import { aPost, aTrader, aDraftInput } from '../support/factories';
import { NOW } from '../support/clock';

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

/** A PDF by its magic bytes, `size` bytes long. */
function aPdf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
  return bytes;
}

let trader: Actor;
let postCode: string;
beforeAll(async () => {
  trader = await aTrader();
  postCode = (await aPost()).code;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a declaration item with a bad mass', () => {
  it.each([
    ['an empty gross mass', { grossMass: '' }, { path: 'grossMass', message: 'Enter the gross mass' }],
    ['an empty net mass', { netMass: '' }, { path: 'netMass', message: 'Enter the net mass' }],
    [
      'a gross mass that is not a number',
      { grossMass: 'abc' },
      { path: 'grossMass', message: 'The gross mass must be a number, like 1250.50' },
    ],
    [
      'a NUL in the description',
      { description: 'Laptops\u0000' },
      { path: 'description', message: INVISIBLE_CHARACTERS_MESSAGE },
    ],
  ])('is a VALIDATION error naming the field (%s), and nothing is written', async (_name, change, fieldError) => {
    const { id } = await createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode }), now: NOW });
    const before = await db.declaration.findUniqueOrThrow({
      where: { id },
      select: { version: true, _count: { select: { items: true } } },
    });
    const item = { ...aDraftInput({ postCode }).items[0], ...change };
    const e = await failure(addItem({ actor: trader, declarationId: id, input: item, now: NOW }), 'VALIDATION');
    expect(e.fieldErrors).toEqual([fieldError]);
    expect(
      await db.declaration.findUniqueOrThrow({
        where: { id },
        select: { version: true, _count: { select: { items: true } } },
      }),
    ).toEqual(before);
  });

  it('in a whole declaration body (the JSON API) names the item and writes no declaration', async () => {
    const before = await db.declaration.count({ where: { companyId: trader.companyId! } });
    const input = aDraftInput({ postCode });
    const e = await failure(
      createDeclarationDraft({
        actor: trader,
        input: {
          ...input,
          consignorName: 'Shenzhen\u0000',
          items: [input.items[0], { ...input.items[1], grossMass: '', netMass: 'x' }],
        },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual([
      { path: 'consignorName', message: INVISIBLE_CHARACTERS_MESSAGE },
      { path: 'items.1.grossMass', message: 'Enter the gross mass' },
      { path: 'items.1.netMass', message: 'The net mass must be a number, like 1250.50' },
    ]);
    expect(await db.declaration.count({ where: { companyId: trader.companyId! } })).toBe(before);
  });
});

describe('an upload over the 10 MB limit', () => {
  it('is refused on the declaration’s file field, nothing stored', async () => {
    const { id } = await createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode }), now: NOW });
    const files = await db.storedFile.count({ where: { companyId: trader.companyId! } });
    const e = await failure(
      addDocument({
        actor: trader,
        declarationId: id,
        input: { type: 'INVOICE', number: 'INV-1', date: '2026-11-20' },
        file: { fileName: 'big.pdf', bytes: aPdf(MAX_UPLOAD_BYTES + 1) },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual([{ path: 'file', message: UPLOAD_TOO_LARGE }]);
    expect(await db.declarationDocument.count({ where: { declarationId: id, number: 'INV-1' } })).toBe(0);
    expect(await db.storedFile.count({ where: { companyId: trader.companyId! } })).toBe(files);
  });

  it('is refused on the permit application’s file field, nothing stored', async () => {
    const { id } = await startApplication({
      actor: trader,
      input: { permitTypeCode: 'PQ-IMP', purpose: 'Import of apples' },
      now: NOW,
    });
    const e = await failure(
      addApplicationDocument({
        actor: trader,
        applicationId: id,
        input: { documentType: 'Other document' },
        file: { fileName: 'big.pdf', bytes: aPdf(MAX_UPLOAD_BYTES + 1) },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual([{ path: 'file', message: UPLOAD_TOO_LARGE }]);
    expect(await db.permitApplicationDocument.count({ where: { applicationId: id } })).toBe(0);
  });
});

describe('a gateway callback that cannot be stored', () => {
  it('with a NUL is refused (400), logged escaped, and writes nothing to the business tables', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const [callbacks, topUps, entries] = await Promise.all([
      db.gatewayCallback.count(),
      db.topUp.count(),
      db.ledgerEntry.count(),
    ]);
    const body = '{"merchant":"x","order":"\u0000","amount":"1000.00"}';
    const request = new Request('http://localhost/api/payments/gateway/test/callback', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const response = await gatewayCallback(request, { params: Promise.resolve({ gateway: 'test' }) });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ result: 'MALFORMED' });
    const logged = errors.mock.calls.map((c) => c.join(' ')).join('\n');
    expect(logged).toContain('\\"order\\":\\"\\u0000\\"'); // escaped as JSON text: quotes and the NUL
    expect(logged).not.toContain('\u0000');
    const row = await db.gatewayCallback.findFirstOrThrow({
      orderBy: { at: 'desc' },
      where: { outcome: 'MALFORMED', body: { contains: '\\u0000' } },
    });
    expect(row).toMatchObject({ gateway: 'test', isAccepted: false });
    expect(await db.gatewayCallback.count()).toBe(callbacks + 1);
    expect([await db.topUp.count(), await db.ledgerEntry.count()]).toEqual([topUps, entries]);
  });

  it('of an unknown gateway with control characters is refused and logged the same way', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const request = new Request('http://localhost/api/payments/gateway/nobank/callback', {
      method: 'POST',
      body: 'a\u0007b\u0000',
      headers: { 'content-type': 'text/plain' },
    });
    const response = await gatewayCallback(request, { params: Promise.resolve({ gateway: 'nobank' }) });
    expect(response.status).toBe(400);
    expect(errors.mock.calls.map((c) => c.join(' ')).join('\n')).toContain('a\\u0007b\\u0000');
  });
});
