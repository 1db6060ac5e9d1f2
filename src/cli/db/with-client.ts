// A command's database work, the same way for every command: open the database (embedded PostgreSQL
// or DATABASE_URL), hand a Prisma client to `work`, and always disconnect and stop; a failure prints
// its message and exits 1.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { openDatabase } from './database.ts';

export async function runWithClient(
  work: (db: PrismaClient) => Promise<void>,
  log: (line: string) => void = (line) => console.log(line),
): Promise<never> {
  const database = await openDatabase({ log });
  let exitCode = 0;
  try {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      await work(db);
    } finally {
      await db.$disconnect();
    }
  } catch (e) {
    console.error((e as Error).message);
    exitCode = 1;
  } finally {
    await database.stop();
  }
  process.exit(exitCode);
}
