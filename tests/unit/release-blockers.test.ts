import { describe, expect, it } from 'vitest';
import { automaticReleaseReason, permitBlockers, releaseBlockers } from '@/lib/declaration/release-blockers';
import { releaseWaits } from '@/lib/officer/declaration-view';
import type { ItemFormalities, RequirementStatus } from '@/lib/permits';

const food = { authorityCode: 'SES', alternatives: ['SES-FOOD'] };
const coc = { authorityCode: 'STD', alternatives: ['STD-COC'] };
const cites = { authorityCode: 'ECO', alternatives: ['ECO-CITES', 'ECO-WILD'] };

const satisfiedBy = (requirement: RequirementStatus['requirement']): RequirementStatus => ({
  requirement,
  status: 'SATISFIED',
  permit: { id: 'p', number: 'P-1', typeCode: requirement.alternatives[0] },
  writeOff: '1',
});
const missingFor = (requirement: RequirementStatus['requirement'], over: Partial<RequirementStatus> = {}) =>
  ({
    requirement,
    status: 'MISSING',
    reasonCode: 'NOT_LINKED',
    reason: `no ${requirement.alternatives.join(' or ')} permit is linked to this item`,
    ...over,
  }) satisfies RequirementStatus;
const item = (lineNo: number, requirements: RequirementStatus[]): ItemFormalities => ({
  lineNo,
  requirements,
  isSatisfied: requirements.every((r) => r.status === 'SATISFIED'),
});

// Beer (line 1) lacks its SES-FOOD permit (a held one counts kilograms), laptops (line 2) are covered,
// a live animal (line 3) lacks ECO-CITES or ECO-WILD but the company holds one that fits.
const formalities = [
  item(1, [
    missingFor(food, {
      reasonCode: 'UNIT_MISMATCH',
      reason: 'permit SES-FOOD/2026/000002 counts KG, but the item is declared in L',
    }),
  ]),
  item(2, [satisfiedBy(coc)]),
  item(3, [missingFor(cites, { linkable: { id: 'p-w', number: 'ECO-WILD/2026/000001', typeCode: 'ECO-WILD' } })]),
  item(4, []),
];

describe('the permits release waits for', () => {
  it('lists every requirement not satisfied, with its reason and a permit to link when one fits', () => {
    expect(permitBlockers(formalities)).toEqual([
      {
        lineNo: 1,
        alternatives: ['SES-FOOD'],
        reasonCode: 'UNIT_MISMATCH',
        reason: 'permit SES-FOOD/2026/000002 counts KG, but the item is declared in L',
        linkable: null,
      },
      {
        lineNo: 3,
        alternatives: ['ECO-CITES', 'ECO-WILD'],
        reasonCode: 'NOT_LINKED',
        reason: 'no ECO-CITES or ECO-WILD permit is linked to this item',
        linkable: { id: 'p-w', number: 'ECO-WILD/2026/000001', typeCode: 'ECO-WILD' },
      },
    ]);
    expect(permitBlockers([item(1, [satisfiedBy(food)]), item(2, [])])).toEqual([]);
  });
});

describe('what blocks release (the list release refuses on)', () => {
  const base = {
    status: 'PAID' as const,
    channel: 'GREEN' as const,
    inspections: [],
    amountDue: '0.00',
    formalities: [item(1, [satisfiedBy(food)])],
    by: 'SYSTEM' as const,
  };

  it('nothing: a paid green declaration whose permits are linked', () => {
    expect(releaseBlockers(base)).toEqual([]);
  });

  it('a paid green declaration waiting for permits: each missing permit, named by item', () => {
    expect(releaseBlockers({ ...base, formalities }).map((b) => [b.code, b.message])).toEqual([
      ['PERMIT_MISSING', 'Item 1: SES-FOOD — permit SES-FOOD/2026/000002 counts KG, but the item is declared in L.'],
      ['PERMIT_MISSING', 'Item 3: ECO-CITES or ECO-WILD — no ECO-CITES or ECO-WILD permit is linked to this item.'],
    ]);
  });

  it('status, control, payments and permits, in that order', () => {
    expect(
      releaseBlockers({
        ...base,
        status: 'ON_HOLD',
        channel: 'RED',
        inspections: ['DOCUMENT_CHECK'],
        amountDue: '1234.50',
        formalities,
        by: 'OFFICER',
      }).map((b) => b.code),
    ).toEqual(['STATUS', 'CONTROL_MISSING', 'PAYMENT_DUE', 'PERMIT_MISSING', 'PERMIT_MISSING']);
  });

  it('payments due are said with the amount; a yellow document check is enough control', () => {
    const blockers = releaseBlockers({
      ...base,
      status: 'ASSIGNED',
      channel: 'YELLOW',
      inspections: ['DOCUMENT_CHECK'],
      amountDue: '1234.50',
      by: 'OFFICER',
    });
    expect(blockers).toEqual([
      { code: 'PAYMENT_DUE', amount: '1234.50', message: 'Payments of 1 234.50 UZS are outstanding.' },
    ]);
  });
});

describe('what the timeline records when a green or blue declaration is assessed', () => {
  const payment = { code: 'PAYMENT_DUE' as const, amount: '100.00', message: '' };
  const permits = releaseBlockers({
    status: 'ASSESSED',
    channel: 'GREEN',
    inspections: [],
    amountDue: '0',
    formalities,
    by: 'SYSTEM',
  });

  it.each([
    ['GREEN', [payment], 'Green channel: released automatically once the payments are settled'],
    [
      'GREEN',
      [payment, ...permits],
      'Green channel: released automatically once the payments are settled and the missing permits are linked (item 1: SES-FOOD; item 3: ECO-CITES or ECO-WILD)',
    ],
    [
      'GREEN',
      permits,
      'Green channel: released automatically once the missing permits are linked (item 1: SES-FOOD; item 3: ECO-CITES or ECO-WILD)',
    ],
    ['GREEN', [], 'Green channel: released automatically, without an officer'],
    ['BLUE', [payment], 'Blue channel: released automatically once the payments are settled, audited later'],
    ['BLUE', [], 'Blue channel: released automatically, without an officer, audited later'],
  ] as const)('%s, %j', (channel, blockers, reason) => {
    expect(automaticReleaseReason(channel, blockers)).toBe(reason);
  });

  it('never promises release on payment alone while a permit is missing', () => {
    const reason = automaticReleaseReason('GREEN', [payment, ...permits]);
    expect(reason).not.toMatch(/as soon as the payments are settled/);
    expect(reason).toContain('item 1: SES-FOOD');
  });
});

describe("the officer's view of what release waits for", () => {
  it('a paid green declaration waiting for permits: released by the system, each permit named', () => {
    expect(releaseWaits({ status: 'PAID', channel: 'GREEN', inspections: [], amountDue: '0.00', formalities })).toEqual(
      {
        isAutomatic: true,
        lines: [
          {
            key: 'releaseWaitsPermit',
            values: {
              line: 1,
              types: 'SES-FOOD',
              reason: 'permit SES-FOOD/2026/000002 counts KG, but the item is declared in L',
            },
          },
          {
            key: 'releaseWaitsPermit',
            values: { line: 3, types: 'ECO-CITES or ECO-WILD', reason: expect.stringContaining('no ECO-CITES') },
          },
        ],
      },
    );
  });

  it('an inspector’s red declaration: the examination, the payments, by key', () => {
    expect(
      releaseWaits({
        status: 'ASSIGNED',
        channel: 'RED',
        inspections: [],
        amountDue: '100000',
        formalities: [item(1, [])],
      }),
    ).toEqual({
      isAutomatic: false,
      lines: [{ key: 'releaseWaitsExamination' }, { key: 'releaseWaitsPayment', values: { amount: '100 000.00' } }],
    });
    expect(
      releaseWaits({ status: 'ON_HOLD', channel: 'YELLOW', inspections: [], amountDue: '0', formalities: [] })?.lines,
    ).toEqual([{ key: 'releaseWaitsStatus', status: 'ON_HOLD' }, { key: 'releaseWaitsDocumentCheck' }]);
  });

  it('nothing waits: an empty list; once final: nothing to say', () => {
    expect(
      releaseWaits({
        status: 'ASSIGNED',
        channel: 'YELLOW',
        inspections: ['DOCUMENT_CHECK'],
        amountDue: '0.00',
        formalities: [],
      }),
    ).toEqual({ isAutomatic: false, lines: [] });
    for (const status of ['RELEASED', 'REFUSED', 'WITHDRAWN'] as const)
      expect(releaseWaits({ status, channel: 'GREEN', inspections: [], amountDue: '0', formalities })).toBeNull();
  });
});
