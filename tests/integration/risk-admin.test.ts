import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { saveProfile, backtest, riskPerformance, setChannelShares, activateModel, listModels } from '@/src/server/risk/admin';
import { loadRiskSettings } from '@/src/server/risk/settings';
import { trainFromHistory } from '@/src/server/risk/training';
import { AppError } from '@/lib/errors';
import { aPost, actorOf, aUser, aTrader } from '../support/factories';
import { NOW } from '../support/clock';

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

const aSupervisor = async () => actorOf(await aUser({ role: 'SUPERVISOR', postId: (await aPost()).id }));
const form = { name: 'Textiles from CN', hsPrefixes: '61, 62', originCountries: 'CN', weight: '30', validFrom: '2026-01-01', isShadow: 'yes', isActive: 'yes' };

describe('risk administration', () => {
  it('saves a valid profile (audited), and refuses invalid conditions field by field, writing nothing', async () => {
    const supervisor = await aSupervisor();
    const { id } = await saveProfile({ actor: supervisor, input: form, now: NOW });
    const p = await db.riskProfile.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({ name: 'Textiles from CN', weight: 30, isShadow: true, conditions: { hsPrefixes: ['61', '62'], originCountries: ['CN'] } });
    expect(await db.auditEntry.count({ where: { entityId: id, action: 'risk.profile.create' } })).toBe(1);

    const before = await db.riskProfile.count();
    const e = await failure(saveProfile({ actor: supervisor, input: { ...form, hsPrefixes: '6A', originCountries: 'China', validFrom: '2026-02-30', weight: '500' }, now: NOW }), 'VALIDATION');
    expect(e.fieldErrors.map((f) => f.path).sort()).toEqual(['validFrom', 'weight']);
    const e2 = await failure(saveProfile({ actor: supervisor, input: { ...form, hsPrefixes: '6A', originCountries: 'China' }, now: NOW }), 'VALIDATION');
    expect(e2.fieldErrors.map((f) => f.path).sort()).toEqual(['hsPrefixes', 'originCountries']);
    const e3 = await failure(saveProfile({ actor: supervisor, input: { name: 'Nothing', weight: '10', validFrom: '2026-01-01' }, now: NOW }), 'VALIDATION');
    expect(e3.fieldErrors[0].message).toMatch(/at least one condition/);
    expect(await db.riskProfile.count()).toBe(before);
    await failure(saveProfile({ actor: await aTrader(), input: form, now: NOW }), 'FORBIDDEN');
  });

  it('backtests a profile over past declarations: channel mix and hit rate before and after', async () => {
    const supervisor = await aSupervisor();
    const result = await backtest({ actor: supervisor, proposal: { ...form, hsPrefixes: '01,02,03,04,05,06,07,08,09,10,61,62,84,85,87', originCountries: '', forcedChannel: 'RED', weight: '0', isShadow: 'no' }, from: '2025-11-28', to: '2026-11-28' });
    expect(result.declarations).toBeGreaterThan(1000);
    const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    expect(total(result.current)).toBe(result.declarations);
    expect(total(result.proposed)).toBe(result.declarations);
    expect(result.profileMatches).toBeGreaterThan(0);
    expect(result.proposed.RED).toBeGreaterThanOrEqual(result.profileMatches);
    expect(result.proposed.RED).toBeGreaterThan(result.current.RED);
    expect(result.inspectedWithOutcome).toBeGreaterThanOrEqual(result.currentInspectedWithOutcome);
    if (result.hitRate !== null) expect(result.hitRate).toBeCloseTo(result.hits / result.inspectedWithOutcome, 10);
  });

  it('reports hit rates per channel and per profile', async () => {
    const supervisor = await aSupervisor();
    const perf = await riskPerformance({ actor: supervisor, from: '2025-11-28', to: '2026-11-28' });
    const red = perf.byChannel.find((c) => c.channel === 'RED')!;
    expect(red.declarations).toBeGreaterThan(0);
    expect(red.hits).toBeLessThanOrEqual(red.inspected);
    const expectedRed = await db.declaration.count({ where: { channel: 'RED', registeredAt: { gte: new Date('2025-11-27T19:00:00Z'), lt: new Date('2026-11-28T19:00:00Z') } } });
    expect(red.declarations).toBe(expectedRed);
  });

  it('derives thresholds from target shares, and activates a model version', async () => {
    const supervisor = await aSupervisor();
    const { thresholds, sample } = await setChannelShares({ actor: supervisor, input: { regime: 'EK31', yellowPercent: '20', redPercent: '5', randomSharePercent: '2' }, now: NOW });
    expect(sample).toBeGreaterThanOrEqual(0);
    expect((await loadRiskSettings(db)).thresholds.EK31).toEqual(thresholds);
    await failure(setChannelShares({ actor: supervisor, input: { regime: 'EK31', yellowPercent: '80', redPercent: '30', randomSharePercent: '2' }, now: NOW }), 'VALIDATION');

    const trained = await trainFromHistory(db, { now: NOW, label: 'admin-it' });
    const model = (await listModels({ actor: supervisor })).find((m) => m.version === trained.version)!;
    const previouslyActive = await db.riskModel.findMany({ where: { isActive: true }, select: { id: true } });
    await activateModel({ actor: supervisor, modelId: model.id, now: NOW });
    expect((await db.riskModel.findMany({ where: { isActive: true } })).map((m) => m.version)).toEqual([trained.version]);
    await db.riskModel.update({ where: { id: model.id }, data: { isActive: false } });
    for (const m of previouslyActive) await db.riskModel.update({ where: { id: m.id }, data: { isActive: true } });
  });
});
