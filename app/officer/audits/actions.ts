'use server';
// Recording a post-clearance audit. The use case checks the officer, the post and the declaration again.
import { runAction } from '@/src/server/http';
import { recordPostClearanceAudit } from '@/src/server/audits/post-clearance';
import { now } from '@/src/server/clock';
import { ZPostClearanceAudit } from '@/lib/audits/post-clearance';
import { formFields } from '@/lib/form-data';

export async function recordPostClearanceAuditAction(declarationId: string, formData: FormData) {
  return runAction(ZPostClearanceAudit, formFields(formData), ({ actor, input }) =>
    recordPostClearanceAudit({ actor, declarationId, input, now: now() }),
  );
}
