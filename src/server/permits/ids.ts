// An id that cannot exist is simply "not found": checked before Prisma sees it (a malformed uuid
// would otherwise be a database error, i.e. a 500).
export const isValidUuid = (v: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
