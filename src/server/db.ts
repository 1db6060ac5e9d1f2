// The Prisma client, over the pg driver adapter. One per process.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, Prisma } from '@/src/generated/prisma/client';

export { Prisma };
export type Tx = Prisma.TransactionClient;

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      'DATABASE_URL is not set. Start the portal with "npm start", which provides one, or set it to a PostgreSQL URL.',
    );
  }
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 20);
  // Under a burst (many registrations at once) a transaction may wait for a pooled connection:
  // waiting a few seconds is better than failing the trader's submission.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }),
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Lazily created so that importing this module never needs a database (e.g. during `next build`). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.prisma ??= createClient();
    const value = Reflect.get(globalForPrisma.prisma, property);
    return typeof value === 'function' ? value.bind(globalForPrisma.prisma) : value;
  },
});

export async function disconnectDb() {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}
