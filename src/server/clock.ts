// The one place the server reads the clock; use cases take `now` so rules stay testable.
export function now(): Date {
  return new Date();
}
