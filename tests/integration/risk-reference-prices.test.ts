import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { rebuildReferencePrices } from '@/src/server/risk/reference-prices';
import { trainFromHistory } from '@/src/server/risk/training';
import { backtest } from '@/src/server/risk/backtest';
import { aPost, actorOf, aUser, aTrader } from '../support/factories';
import { NOW } from '../support/clock';

const DAY = 86_400_000;
const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 1) % 40;
/** HS codes no seeded declaration uses (chapter 99 is not in the nomenclature), distinct per worker. */
const code = (n: number) => `9999${String(worker).padStart(2, '0')}${String(n).padStart(4, '0')}`;
let seq = 0;

/** A registered declaration inserted directly, one item at `unitPrice` (invoice currency per unit) × `quantity`. */
async function aDeclaration(args: {
  trader: { companyId: string | null; userId: string };
  post: { id: string; code: string };
  registeredAt: Date;
  hsCode: string;
  unitPrice: string;
  quantity?: string;
  currency?: string;
  status?: 'RELEASED' | 'REFUSED' | 'ASSIGNED';
}) {
  const quantity = args.quantity ?? '2';
  const invoiceValue = (Number(args.unitPrice) * Number(quantity)).toFixed(2);
  return db.declaration.create({
    data: {
      companyId: args.trader.companyId!,
      createdById: args.trader.userId,
      postId: args.post.id,
      regime: 'IM40',
      status: args.status ?? 'RELEASED',
      channel: 'GREEN',
      registrationNumber: `${args.post.code}/RP/${worker}-${++seq}-${Date.now()}`,
      consignorName: 'Reference Goods Ltd',
      consignorCountry: 'AQ',
      dispatchCountry: 'AQ',
      destinationCountry: 'UZ',
      transportMode: 'ROAD',
      incoterm: 'FOB',
      invoiceCurrency: args.currency ?? 'USD',
      invoiceTotal: invoiceValue,
      createdAt: args.registeredAt,
      submittedAt: args.registeredAt,
      registeredAt: args.registeredAt,
      items: {
        create: [
          {
            lineNo: 1,
            hsCode: args.hsCode,
            description: 'Test goods',
            originCountry: 'AQ',
            grossMass: '1',
            netMass: '1',
            quantity,
            supplementaryUnit: 'PCS',
            invoiceValue,
          },
        ],
      },
    },
  });
}

const aSupervisor = async () => actorOf(await aUser({ role: 'SUPERVISOR', postId: (await aPost()).id }));

describe('reference prices rebuilt from released declarations', () => {
  it('stores the exact quantiles of released declarations of the window, and no row for a code with too few', async () => {
    const trader = await aTrader();
    const post = await aPost();
    const [priced, thin] = [code(1), code(2)];
    const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
    // Released within the year, at 10..50 USD per unit: the five observations of `priced`.
    for (const [i, price] of ['10', '20', '30', '40', '50'].entries())
      await aDeclaration({ trader, post, registeredAt: daysAgo(10 + i), hsCode: priced, unitPrice: price });
    // Not counted: refused, still in progress, registered before the window.
    await aDeclaration({
      trader,
      post,
      registeredAt: daysAgo(5),
      hsCode: priced,
      unitPrice: '1000',
      status: 'REFUSED',
    });
    await aDeclaration({
      trader,
      post,
      registeredAt: daysAgo(5),
      hsCode: priced,
      unitPrice: '1000',
      status: 'ASSIGNED',
    });
    await aDeclaration({ trader, post, registeredAt: daysAgo(400), hsCode: priced, unitPrice: '1000' });
    // Four observations only: below the minimum sample; its stale row must go.
    for (let i = 0; i < 4; i++)
      await aDeclaration({ trader, post, registeredAt: daysAgo(20 + i), hsCode: thin, unitPrice: '7' });
    await db.referencePrice.create({
      data: {
        hsCode: thin,
        originCountry: 'AQ',
        unit: 'PCS',
        sampleSize: 9,
        q05: '1',
        q10: '1',
        q25: '1',
        q50: '1',
        q75: '1',
        q90: '1',
        computedAt: daysAgo(30),
      },
    });

    const outcome = await rebuildReferencePrices(db, { now: NOW, windowDays: 365 });
    expect(outcome.rows).toBeGreaterThan(1);

    const row = await db.referencePrice.findUniqueOrThrow({
      where: { hsCode_originCountry: { hsCode: priced, originCountry: 'AQ' } },
    });
    // Type-7 quantiles of 10, 20, 30, 40, 50.
    expect({
      unit: row.unit,
      sampleSize: row.sampleSize,
      q: [row.q05, row.q10, row.q25, row.q50, row.q75, row.q90].map((q) => q.toFixed(6)),
    }).toEqual({
      unit: 'PCS',
      sampleSize: 5,
      q: ['12.000000', '14.000000', '20.000000', '30.000000', '40.000000', '46.000000'],
    });
    expect(row.computedAt).toEqual(NOW);
    expect(
      await db.referencePrice.findUnique({ where: { hsCode_originCountry: { hsCode: thin, originCountry: 'AQ' } } }),
    ).toBeNull();
  });

  it('converts at the rates of the registration date: invoice currency → UZS → USD', async () => {
    const trader = await aTrader();
    const post = await aPost();
    const hsCode = code(3);
    const at = new Date(NOW.getTime() - 3 * DAY);
    for (let i = 0; i < 5; i++)
      await aDeclaration({ trader, post, registeredAt: at, hsCode, unitPrice: '100', currency: 'EUR' });
    await rebuildReferencePrices(db, { now: NOW });
    const day = new Date(
      Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + (at.getUTCHours() >= 19 ? 1 : 0)),
    );
    const rate = async (currencyCode: string) => {
      const r = await db.exchangeRate.findFirstOrThrow({
        where: { currencyCode, date: { lte: day } },
        orderBy: { date: 'desc' },
      });
      return r.rate.div(r.units);
    };
    const expected = (await rate('EUR')).mul(100).div(await rate('USD'));
    const row = await db.referencePrice.findUniqueOrThrow({
      where: { hsCode_originCountry: { hsCode, originCountry: 'AQ' } },
    });
    expect(row.q50.toFixed(6)).toBe(expected.toFixed(6));
    expect(row.q05.toFixed(6)).toBe(expected.toFixed(6));
  });

  it('rebuilds them at the start of every training run, and stores the holdout figures on random picks', async () => {
    const trader = await aTrader();
    const post = await aPost();
    const hsCode = code(4);
    for (let i = 0; i < 6; i++)
      await aDeclaration({
        trader,
        post,
        registeredAt: new Date(NOW.getTime() - (2 + i) * DAY),
        hsCode,
        unitPrice: '5',
      });
    const outcome = await trainFromHistory(db, { now: NOW, label: `rp-${worker}` });
    expect(outcome.referencePrices.rows).toBeGreaterThan(0);
    expect(
      await db.referencePrice.findUnique({ where: { hsCode_originCountry: { hsCode, originCountry: 'AQ' } } }),
    ).toMatchObject({ sampleSize: 6 });

    const stored = (await db.riskModel.findUniqueOrThrow({ where: { version: outcome.version } })).metrics as {
      randomPicks?: { items: number; hits: number; hitRate: number | null; precisionAt10: number | null };
    };
    expect(outcome.metrics).not.toBeNull();
    expect(stored.randomPicks).toEqual(outcome.metrics!.randomPicks);
    const r = stored.randomPicks!;
    // The seeded history has inspected random picks in its last fifth.
    expect(r.items).toBeGreaterThan(0);
    expect(r.hits).toBeLessThanOrEqual(r.items);
    expect(r.hitRate).toBeCloseTo(r.hits / r.items, 10);
    expect(r.items).toBeLessThan(outcome.rows - Math.floor(outcome.rows * 0.8) + 1);
  });
});

describe('the backtest replays declarations as registration would', () => {
  it('takes the latest exchange rate on or before a day with none published (as registration does)', async () => {
    const supervisor = await aSupervisor();
    const trader = await aTrader();
    const post = await aPost();
    const hsCode = code(5);
    // The seed publishes rates up to its own day: nothing on this later day.
    const day = '2027-02-15';
    expect(await db.exchangeRate.count({ where: { date: new Date(`${day}T00:00:00Z`) } })).toBe(0);
    await aDeclaration({
      trader,
      post,
      registeredAt: new Date(`${day}T06:00:00Z`),
      hsCode,
      unitPrice: '3',
      status: 'ASSIGNED',
    });
    // A profile on the unit price in USD matches only if the price could be computed.
    const proposal = {
      name: 'Cheap test goods',
      hsPrefixes: hsCode,
      maxUnitPriceUsd: '5',
      forcedChannel: 'RED',
      weight: '0',
      validFrom: '2027-01-01',
      isShadow: 'no',
      isActive: 'yes',
    };
    const result = await backtest({ actor: supervisor, proposal, from: day, to: day });
    expect(result.profileMatches).toBe(1);
  });

  it('applies the stored profiles valid on each registration day, not on the last day of the range', async () => {
    const supervisor = await aSupervisor();
    const trader = await aTrader();
    const post = await aPost();
    const hsCode = code(6);
    const profile = await db.riskProfile.create({
      data: {
        name: 'Test goods, January only',
        conditions: { hsPrefixes: [hsCode] },
        weight: 0,
        forcedChannel: 'RED',
        validFrom: new Date('2027-01-01T00:00:00Z'),
        validTo: new Date('2027-01-31T00:00:00Z'),
        isShadow: false,
        isActive: true,
        createdById: supervisor.userId,
        createdAt: NOW,
      },
    });
    try {
      await aDeclaration({
        trader,
        post,
        registeredAt: new Date('2027-01-20T06:00:00Z'),
        hsCode,
        unitPrice: '3',
        status: 'ASSIGNED',
      });
      await aDeclaration({
        trader,
        post,
        registeredAt: new Date('2027-02-05T06:00:00Z'),
        hsCode,
        unitPrice: '3',
        status: 'ASSIGNED',
      });
      // Only the test's declarations carry this code: a proposal on it counts them.
      const result = await backtest({
        actor: supervisor,
        proposal: {
          name: 'Same goods, weight only',
          hsPrefixes: hsCode,
          weight: '1',
          validFrom: '2027-01-01',
          isShadow: 'no',
          isActive: 'yes',
        },
        from: '2027-01-20',
        to: '2027-02-10',
      });
      expect(result.profileMatches).toBe(2);
      // The January declaration was forced red by the profile valid then; the February one was not.
      expect(result.current.RED).toBeGreaterThanOrEqual(1);
      const onlyFebruary = await backtest({ actor: supervisor, from: '2027-02-05', to: '2027-02-05' });
      const onlyJanuary = await backtest({ actor: supervisor, from: '2027-01-20', to: '2027-01-20' });
      expect(onlyJanuary.current.RED).toBe(onlyJanuary.declarations);
      expect(onlyFebruary.current.RED).toBe(0);
    } finally {
      await db.riskProfile.delete({ where: { id: profile.id } });
    }
  });

  it('reports how many of the declarations of the range it replayed', async () => {
    const supervisor = await aSupervisor();
    const trader = await aTrader();
    const post = await aPost();
    const day = '2027-03-10';
    for (let i = 0; i < 3; i++)
      await aDeclaration({
        trader,
        post,
        registeredAt: new Date(`${day}T0${i + 4}:00:00Z`),
        hsCode: code(7),
        unitPrice: '3',
        status: 'ASSIGNED',
      });
    const total = await db.declaration.count({
      where: { registeredAt: { gte: new Date('2027-03-09T19:00:00Z'), lt: new Date('2027-03-10T19:00:00Z') } },
    });
    expect(total).toBeGreaterThanOrEqual(3);
    const truncated = await backtest({ actor: supervisor, from: day, to: day, limit: 2 });
    expect(truncated).toMatchObject({ declarations: 2, sampled: 2, total });
    const whole = await backtest({ actor: supervisor, from: day, to: day });
    expect(whole).toMatchObject({ declarations: total, sampled: total, total });
  });
});
