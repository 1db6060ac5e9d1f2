import { describe, expect, it } from 'vitest';
import { ZStepAutosave, partitionStepFields } from '@/lib/declaration/autosave';
import {
  ZDocumentRequest,
  canRequestDocuments,
  documentRequestState,
  dueDateProblem,
  missingDocumentTypes,
  waitedSeconds,
} from '@/lib/declaration/document-requests';
import { ZDraftDeletedNotice, goodsSummary } from '@/lib/declaration/drafts';
import { slaState } from '@/lib/officer/decisions';
import { DECLARATION_STATUSES } from '@/lib/declaration/lifecycle';

describe('autosave keeps valid fields, clears blank ones and refuses the rest one by one', () => {
  it('saves what passes its field, names what does not, and never returns a refused value', () => {
    const out = partitionStepFields('parties', {
      consignorName: '  Shenzhen Tech Ltd ',
      consignorCountry: 'XX',
      consignorAddress: '',
      consigneeCountry: 'uz',
      regime: '',
      postCode: '26001',
      unrelated: 'ignored',
    });
    expect(out.values).toEqual({ consignorName: 'Shenzhen Tech Ltd', consigneeCountry: 'UZ', postCode: '26001' });
    expect(out.cleared).toEqual(['consignorAddress']);
    expect(out.notSaved).toEqual([
      {
        path: 'consignorCountry',
        message: 'Choose the consignor country from the list, or enter its two-letter ISO 3166 code, like DE',
      },
    ]);
    // A blank regime (its column cannot be empty) is left as stored: neither cleared nor refused.
    expect(out.cleared).not.toContain('regime');
  });

  it('applies the transport step’s decimal rules and clears an optional amount left blank', () => {
    const out = partitionStepFields('transport', { invoiceTotal: '1 250,5', freight: '', insurance: '-3' });
    expect(out.values).toEqual({ invoiceTotal: '1250.5' });
    expect(out.cleared).toEqual(['freight']);
    expect(out.notSaved.map((e) => e.path)).toEqual(['insurance']);
  });

  it('refuses invisible characters rather than saving them', () => {
    const out = partitionStepFields('parties', { consignorName: 'Shen\u200bzhen' });
    expect(out.values).toEqual({});
    expect(out.notSaved[0].path).toBe('consignorName');
  });

  it('the request names an unknown step or declaration, a 4xx before any use case', () => {
    expect(ZStepAutosave.safeParse({ declarationId: 'x', step: 'items', fields: {} }).success).toBe(false);
    const ok = ZStepAutosave.parse({
      declarationId: '00000000-0000-4000-8000-000000000001',
      step: 'transport',
      fields: { incoterm: 'fob' },
    });
    expect(ok).toMatchObject({ step: 'transport', values: { incoterm: 'FOB' }, cleared: [], notSaved: [] });
  });
});

describe('requests for documents', () => {
  it.each([
    ['2026-11-28', null],
    ['2026-12-28', null],
    ['2026-12-29', 'The due date can be at most 30 days ahead (2026-12-28 at the latest)'],
    ['2026-11-27', 'The due date cannot be in the past'],
  ])('due %s when today is 2026-11-28: %s', (due, problem) => {
    expect(dueDateProblem(due, '2026-11-28')).toBe(problem);
  });

  it('the form names every missing field, and takes one checkbox or several', () => {
    const bad = ZDocumentRequest.safeParse({
      expectedVersion: '1',
      documentTypes: '',
      reason: ' ',
      dueDate: '2026-02-30',
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['documentTypes', 'Choose at least one document'],
      ['reason', 'Say why the documents are needed'],
      ['dueDate', 'The due date must be a real date, like 2026-12-05'],
    ]);
    expect(
      ZDocumentRequest.parse({ expectedVersion: 2, documentTypes: 'INVOICE', reason: 'x', dueDate: '2026-12-01' })
        .documentTypes,
    ).toEqual(['INVOICE']);
    expect(
      ZDocumentRequest.parse({
        expectedVersion: 2,
        documentTypes: ['INVOICE', 'CONTRACT', 'INVOICE'],
        reason: 'x',
        dueDate: '2026-12-01',
      }).documentTypes,
    ).toEqual(['INVOICE', 'CONTRACT']);
    expect(
      ZDocumentRequest.safeParse({ expectedVersion: 2, documentTypes: ['BRIBE'], reason: 'x', dueDate: '2026-12-01' })
        .success,
    ).toBe(false);
  });

  it('only a registered declaration in the officers’ work can be asked for documents', () => {
    expect(DECLARATION_STATUSES.filter(canRequestDocuments)).toEqual(['ASSIGNED', 'AMENDMENT_REQUESTED', 'ON_HOLD']);
  });

  it('an open request past its due date reads as overdue; a closed one keeps its state', () => {
    expect(documentRequestState({ status: 'OPEN', dueDate: '2026-11-28' }, '2026-11-28')).toBe('OPEN');
    expect(documentRequestState({ status: 'OPEN', dueDate: '2026-11-28' }, '2026-11-29')).toBe('OVERDUE');
    expect(documentRequestState({ status: 'FULFILLED', dueDate: '2026-11-28' }, '2026-12-29')).toBe('FULFILLED');
    expect(documentRequestState({ status: 'CANCELLED', dueDate: '2026-11-28' }, '2026-12-29')).toBe('CANCELLED');
  });

  it('is fulfilled when a document of every requested type is uploaded', () => {
    expect(missingDocumentTypes(['INVOICE', 'CONTRACT'], ['INVOICE'])).toEqual(['CONTRACT']);
    expect(missingDocumentTypes(['INVOICE', 'CONTRACT'], ['CONTRACT', 'INVOICE', 'OTHER'])).toEqual([]);
  });

  it('counts the waited time in whole seconds, never negative', () => {
    expect(waitedSeconds(new Date('2026-11-28T09:00:00Z'), new Date('2026-11-28T10:30:00.900Z'))).toBe(5400);
    expect(waitedSeconds(new Date('2026-11-28T10:00:00Z'), new Date('2026-11-28T09:00:00Z'))).toBe(0);
  });
});

describe('the SLA clock leaves out the time waited for documents', () => {
  const registeredAt = new Date('2026-11-28T06:00:00Z');
  const now = new Date('2026-11-28T12:00:00Z'); // 360 minutes later

  it('runs from registration when nothing was requested', () => {
    expect(slaState(registeredAt, now, 240)).toEqual({
      elapsedMinutes: 360,
      targetMinutes: 240,
      isOverdue: true,
      isPaused: false,
    });
  });

  it('subtracts the waits already over', () => {
    expect(slaState(registeredAt, now, 240, { pausedSeconds: 150 * 60, pausedSince: null })).toEqual({
      elapsedMinutes: 210,
      targetMinutes: 240,
      isOverdue: false,
      isPaused: false,
    });
  });

  it('stands still during a wait going on now', () => {
    const pausedSince = new Date('2026-11-28T09:00:00Z'); // 180 minutes after registration
    const later = new Date('2026-11-30T12:00:00Z');
    expect(slaState(registeredAt, later, 240, { pausedSeconds: 600, pausedSince })).toEqual({
      elapsedMinutes: 170,
      targetMinutes: 240,
      isOverdue: false,
      isPaused: true,
    });
  });
});

describe('what tells drafts apart', () => {
  it('the first item and how many follow', () => {
    expect(goodsSummary([{ hsCode: '8471300000', description: 'Laptops' }], 3)).toEqual({
      first: { hsCode: '8471300000', description: 'Laptops' },
      more: 2,
    });
    expect(goodsSummary([], 0)).toEqual({ first: null, more: 0 });
  });

  it('the deleted notice shows only for deleted=1', () => {
    expect(ZDraftDeletedNotice.parse({ deleted: '1' }).deleted).toBe('1');
    expect(ZDraftDeletedNotice.parse({ deleted: 'yes' }).deleted).toBeUndefined();
    expect(ZDraftDeletedNotice.parse({}).deleted).toBeUndefined();
  });
});
