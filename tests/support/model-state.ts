// Which risk model is active is global to the database every integration file shares, and files
// run in parallel forks. A test that depends on it or changes it holds this advisory lock, sets the
// state it needs, and restores what it found before letting go.
import pg from 'pg';
import { db } from '@/src/server/db';

const MODEL_STATE_LOCK = 7_246_001;

/** Run `work` holding the lock; with `activate`, only that version (or, with null, none) is active meanwhile. */
export async function withModelState<T>(
  work: () => Promise<T>,
  options: { activate?: string | null } = {},
): Promise<T> {
  const lock = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MODEL_STATE_LOCK]);
    const before = await db.riskModel.findMany({ where: { isActive: true }, select: { id: true } });
    try {
      if (options.activate !== undefined) {
        const version = options.activate;
        await db.$transaction(async (tx) => {
          await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
          if (version) await tx.riskModel.update({ where: { version }, data: { isActive: true } });
        });
      }
      return await work();
    } finally {
      await db.$transaction(async (tx) => {
        await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
        await tx.riskModel.updateMany({ where: { id: { in: before.map((m) => m.id) } }, data: { isActive: true } });
      });
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MODEL_STATE_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
