// Documents on request: an officer asks for documents on a registered declaration without sending
// it back for amendment (which documents, why, by when); the trader uploads them from the
// declaration page. The rules here are pure: the request's schema, the due date against today, the
// request's state, when it is fulfilled, and the waiting time the SLA clock leaves out.
import { z } from 'zod';
import { DOCUMENT_TYPES, type DocumentType } from '../reference/customs';
import { text } from '../text';
import { isCalendarDate } from '../time';
import type { DeclarationStatus } from './lifecycle';
import { ZDocumentReference } from './schema';

/** The longest a due date may lie ahead: a request is a short question, not an open-ended hold. */
export const MAX_DUE_DAYS = 30;

/** A checkbox group arrives as one value or a list; nothing chosen is an empty list. */
const documentTypes = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(DOCUMENT_TYPES, { error: 'Choose the documents from the list' }), {
      error: 'Choose at least one document',
    })
    .min(1, { error: 'Choose at least one document' })
    .max(DOCUMENT_TYPES.length, { error: 'Choose each document once' })
    .transform((types) => [...new Set(types)]),
);

/** The officer's request form. The due date's range depends on today: see `dueDateProblem`. */
export const ZDocumentRequest = z.object({
  expectedVersion: z.coerce.number({ error: 'Reload the page and try again' }).int().min(0),
  documentTypes,
  reason: text({ error: 'Say why the documents are needed', isMultiline: true })
    .min(1, { error: 'Say why the documents are needed' })
    .max(1000, { error: 'The reason must be 1000 characters or fewer' }),
  dueDate: z
    .string({ error: 'Enter the due date' })
    .trim()
    .refine((v) => v.length > 0, { error: 'Enter the due date' })
    .refine((v) => v.length === 0 || isCalendarDate(v), { error: 'The due date must be a real date, like 2026-12-05' }),
});
export type DocumentRequestInput = z.output<typeof ZDocumentRequest>;

/** The date `days` after a calendar date, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Why a due date cannot be used today (the service's calendar date), or null. Today itself is allowed. */
export function dueDateProblem(dueDate: string, today: string): string | null {
  if (dueDate < today) return 'The due date cannot be in the past';
  const latest = addDays(today, MAX_DUE_DAYS);
  if (dueDate > latest) return `The due date can be at most ${MAX_DUE_DAYS} days ahead (${latest} at the latest)`;
  return null;
}

/**
 * Documents may be requested while the declaration is registered and in an officer's work: not a
 * draft, not finished, and not on its way to automatic release (ASSESSED and PAID, where the
 * officer's tool is "hold").
 */
export function canRequestDocuments(status: DeclarationStatus): boolean {
  return status === 'ASSIGNED' || status === 'ON_HOLD' || status === 'AMENDMENT_REQUESTED';
}

export type DocumentRequestStatus = 'OPEN' | 'FULFILLED' | 'CANCELLED';
/** What the pages show: an open request whose due date has passed is OVERDUE (nothing is written for it). */
export type DocumentRequestState = 'OPEN' | 'OVERDUE' | 'FULFILLED' | 'CANCELLED';

export function documentRequestState(
  request: { status: DocumentRequestStatus; dueDate: string },
  today: string,
): DocumentRequestState {
  switch (request.status) {
    case 'OPEN':
      return today > request.dueDate ? 'OVERDUE' : 'OPEN';
    case 'FULFILLED':
    case 'CANCELLED':
      return request.status;
    default: {
      const never: never = request.status;
      return never;
    }
  }
}

export function documentRequestTone(state: DocumentRequestState): 'warning' | 'danger' | 'success' | 'neutral' {
  switch (state) {
    case 'OPEN':
      return 'warning';
    case 'OVERDUE':
      return 'danger';
    case 'FULFILLED':
      return 'success';
    case 'CANCELLED':
      return 'neutral';
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** The requested documents not yet uploaded for the request; the request is fulfilled when none is left. */
export function missingDocumentTypes(
  requested: readonly DocumentType[],
  uploaded: readonly DocumentType[],
): DocumentType[] {
  return requested.filter((type) => !uploaded.includes(type));
}

/** One requested document as the trader uploads it: the journey's document reference, plus its file. */
export const ZRequestedDocument = ZDocumentReference;

/** Whole seconds from `since` to `until` (never negative): the waiting time the SLA clock leaves out. */
export function waitedSeconds(since: Date, until: Date): number {
  return Math.max(0, Math.floor((until.getTime() - since.getTime()) / 1000));
}
