// The supervisor's "Train a new version": a separate process runs src/cli/risk-train.ts, so the
// registration path never waits for training. The run is claimed (training.ts) before the process
// starts; the process writes its end, and a process that dies before that is recorded as failed here.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { db } from '../db';
import { assertRole, type Actor } from '../actor';
import {
  claimTrainingRun,
  finishTrainingRun,
  readTrainingStatus,
  isTrainingRunning,
  type TrainingStatus,
} from './training';

/**
 * Start training a new version in a separate process. The new version appears in the list when
 * done, inactive until a supervisor activates it. One run at a time: CONFLICT while another is running.
 */
export async function startTraining(args: { actor: Actor; now: Date }): Promise<{ started: true; runId: string }> {
  const { actor, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  const runId = randomUUID();
  await claimTrainingRun(db, { runId, now, startedBy: actor.email });
  const failed = (error: string) =>
    void finishTrainingRun(db, { runId, now: new Date(), error }).catch((e) =>
      console.error('risk training status', e),
    );
  try {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(process.cwd(), 'src', 'cli', 'risk-train.ts')],
      { cwd: process.cwd(), env: { ...process.env, RISK_TRAINING_RUN_ID: runId }, stdio: 'ignore', detached: true },
    );
    child.on('error', (e) => failed(`The training process could not start (${e.message}).`));
    child.on('exit', (code, signal) => {
      if (code !== 0) failed(`The training process ended with ${signal ?? `exit code ${code}`}.`);
    });
    child.unref();
  } catch (e) {
    failed(`The training process could not start (${(e as Error).message}).`);
    throw e;
  }
  await db.auditEntry.create({
    data: {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'risk.model.train.start',
      entityType: 'RiskModel',
      entityId: 'training',
      data: { runId },
      at: now,
    },
  });
  return { started: true, runId };
}

/** The last training run (running, failed with its error, done with its version), or null before the first. */
export async function trainingStatus(args: {
  actor: Actor;
  now: Date;
}): Promise<(TrainingStatus & { isRunning: boolean }) | null> {
  assertRole(args.actor, ['SUPERVISOR']);
  const status = await readTrainingStatus(db);
  return status ? { ...status, isRunning: isTrainingRunning(status, args.now) } : null;
}
