import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { getServiceSettings, saveServiceSettings } from '@/src/server/admin/service-settings';
import { loadSlaTargets } from '@/src/server/officer/queue';
import { loadFourEyesLimit } from '@/src/server/officer/decisions';
import { AppError } from '@/lib/errors';
import { actorOf, aUser } from '../support/factories';
import { SEED_NOW } from '../support/clock';

// Other files run in parallel on the same database and read these settings: the change made here
// keeps the red target and moves the limit by one tiyin, so no other test's outcome can move; the
// seeded values are restored at the end.
const SEEDED = { yellowTargetMinutes: 240, redTargetMinutes: 2880, fourEyesLimit: '10000000.00' };

describe('the service settings', () => {
  let admin: Awaited<ReturnType<typeof actorOf>>;
  afterAll(async () => {
    if (admin) await saveServiceSettings({ actor: admin, input: SEEDED, now: SEED_NOW });
  });

  it('an administrator changes the SLA target and the four-eyes limit, which apply at once, audited', async () => {
    admin = actorOf(await aUser({ role: 'ADMIN' }));
    expect(await getServiceSettings({ actor: admin })).toEqual(SEEDED);
    const saved = await saveServiceSettings({
      actor: admin,
      input: { yellowTargetMinutes: '300', redTargetMinutes: '2880', fourEyesLimit: '10 000 000.01' },
      now: SEED_NOW,
    });
    expect(saved).toEqual({ yellowTargetMinutes: 300, redTargetMinutes: 2880, fourEyesLimit: '10000000.01' });
    expect(await loadSlaTargets()).toMatchObject({ YELLOW: 300, RED: 2880 });
    expect(await loadFourEyesLimit(db)).toBe('10000000.01');
    const audit = await db.auditEntry.findFirst({
      where: { actorId: admin.userId, action: 'setting.update' },
      orderBy: { at: 'desc' },
    });
    expect(audit?.data).toEqual({
      before: SEEDED,
      after: { yellowTargetMinutes: 300, redTargetMinutes: 2880, fourEyesLimit: '10000000.01' },
    });
  });

  it('bad input names every field and writes nothing', async () => {
    const actor = actorOf(await aUser({ role: 'ADMIN' }));
    const error = await saveServiceSettings({
      actor,
      input: { yellowTargetMinutes: '0', redTargetMinutes: 'soon', fourEyesLimit: '-1' },
      now: SEED_NOW,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).fieldErrors.map((e) => e.path)).toEqual([
      'yellowTargetMinutes',
      'redTargetMinutes',
      'fourEyesLimit',
    ]);
    expect(await db.auditEntry.count({ where: { actorId: actor.userId } })).toBe(0);
  });

  it.each(['SUPERVISOR', 'INSPECTOR', 'TRADER'] as const)('a %s can neither read nor change them', async (role) => {
    const actor = actorOf(await aUser({ role }));
    await expect(getServiceSettings({ actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(saveServiceSettings({ actor, input: SEEDED, now: SEED_NOW })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await db.auditEntry.count({ where: { actorId: actor.userId } })).toBe(0);
  });
});
