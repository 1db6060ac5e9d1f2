'use server';
import { z } from 'zod';
import { runAction } from '@/src/server/http';
import { requestAmendment } from '@/src/server/officer/decisions';
import { now } from '@/src/server/clock';
import { ZDeclarationId } from '@/lib/declaration/schema';

const ZRequestAmendment = ZDeclarationId.extend({
  expectedVersion: z.coerce.number().int().min(0),
  message: z.string({ error: 'Tell the trader what to amend' }).trim().min(1, { error: 'Tell the trader what to amend' }).max(1000, { error: 'The message must be 1000 characters or fewer' }),
});

export async function requestAmendmentAction(declarationId: string, expectedVersion: number, formData: FormData) {
  return runAction(ZRequestAmendment, { declarationId, expectedVersion, message: formData.get('message') }, ({ actor, input }) =>
    requestAmendment({ actor, declarationId: input.declarationId, message: input.message, expectedVersion: input.expectedVersion, now: now() }),
  );
}
