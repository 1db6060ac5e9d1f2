import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { trainFromHistory } from '@/src/server/risk/training';
import { loadRiskSettings } from '@/src/server/risk/settings';
import {
  riskSelectionKey,
  isRandomlySelected,
  RISK_SELECTION_SECRET_ENV,
  RISK_SELECTION_SECRET_KEY,
} from '@/src/server/risk/selection-key';
import { aPost, aTrader, anInspector, aDraftInput, aForcedChannel } from '../support/factories';
import { NOW } from '../support/clock';
import { withModelState } from '../support/model-state';

const withActiveModel = <T>(version: string | null, work: () => Promise<T>) =>
  withModelState(work, { activate: version });

async function registered(postCode: string) {
  const trader = await aTrader();
  const { id } = await createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode }), now: NOW });
  await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
  return db.declaration.findUniqueOrThrow({ where: { id }, include: { riskAssessments: true, assignments: true } });
}

describe('the risk engine at registration', () => {
  it('stores the score, channel, reasons and model version with the declaration, in the registering transaction', async () => {
    const post = await aPost();
    await anInspector(post.id);
    await aForcedChannel(post.code, 'RED');
    const d = await registered(post.code);
    expect(d.riskAssessments).toHaveLength(1);
    const a = d.riskAssessments[0];
    expect(a.channel).toBe('RED');
    expect(d.channel).toBe('RED');
    expect(d.status).toBe('ASSIGNED');
    expect(d.assignments).toHaveLength(1);
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(100);
    const reasons = a.reasons as Array<{ kind: string; forcedChannel?: string }>;
    expect(reasons).toContainEqual(expect.objectContaining({ kind: 'PROFILE', forcedChannel: 'RED' }));
  });

  it('sends a green declaration to payment, not to an officer (unless the random share picks it)', async () => {
    const post = await aPost();
    await anInspector(post.id);
    const trader = await aTrader();
    const apples = {
      hsCode: '0808108000',
      description: 'Apples',
      originCountry: 'CN',
      grossMass: '1100',
      netMass: '1000',
      quantity: '1000',
      supplementaryUnit: 'KG',
      invoiceValue: '10000.00',
    };
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: { ...aDraftInput({ postCode: post.code }), items: [apples] },
      now: NOW,
    });
    const d = await withActiveModel(null, async () => {
      await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
      return db.declaration.findUniqueOrThrow({ where: { id }, include: { riskAssessments: true, assignments: true } });
    });
    const a = d.riskAssessments[0];
    // No model, no matching profile but "first shipment" (+20), apples at a normal price: green.
    expect(a.score).toBeLessThan(45);
    // The random pick is the keyed draw from the declaration id under the server's secret.
    expect(a.isRandomPick).toBe(
      isRandomlySelected(await riskSelectionKey(db), id, (await loadRiskSettings(db)).randomSharePercent),
    );
    if (a.isRandomPick) {
      expect(d.channel).toBe('YELLOW');
      expect(d.assignments).toHaveLength(1);
    } else {
      expect(d).toMatchObject({ channel: 'GREEN', status: 'ASSESSED' });
      expect(d.assignments).toHaveLength(0);
      expect((a.reasons as Array<{ kind: string; name?: string }>).map((r) => r.name ?? r.kind)).toContain(
        'First shipment of a trader',
      );
    }
  });

  it('keys the random selection with a per-database secret made on first use, unless RISK_SELECTION_SECRET is set', async () => {
    const key = await riskSelectionKey(db);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(await riskSelectionKey(db)).toBe(key);
    const row = await db.setting.findUniqueOrThrow({ where: { key: RISK_SELECTION_SECRET_KEY } });
    expect(row.value).toEqual({ secret: key });
    const saved = process.env[RISK_SELECTION_SECRET_ENV];
    process.env[RISK_SELECTION_SECRET_ENV] = 'from-the-environment';
    try {
      expect(await riskSelectionKey(db)).toBe('from-the-environment');
    } finally {
      if (saved === undefined) delete process.env[RISK_SELECTION_SECRET_ENV];
      else process.env[RISK_SELECTION_SECRET_ENV] = saved;
    }
  });

  it('falls back without a model, records why, and never blocks registration; a corrupt active model is the same', async () => {
    const post = await aPost();
    await anInspector(post.id);
    const none = await withActiveModel(null, () => registered(post.code));
    expect(none.registrationNumber).not.toBeNull();
    expect(none.riskAssessments[0].modelVersion).toBeNull();
    expect(none.riskAssessments[0].fallbackReason).toMatch(/No risk model is active/);

    const version = `corrupt-${process.pid}-${Date.now()}`;
    await db.riskModel.create({
      data: {
        version,
        kind: 'customs-risk-gbdt/1',
        params: { format: 'customs-risk-gbdt/1', forest: 'garbage' },
        trainedAt: NOW,
        isActive: false,
      },
    });
    const corrupt = await withActiveModel(version, () => registered(post.code));
    expect(corrupt.registrationNumber).not.toBeNull();
    expect(corrupt.riskAssessments[0].modelVersion).toBeNull();
    expect(corrupt.riskAssessments[0].fallbackReason).toMatch(/unusable/);
    expect(await db.riskModel.count({ where: { version, isActive: true } })).toBe(0);
  });

  it('trains a new version from the inspected history, which can be activated and then scores registrations', async () => {
    const outcome = await trainFromHistory(db, { now: NOW, label: 'it', activate: false });
    expect(outcome.rows).toBeGreaterThan(100);
    expect(outcome.hits).toBeGreaterThan(0);
    const stored = await db.riskModel.findUniqueOrThrow({ where: { version: outcome.version } });
    expect(stored.isActive).toBe(false);
    const post = await aPost();
    await anInspector(post.id);
    const d = await withActiveModel(outcome.version, () => registered(post.code));
    expect(d.riskAssessments[0].modelVersion).toBe(outcome.version);
    expect(d.riskAssessments[0].fallbackReason).toBeNull();
    expect((d.riskAssessments[0].reasons as Array<{ kind: string }>).some((r) => r.kind === 'MODEL')).toBe(true);
    expect((await db.riskModel.findUniqueOrThrow({ where: { version: outcome.version } })).isActive).toBe(false);
  });
});
