// Writing the rows. Small tables go through `createMany`. The big history tables go through one
// `INSERT … SELECT * FROM unnest($1::type[], …)` per 5,000 rows: Prisma's createMany costs ~40 µs
// per value in the client (query compilation), which alone would take the seed past 20 s; unnest
// sends each column as one array parameter and is ~10× faster. The rows stay typed by Prisma's own
// `CreateManyInput` types, and the SQL column types are read from the live schema.
import type { Prisma } from '../../src/generated/prisma/client.ts';

export type Db = Prisma.TransactionClient;

const MAX_PARAMS = 30_000;
const MAX_ROWS = 5_000;

/** createMany in batches that keep each INSERT well under PostgreSQL's 65,535 bind parameters. */
export async function insertMany<T extends object>(
  create: (args: { data: T[] }) => PromiseLike<{ count: number }>,
  rows: readonly T[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Math.max(1, Object.keys(rows[0]).length);
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns)));
  let count = 0;
  for (let i = 0; i < rows.length; i += size) {
    const result = await create({ data: rows.slice(i, i + size) });
    count += result.count;
  }
  return count;
}

/** The tables written in bulk, with the Prisma input type of their rows. */
export type BulkTables = {
  ExchangeRate: Prisma.ExchangeRateCreateManyInput;
  HsHeading: Prisma.HsHeadingCreateManyInput;
  ReferencePrice: Prisma.ReferencePriceCreateManyInput;
  Declaration: Prisma.DeclarationCreateManyInput;
  DeclarationItem: Prisma.DeclarationItemCreateManyInput;
  DeclarationDocument: Prisma.DeclarationDocumentCreateManyInput;
  DeclarationStatusEvent: Prisma.DeclarationStatusEventCreateManyInput;
  RegistrationSequence: Prisma.RegistrationSequenceCreateManyInput;
  RiskAssessment: Prisma.RiskAssessmentCreateManyInput;
  Assignment: Prisma.AssignmentCreateManyInput;
  Inspection: Prisma.InspectionCreateManyInput;
  AssessedPayment: Prisma.AssessedPaymentCreateManyInput;
  Payment: Prisma.PaymentCreateManyInput;
  TopUp: Prisma.TopUpCreateManyInput;
  LedgerEntry: Prisma.LedgerEntryCreateManyInput;
};

const SQL_ARRAY_TYPE: Record<string, string> = {
  uuid: 'uuid[]',
  text: 'text[]',
  bpchar: 'text[]',
  varchar: 'text[]',
  int4: 'int4[]',
  int8: 'int8[]',
  numeric: 'numeric[]',
  bool: 'bool[]',
  timestamp: 'timestamp(3)[]',
  date: 'date[]',
  jsonb: 'jsonb[]',
};

function toParam(value: unknown, udt: string): unknown {
  if (value === null) return null;
  if (udt === 'jsonb') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return String(value); // Decimal
  return value;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function bulkInsert<K extends keyof BulkTables>(
  db: Db,
  table: K,
  rows: readonly BulkTables[K][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  const info = await db.$queryRawUnsafe<{ column_name: string; data_type: string; udt_name: string }[]>(
    'SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
    table,
  );
  const types = new Map(info.map((c) => [c.column_name, c]));
  const casts = columns.map((name) => {
    const c = types.get(name);
    if (!c) throw new Error(`bulkInsert: ${table}.${name} is not a column`);
    if (c.data_type === 'USER-DEFINED') return { udt: 'enum', sql: `${quote(c.udt_name)}[]` };
    const sql = SQL_ARRAY_TYPE[c.udt_name];
    if (!sql) throw new Error(`bulkInsert: ${table}.${name} has the unsupported type ${c.udt_name}`);
    return { udt: c.udt_name, sql };
  });
  const statement = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT * FROM unnest(${casts.map((c, i) => `$${i + 1}::${c.sql}`).join(', ')})`;

  let count = 0;
  for (let start = 0; start < rows.length; start += MAX_ROWS) {
    const batch = rows.slice(start, start + MAX_ROWS) as readonly Record<string, unknown>[];
    const params = columns.map((name, k) =>
      batch.map((row) => {
        const value = row[name];
        if (value === undefined) throw new Error(`bulkInsert: a ${table} row has no ${name}`);
        return toParam(value, casts[k].udt);
      }),
    );
    for (const row of batch)
      if (Object.keys(row).length !== columns.length)
        throw new Error(`bulkInsert: ${table} rows must all have the same columns`);
    count += await db.$executeRawUnsafe(statement, ...params);
  }
  return count;
}
