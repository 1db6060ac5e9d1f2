import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { trainFromHistory } from '@/src/server/risk/training';
import { aPost, aTrader, anInspector, aDraftInput, aForcedChannel } from '../support/factories';
import { NOW } from '../support/clock';

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
    const apples = { hsCode: '0808108000', description: 'Apples', originCountry: 'CN', grossMass: '1100', netMass: '1000', quantity: '1000', supplementaryUnit: 'KG', invoiceValue: '10000.00' };
    const { id } = await createDeclarationDraft({ actor: trader, input: { ...aDraftInput({ postCode: post.code }), items: [apples] }, now: NOW });
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const d = await db.declaration.findUniqueOrThrow({ where: { id }, include: { riskAssessments: true, assignments: true } });
    const a = d.riskAssessments[0];
    // No model, no matching profile but "first shipment" (+20), apples at a normal price: green.
    expect(a.score).toBeLessThan(45);
    if (a.isRandomPick) {
      expect(d.channel).toBe('YELLOW');
      expect(d.assignments).toHaveLength(1);
    } else {
      expect(d).toMatchObject({ channel: 'GREEN', status: 'ASSESSED' });
      expect(d.assignments).toHaveLength(0);
      expect((a.reasons as Array<{ kind: string; name?: string }>).map((r) => r.name ?? r.kind)).toContain('First shipment of a trader');
    }
  });

  it('falls back without a model, records why, and never blocks registration; a corrupt active model is the same', async () => {
    const post = await aPost();
    await anInspector(post.id);
    const none = await registered(post.code);
    expect(none.registrationNumber).not.toBeNull();
    expect(none.riskAssessments[0].modelVersion).toBeNull();
    expect(none.riskAssessments[0].fallbackReason).toMatch(/No risk model is active/);

    await db.$transaction(async (tx) => {
      await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
      await tx.riskModel.create({ data: { version: `corrupt-${Date.now()}`, kind: 'customs-risk-gbdt/1', params: { format: 'customs-risk-gbdt/1', forest: 'garbage' }, trainedAt: NOW, isActive: true } });
    });
    try {
      const corrupt = await registered(post.code);
      expect(corrupt.registrationNumber).not.toBeNull();
      expect(corrupt.riskAssessments[0].modelVersion).toBeNull();
      expect(corrupt.riskAssessments[0].fallbackReason).toMatch(/unusable/);
    } finally {
      await db.riskModel.updateMany({ where: { version: { startsWith: 'corrupt-' } }, data: { isActive: false } });
    }
  });

  it('trains a new version from the inspected history, which can be activated and then scores registrations', async () => {
    const outcome = await trainFromHistory(db, { now: NOW, label: 'it', activate: false });
    expect(outcome.rows).toBeGreaterThan(100);
    expect(outcome.hits).toBeGreaterThan(0);
    const stored = await db.riskModel.findUniqueOrThrow({ where: { version: outcome.version } });
    expect(stored.isActive).toBe(false);
    await db.$transaction(async (tx) => {
      await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
      await tx.riskModel.update({ where: { version: outcome.version }, data: { isActive: true } });
    });
    try {
      const post = await aPost();
      await anInspector(post.id);
      const d = await registered(post.code);
      expect(d.riskAssessments[0].modelVersion).toBe(outcome.version);
      expect(d.riskAssessments[0].fallbackReason).toBeNull();
      expect((d.riskAssessments[0].reasons as Array<{ kind: string }>).some((r) => r.kind === 'MODEL')).toBe(true);
    } finally {
      await db.riskModel.update({ where: { version: outcome.version }, data: { isActive: false } });
    }
  });
});
