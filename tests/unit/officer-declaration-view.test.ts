import { describe, expect, it } from 'vitest';
import {
  adjustmentBadge,
  adjustmentChange,
  availableDecisions,
  decidedAdjustments,
  inspectionKindKey,
  riskReasonLine,
  riskReasonsView,
  totalCustomsValue,
  transportCosts,
} from '@/lib/officer/declaration-view';
import { ZAmendmentRequest } from '@/lib/officer/decisions';
import type { RiskReason } from '@/lib/risk/engine';

const profile = (over: Partial<Extract<RiskReason, { kind: 'PROFILE' }>> = {}): RiskReason => ({
  kind: 'PROFILE',
  profileId: 'p1',
  name: 'Laptops from AE',
  weight: 30,
  forcedChannel: null,
  lines: [1, 3],
  instructions: null,
  isShadow: false,
  ...over,
});

describe('a risk reason as a line of the page', () => {
  it.each<[string, RiskReason, ReturnType<typeof riskReasonLine>]>([
    [
      'profile',
      profile({ forcedChannel: 'RED' }),
      { key: 'reasonProfile', values: { name: 'Laptops from AE', weight: 30, forcedChannel: 'RED', lines: '1, 3' } },
    ],
    [
      'model, features as percentages',
      {
        kind: 'MODEL',
        probability: 0.4567,
        points: 12,
        lineNo: 2,
        topFeatures: [
          { feature: 'hs', value: 0.5 },
          { feature: 'origin', value: 0.126 },
        ],
      },
      { key: 'reasonModel', values: { probability: '45.7', line: 2, features: 'hs 50%; origin 13%' } },
    ],
    [
      'model without features',
      { kind: 'MODEL', probability: 0.1, points: 1, lineNo: 1, topFeatures: [] },
      { key: 'reasonModel', values: { probability: '10.0', line: 1, features: '—' } },
    ],
    [
      'value control',
      {
        kind: 'VALUE_CONTROL',
        lineNo: 4,
        hsCode: '8471300000',
        originCountry: 'CN',
        unitPriceUsd: 12.345,
        quantile: 'q10',
        threshold: 50,
        median: 81.5,
      },
      { key: 'reasonValue', values: { line: 4, price: '12.35', threshold: '50.00', quantile: 'q10', median: '81.50' } },
    ],
    ['random', { kind: 'RANDOM', sharePercent: 2 }, { key: 'reasonRandom', values: { share: 2 } }],
    ['AEO', { kind: 'AEO', reduction: 15 }, { key: 'reasonAeo', values: { reduction: 15 } }],
    [
      'fallback: its own words',
      { kind: 'FALLBACK', message: 'No model is active' },
      { key: null, text: 'No model is active' },
    ],
  ])('%s', (_name, reason, expected) => {
    expect(riskReasonLine(reason)).toEqual(expected);
  });
});

describe('the reasons the officer reads', () => {
  it('lists the counted reasons and older messages, counts shadow profiles, and shows the instructions of counted profiles only', () => {
    const view = riskReasonsView({
      reasons: [
        profile({ instructions: 'Weigh the pallets' }),
        profile({ profileId: 'p2', name: 'Trial', isShadow: true, instructions: 'Not shown' }),
        { kind: 'RANDOM', sharePercent: 1 },
        profile({ profileId: 'p3', instructions: null }),
      ],
      others: ['An older reason'],
    });
    expect(view.lines.map((l) => (l.key === null ? l.text : l.key))).toEqual([
      'reasonProfile',
      'reasonRandom',
      'reasonProfile',
      'An older reason',
    ]);
    expect(view.instructions).toEqual([{ profileId: 'p1', text: 'Weigh the pallets' }]);
    expect(view.shadowCount).toBe(1);
  });

  it('is empty for an assessment without reasons', () => {
    expect(riskReasonsView({ reasons: [], others: [] })).toEqual({ lines: [], instructions: [], shadowCount: 0 });
  });
});

describe('the customs value total', () => {
  it.each([
    ['every item assessed', [{ customsValue: '100.10' }, { customsValue: '0.905' }], '101.01'],
    ['one item not assessed yet', [{ customsValue: '100.00' }, { customsValue: null }], null],
    ['no items', [], null],
  ] as const)('%s', (_name, items, expected) => {
    expect(totalCustomsValue(items)).toBe(expected);
  });
});

describe('freight and insurance against the Incoterm', () => {
  it.each([
    ['EXW adds both', 'EXW', { freight: true, insurance: true }],
    ['CFR adds the insurance only', 'CFR', { freight: false, insurance: true }],
    ['CIF adds neither', 'CIF', { freight: false, insurance: false }],
    ['no Incoterm: nothing to say', null, { freight: undefined, insurance: undefined }],
  ] as const)('%s', (_name, incoterm, added) => {
    const costs = transportCosts({ incoterm, freight: '1200.00', insurance: null });
    expect(costs).toEqual({
      freight: { amount: '1200.00', isAdded: added.freight },
      insurance: { amount: null, isAdded: added.insurance },
    });
  });
});

describe('an adjustment badge', () => {
  it.each([
    ['APPLIED', null, 'APPLIED', 'success'],
    ['APPROVED', 'sup', 'APPROVED', 'info'],
    ['REJECTED', 'sup', 'REJECTED', 'danger'],
    // Cancelled by an amendment, a refusal or a withdrawal: rejected with nobody deciding.
    ['REJECTED', null, 'CANCELLED', 'neutral'],
    ['PENDING', null, 'PENDING', 'warning'],
  ] as const)('%s decided by %s is %s', (status, decidedById, state, tone) => {
    expect(adjustmentBadge({ status, decidedById })).toMatchObject({ state, tone });
  });

  it('leaves a pending adjustment out of the decided ones, keeping the order', () => {
    const list = [
      { id: 'a', status: 'APPLIED' },
      { id: 'b', status: 'PENDING' },
      { id: 'c', status: 'REJECTED' },
    ];
    expect(decidedAdjustments(list).map((a) => a.id)).toEqual(['a', 'c']);
  });
});

describe('what an adjustment changed', () => {
  const base = { lineNo: 2, from: { invoiceValue: '5000.00', hsCode: '2203000100' } };
  it.each([
    ['the value', { invoiceValue: '6100.00', hsCode: '2203000100' }, { from: '5000.00', to: '6100.00' }, null],
    ['the code', { invoiceValue: '5000.00', hsCode: '2203000900' }, null, { from: '2203000100', to: '2203000900' }],
    [
      'both',
      { invoiceValue: '7000.00', hsCode: '2203000900' },
      { from: '5000.00', to: '7000.00' },
      { from: '2203000100', to: '2203000900' },
    ],
  ] as const)('%s', (_name, to, value, hsCode) => {
    expect(adjustmentChange({ ...base, to })).toEqual({ lineNo: 2, value, hsCode });
  });
});

describe("an inspection's kind", () => {
  it.each([
    ['DOCUMENT_CHECK', 'kindDocumentCheck'],
    ['PHYSICAL_EXAMINATION', 'kindExamination'],
    ['POST_CLEARANCE_AUDIT', 'kindAudit'],
  ] as const)('%s', (kind, key) => {
    expect(inspectionKindKey(kind)).toBe(key);
  });
});

describe('the decisions the page offers', () => {
  const base = {
    role: 'INSPECTOR',
    userId: 'me',
    status: 'ASSIGNED',
    channel: 'YELLOW',
    canDecide: true,
    hasAssignment: true,
    pendingAdjustment: null,
  } as const;

  it('offers the assigned inspector the work on an open declaration, the examination only in the red channel', () => {
    expect(availableDecisions(base)).toEqual({
      canAct: true,
      canExamine: false,
      canRefuse: true,
      canResume: false,
      canReassign: false,
      canDecideAdjustment: false,
    });
    expect(availableDecisions({ ...base, channel: 'RED' }).canExamine).toBe(true);
  });

  it('offers nothing to decide to an officer who may not decide', () => {
    expect(availableDecisions({ ...base, canDecide: false })).toMatchObject({
      canAct: false,
      canExamine: false,
      canRefuse: false,
      canResume: false,
    });
  });

  it('offers resumption, not the work, on hold', () => {
    expect(availableDecisions({ ...base, status: 'ON_HOLD' })).toMatchObject({ canAct: false, canResume: true });
  });

  it('offers no refusal once released', () => {
    expect(availableDecisions({ ...base, status: 'RELEASED' })).toMatchObject({
      canAct: false,
      canRefuse: false,
      canResume: false,
    });
  });

  it('lets a supervisor reassign an assigned declaration', () => {
    expect(availableDecisions({ ...base, role: 'SUPERVISOR' }).canReassign).toBe(true);
    expect(availableDecisions({ ...base, role: 'SUPERVISOR', hasAssignment: false }).canReassign).toBe(false);
  });

  it('lets a supervisor decide a pending adjustment, never their own, and never an inspector', () => {
    expect(
      availableDecisions({ ...base, role: 'SUPERVISOR', pendingAdjustment: { requestedById: 'other' } })
        .canDecideAdjustment,
    ).toBe(true);
    expect(
      availableDecisions({ ...base, role: 'SUPERVISOR', pendingAdjustment: { requestedById: 'me' } })
        .canDecideAdjustment,
    ).toBe(false);
    expect(availableDecisions({ ...base, pendingAdjustment: { requestedById: 'other' } }).canDecideAdjustment).toBe(
      false,
    );
  });
});

describe("the officer's amendment request", () => {
  it.each([
    ['a message', 'Declare the brand of the beer', null],
    ['blank', '   ', 'Tell the trader what to amend'],
    ['too long', 'x'.repeat(1001), 'The message must be 1000 characters or fewer'],
  ] as const)('%s', (_name, message, error) => {
    const parsed = ZAmendmentRequest.safeParse({ expectedVersion: 3, message });
    expect(parsed.success ? null : parsed.error.issues[0].message).toBe(error);
  });
});
