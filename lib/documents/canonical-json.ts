// Canonical JSON: the one byte sequence a signed document's content is signed as.
// Keys sorted by UTF-16 code units (as RFC 8785), no whitespace, strings escaped as JSON.stringify
// does, finite numbers only. Amounts and quantities are never numbers here: they are decimal strings
// (a float cannot round-trip a money amount exactly, and jsonb would re-render it).

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

// A lone surrogate cannot be stored in jsonb nor encoded as UTF-8: refuse it instead of signing
// something the database would change.
const LONE_SURROGATE = /\p{Cs}/u;

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(`${path}: the text contains an unpaired surrogate`);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${String(value)} is not a finite number`);
      // ECMAScript's shortest round-trip form, as RFC 8785; -0 becomes 0.
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        // Dates, Decimals, Maps…: their JSON form is a choice the caller must make explicitly.
        throw new CanonicalJsonError(
          `${path}: only plain objects can be serialised; convert ${(value as object).constructor?.name ?? 'this value'} to a string first`,
        );
      }
      const record = value as Record<string, unknown>;
      // An undefined property is absent (as after a round trip through the database).
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${write(key, path)}:${write(record[key], `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} cannot be serialised`);
  }
}

/** The canonical JSON text of a value; throws CanonicalJsonError for anything JSON cannot carry exactly. */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}
