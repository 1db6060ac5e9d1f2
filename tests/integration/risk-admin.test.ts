import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { saveProfile, getProfile } from '@/src/server/risk/profiles';
import { backtest } from '@/src/server/risk/backtest';
import { backtestChannelShares, setChannelShares } from '@/src/server/risk/channel-shares';
import { riskPerformance } from '@/src/server/risk/reporting';
import { activateModel, listModels } from '@/src/server/risk/model-activation';
import { startTraining, trainingStatus } from '@/src/server/risk/training-runner';
import { loadRiskSettings, RISK_SETTINGS_KEY } from '@/src/server/risk/settings';
import {
  trainFromHistory,
  claimTrainingRun,
  finishTrainingRun,
  TRAINING_STATUS_KEY,
  TRAINING_STALE_AFTER_MS,
} from '@/src/server/risk/training';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { AppError } from '@/lib/errors';
import { profileFormValues } from '@/lib/risk/profile-form';
import { dateColumnDay } from '@/lib/time';
import { aPost, actorOf, aUser, aTrader, anInspector, aDraftInput } from '../support/factories';
import { NOW } from '../support/clock';
import { withModelState } from '../support/model-state';

/** Registration window of the past year as the backtests below use it (Tashkent days). */
const YEAR = { from: '2025-11-28', to: '2026-11-28' };
const inYear = { registeredAt: { gte: new Date('2025-11-27T19:00:00Z'), lt: new Date('2026-11-28T19:00:00Z') } };

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

const aSupervisor = async () => actorOf(await aUser({ role: 'SUPERVISOR', postId: (await aPost()).id }));
const form = {
  name: 'Textiles from CN',
  hsPrefixes: '61, 62',
  originCountries: 'CN',
  weight: '30',
  validFrom: '2026-01-01',
  isShadow: 'yes',
  isActive: 'yes',
};

describe('risk administration', () => {
  it('saves a valid profile (audited), and refuses invalid conditions field by field, writing nothing', async () => {
    const supervisor = await aSupervisor();
    const { id } = await saveProfile({ actor: supervisor, input: form, now: NOW });
    const p = await db.riskProfile.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({
      name: 'Textiles from CN',
      weight: 30,
      isShadow: true,
      conditions: { hsPrefixes: ['61', '62'], originCountries: ['CN'] },
    });
    expect(await db.auditEntry.count({ where: { entityId: id, action: 'risk.profile.create' } })).toBe(1);

    const before = await db.riskProfile.count();
    // Every problem at once: the base fields and each bad condition.
    const e = await failure(
      saveProfile({
        actor: supervisor,
        input: {
          ...form,
          hsPrefixes: '6A',
          originCountries: 'China',
          declarantIds: 'a broker',
          validFrom: '2026-02-30',
          weight: '500',
        },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors.map((f) => f.path).sort()).toEqual([
      'declarantIds',
      'hsPrefixes',
      'originCountries',
      'validFrom',
      'weight',
    ]);
    const e2 = await failure(
      saveProfile({ actor: supervisor, input: { ...form, hsPrefixes: '6A', originCountries: 'China' }, now: NOW }),
      'VALIDATION',
    );
    expect(e2.fieldErrors.map((f) => f.path).sort()).toEqual(['hsPrefixes', 'originCountries']);
    const e3 = await failure(
      saveProfile({ actor: supervisor, input: { name: 'Nothing', weight: '10', validFrom: '2026-01-01' }, now: NOW }),
      'VALIDATION',
    );
    expect(e3.fieldErrors[0].message).toMatch(/at least one condition/);
    expect(await db.riskProfile.count()).toBe(before);
    await failure(saveProfile({ actor: await aTrader(), input: form, now: NOW }), 'FORBIDDEN');
  });

  it('keeps a declarant condition through the editor round trip, and the engine matches it at registration', async () => {
    const supervisor = await aSupervisor();
    const post = await aPost();
    await anInspector(post.id);
    const declarant = await aTrader();
    const other = await aTrader();
    const input = {
      name: 'Declarant watch',
      declarantIds: declarant.userId.toUpperCase(),
      weight: '5',
      validFrom: '2026-01-01',
      isShadow: 'yes',
      isActive: 'yes',
    };
    const { id } = await saveProfile({ actor: supervisor, input, now: NOW });
    expect((await db.riskProfile.findUniqueOrThrow({ where: { id } })).conditions).toEqual({
      declarantIds: [declarant.userId],
    });

    // The edit page shows the stored profile in the editor; saving it unchanged keeps the condition.
    const stored = await getProfile({ actor: supervisor, profileId: id });
    const values = profileFormValues({
      ...stored,
      validFrom: dateColumnDay(stored.validFrom),
      validTo: stored.validTo ? dateColumnDay(stored.validTo) : null,
    });
    expect(values.declarantIds).toBe(declarant.userId);
    await saveProfile({
      actor: supervisor,
      profileId: id,
      input: { ...values, name: 'Declarant watch (renamed)' },
      now: NOW,
    });
    expect(await db.riskProfile.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: 'Declarant watch (renamed)',
      conditions: { declarantIds: [declarant.userId] },
    });

    // The declarant is the user who filed: a declaration of theirs matches, another trader's does not.
    const file = async (actor: typeof declarant) => {
      const draft = await createDeclarationDraft({ actor, input: aDraftInput({ postCode: post.code }), now: NOW });
      await submitDeclaration({ actor, declarationId: draft.id, now: NOW });
      const a = await db.riskAssessment.findFirstOrThrow({ where: { declarationId: draft.id } });
      return (a.reasons as Array<{ kind: string; profileId?: string; isShadow?: boolean }>).filter(
        (r) => r.kind === 'PROFILE' && r.profileId === id,
      );
    };
    expect(await file(declarant)).toEqual([expect.objectContaining({ profileId: id, isShadow: true })]);
    expect(await file(other)).toEqual([]);
  });

  it('backtests a profile over past declarations: channel mix and hit rate before and after', async () => {
    const supervisor = await aSupervisor();
    const result = await backtest({
      actor: supervisor,
      proposal: {
        ...form,
        hsPrefixes: '01,02,03,04,05,06,07,08,09,10,61,62,84,85,87',
        originCountries: '',
        forcedChannel: 'RED',
        weight: '0',
        isShadow: 'no',
      },
      from: '2025-11-28',
      to: '2026-11-28',
    });
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

  it('backtests thresholds: the channel mix and hit rate move as the thresholds say, and nothing is saved', async () => {
    const supervisor = await aSupervisor();
    // Declarations of the year whose regime uses the default thresholds (exports have their own).
    const usingDefault = await db.declaration.count({ where: { ...inYear, regime: { notIn: ['EK10', 'EK31'] } } });
    expect(usingDefault).toBeGreaterThan(100);
    const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

    const allRed = await backtest({
      actor: supervisor,
      thresholds: { regime: 'default', yellow: 0, red: 0 },
      ...YEAR,
      limit: 100_000,
    });
    expect(total(allRed.proposed)).toBe(allRed.declarations);
    expect(allRed.declarations).toBeGreaterThanOrEqual(usingDefault);
    // Every score is at least 0: each of those declarations goes red.
    expect(allRed.proposed.RED).toBeGreaterThanOrEqual(usingDefault);
    expect(allRed.proposed.GREEN + allRed.proposed.BLUE + allRed.proposed.YELLOW).toBeLessThanOrEqual(
      allRed.declarations - usingDefault,
    );
    expect(allRed.proposed.RED).toBeGreaterThan(allRed.current.RED);
    // Inspecting everything: every declaration with a known outcome counts, and so does every hit.
    expect(allRed.inspectedWithOutcome).toBeGreaterThan(allRed.currentInspectedWithOutcome);
    expect(allRed.hits).toBeGreaterThanOrEqual(allRed.currentHits);
    expect(allRed.hitRate).toBeCloseTo(allRed.hits / allRed.inspectedWithOutcome, 10);

    // Unreachable thresholds: only forced profiles and random picks still go yellow or red.
    const noneByScore = await backtest({
      actor: supervisor,
      thresholds: { regime: 'default', yellow: 101, red: 101 },
      randomSharePercent: 0,
      ...YEAR,
      limit: 100_000,
    });
    expect(noneByScore.proposed.GREEN).toBeGreaterThan(noneByScore.current.GREEN);
    expect(noneByScore.proposed.YELLOW + noneByScore.proposed.RED).toBeLessThan(
      noneByScore.current.YELLOW + noneByScore.current.RED,
    );
    expect(noneByScore.proposed.RED).toBeLessThanOrEqual(noneByScore.current.RED);
    expect(noneByScore.proposed.YELLOW).toBeLessThanOrEqual(noneByScore.current.YELLOW);
    expect(noneByScore.inspectedWithOutcome).toBeLessThanOrEqual(noneByScore.currentInspectedWithOutcome);

    // From the supervisor's form: shares → thresholds (as "Set shares" would derive them) → backtest; nothing written.
    const settingsBefore = await db.setting.findUnique({ where: { key: RISK_SETTINGS_KEY } });
    const shares = await backtestChannelShares({
      actor: supervisor,
      input: { regime: 'default', yellowPercent: '0', redPercent: '100', randomSharePercent: '0' },
      now: NOW,
      limit: 100_000,
    });
    expect(shares.sample).toBeGreaterThan(0);
    expect(shares.thresholds.red).toBeLessThanOrEqual(shares.currentThresholds.red);
    expect(shares.result.proposed.RED).toBeGreaterThan(shares.result.current.RED);
    expect(await db.setting.findUnique({ where: { key: RISK_SETTINGS_KEY } })).toEqual(settingsBefore);
    await failure(
      backtestChannelShares({
        actor: supervisor,
        input: { regime: 'default', yellowPercent: '80', redPercent: '30', randomSharePercent: '2' },
        now: NOW,
      }),
      'VALIDATION',
    );
    await failure(
      backtestChannelShares({
        actor: await aTrader(),
        input: { regime: 'default', yellowPercent: '10', redPercent: '5', randomSharePercent: '2' },
        now: NOW,
      }),
      'FORBIDDEN',
    );
  });

  it('reports hit rates per channel and per profile', async () => {
    const supervisor = await aSupervisor();
    const perf = await riskPerformance({ actor: supervisor, from: '2025-11-28', to: '2026-11-28' });
    const red = perf.byChannel.find((c) => c.channel === 'RED')!;
    expect(red.declarations).toBeGreaterThan(0);
    expect(red.hits).toBeLessThanOrEqual(red.inspected);
    const expectedRed = await db.declaration.count({
      where: {
        channel: 'RED',
        registeredAt: { gte: new Date('2025-11-27T19:00:00Z'), lt: new Date('2026-11-28T19:00:00Z') },
      },
    });
    expect(red.declarations).toBe(expectedRed);
  });

  it('derives thresholds from target shares, and activates a model version', async () => {
    const supervisor = await aSupervisor();
    const { thresholds, sample } = await setChannelShares({
      actor: supervisor,
      input: { regime: 'EK31', yellowPercent: '20', redPercent: '5', randomSharePercent: '2' },
      now: NOW,
    });
    expect(sample).toBeGreaterThanOrEqual(0);
    expect((await loadRiskSettings(db)).thresholds.EK31).toEqual(thresholds);
    await failure(
      setChannelShares({
        actor: supervisor,
        input: { regime: 'EK31', yellowPercent: '80', redPercent: '30', randomSharePercent: '2' },
        now: NOW,
      }),
      'VALIDATION',
    );

    const trained = await trainFromHistory(db, { now: NOW, label: 'admin-it' });
    const model = (await listModels({ actor: supervisor })).find((m) => m.version === trained.version)!;
    await withModelState(async () => {
      await activateModel({ actor: supervisor, modelId: model.id, now: NOW });
      expect((await db.riskModel.findMany({ where: { isActive: true } })).map((m) => m.version)).toEqual([
        trained.version,
      ]);
    });
    expect((await db.riskModel.findUniqueOrThrow({ where: { id: model.id } })).isActive).toBe(false);
  });

  it('refuses to start a second training run while one is running, and shows how the last run ended', async () => {
    const supervisor = await aSupervisor();
    const later = (ms: number) => new Date(NOW.getTime() + ms);
    try {
      expect(await trainingStatus({ actor: supervisor, now: NOW })).toBeNull();
      await claimTrainingRun(db, { runId: 'run-1', now: NOW, startedBy: 'test' });
      const starts = await db.auditEntry.count({ where: { action: 'risk.model.train.start' } });
      const e = await failure(startTraining({ actor: supervisor, now: later(60_000) }), 'CONFLICT');
      expect(e.message).toMatch(/already running/);
      expect(await db.auditEntry.count({ where: { action: 'risk.model.train.start' } })).toBe(starts);
      expect(await trainingStatus({ actor: supervisor, now: later(60_000) })).toMatchObject({
        runId: 'run-1',
        status: 'running',
        isRunning: true,
        startedBy: 'test',
      });
      await failure(trainingStatus({ actor: await aTrader(), now: NOW }), 'FORBIDDEN');

      // Only the run holding the claim ends it, once.
      expect(await finishTrainingRun(db, { runId: 'someone-else', now: later(1000), version: 'v-x' })).toBe(false);
      expect(await finishTrainingRun(db, { runId: 'run-1', now: later(2000), error: 'Only 3 inspected items' })).toBe(
        true,
      );
      expect(await finishTrainingRun(db, { runId: 'run-1', now: later(3000), version: 'v-late' })).toBe(false);
      expect(await trainingStatus({ actor: supervisor, now: later(4000) })).toMatchObject({
        status: 'failed',
        error: 'Only 3 inspected items',
        isRunning: false,
        finishedAt: later(2000).toISOString(),
      });

      // Two claims at once: exactly one wins.
      const claims = await Promise.allSettled([
        claimTrainingRun(db, { runId: 'run-2', now: NOW, startedBy: 'a' }),
        claimTrainingRun(db, { runId: 'run-3', now: NOW, startedBy: 'b' }),
      ]);
      expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
      expect(
        claims
          .filter((c) => c.status === 'rejected')
          .map((c) => ((c as PromiseRejectedResult).reason as AppError).code),
      ).toEqual(['CONFLICT']);

      // A run silent for longer than any training takes is taken as dead: a new one may start.
      const winner = (await trainingStatus({ actor: supervisor, now: NOW }))!.runId;
      const stale = later(TRAINING_STALE_AFTER_MS + 1);
      expect(await trainingStatus({ actor: supervisor, now: stale })).toMatchObject({
        runId: winner,
        isRunning: false,
      });
      await claimTrainingRun(db, { runId: 'run-4', now: stale, startedBy: 'test' });
      expect(await finishTrainingRun(db, { runId: 'run-4', now: stale, version: 'rg1-000000000004' })).toBe(true);
      expect(await trainingStatus({ actor: supervisor, now: stale })).toMatchObject({
        status: 'done',
        version: 'rg1-000000000004',
        isRunning: false,
      });
    } finally {
      await db.setting.deleteMany({ where: { key: TRAINING_STATUS_KEY } });
    }
  });
});
