// When the trader can expect a declaration's next step: the service's SLA targets (settings, the
// same the officers' queue counts against) applied by lib/declaration/expected-time.ts. Reads no
// company data: the declaration comes from a read already scoped to the actor (getDeclarationOverview).
import { expectedNextStep, type ExpectedNextStep } from '@/lib/declaration/expected-time';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import { loadSlaTargets } from '../officer/queue';

export async function getExpectedNextStep(args: {
  declaration: {
    status: DeclarationStatus;
    channel: string | null;
    registeredAt: Date | null;
    amountDue: string;
    permitBlockers: readonly unknown[];
  };
  now: Date;
}): Promise<ExpectedNextStep> {
  const { declaration, now } = args;
  return expectedNextStep({
    ...declaration,
    missingPermits: declaration.permitBlockers.length,
    targets: await loadSlaTargets(),
    now,
  });
}
