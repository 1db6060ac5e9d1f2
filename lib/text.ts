// The one text type at the boundary. Every user text field of every schema goes through it, so a
// control character never reaches the database (PostgreSQL refuses NUL outright: a 500) nor a
// reader's screen, and the person is told which field to fix.
import { z } from 'zod';

// Zod's object parser probes whether it may compile code (`new Function`), which the portal's
// Content-Security-Policy forbids in the browser: a CSP violation on every page. Jitless parsing
// avoids the probe (every schema imports this module, so this runs before any parse).
z.config({ jitless: true });

export const INVISIBLE_CHARACTERS_MESSAGE = 'Remove invisible characters from this field';

// Refused everywhere: C0 controls (but tab, line feed and carriage return in multi-line text),
// DEL and the C1 controls; the zero-width space U+200B, word joiner U+2060 and byte-order mark
// U+FEFF (invisible, they make two equal-looking names differ); the line and paragraph separators U+2028/U+2029; the bidirectional
// embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069 (invisible, they
// reorder how a name or a reason reads on an officer's screen — "Trojan Source"); lone
// surrogates (JSON can carry them, UTF-8 cannot); and the noncharacters U+FDD0–U+FDEF and
// U+xFFFE/U+xFFFF. Allowed: every other format character (zero-width joiner and non-joiner, soft
// hyphen: scripts and emoji need them), and right-to-left text itself.
/* eslint-disable no-control-regex -- matching control characters is the point */
const SINGLE_LINE =
  /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\ufeff\u2066-\u2069\p{Cs}\p{Noncharacter_Code_Point}]/u;
const MULTI_LINE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\ufeff\u2066-\u2069\p{Cs}\p{Noncharacter_Code_Point}]/u;
/* eslint-enable no-control-regex */

export type TextOptions = {
  /** A textarea: tab, line feed and carriage return are text there. */
  isMultiline?: boolean;
};

export function hasInvisibleCharacters(value: string, opts: TextOptions = {}): boolean {
  return (opts.isMultiline ? MULTI_LINE : SINGLE_LINE).test(value);
}

/**
 * The check, for a string chain of one's own: `z.string().trim().check(visibleCharactersOnly())`.
 * It aborts, so the checks after it (length, pattern) and the object's cross-field rules never
 * see the refused value, and the field gets this one message.
 */
export const visibleCharactersOnly = (opts: TextOptions = {}) =>
  z.refine<string>((v) => !hasInvisibleCharacters(v, opts), { error: INVISIBLE_CHARACTERS_MESSAGE, abort: true });

/**
 * The shared text type: a string (`error` when it is not one, e.g. missing), trimmed, with no
 * invisible characters. Chain `.min` / `.max` / `.regex` after it.
 */
export const text = (params: TextOptions & { error?: string } = {}) =>
  z
    .string(params.error === undefined ? undefined : { error: params.error })
    .trim()
    .check(visibleCharactersOnly(params));

/** The same for a value that must not be trimmed (a password). */
export const untrimmedText = (params: TextOptions & { error?: string } = {}) =>
  z.string(params.error === undefined ? undefined : { error: params.error }).check(visibleCharactersOnly(params));

/** A log-safe rendering of what was received: control characters escaped, at most `max` characters. */
export function escapeForLog(value: string, max = 500): string {
  const cut = value.length > max ? `${value.slice(0, max)}…(${value.length} characters)` : value;
  return JSON.stringify(cut)
    .slice(1, -1)
    .replace(
      /[\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\ufeff\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/**
 * A path segment decoded once more (Next has decoded it already; a second decode is only for a
 * value that was escaped twice), or the segment itself when it is no valid escape — a lone `%`
 * (`R-2026-%`) must be "not found", never a URIError and a 500.
 */
export function decodeSegmentOnce(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
