'use server';
// Server actions of the agency officer's desk. Each goes through runAction (actor, zod parse, use
// case, errors as field errors); the use case authorizes the officer and scopes to the authority.
import { runAction } from '@/src/server/http';
import { issuePermit, refuseApplication, requestInformation, revokePermit } from '@/src/server/permits/decisions';
import { now } from '@/src/server/clock';
import { ZApplicationId, ZInformationRequest, ZIssuePermit, ZPermitId, ZRefusal, ZRevocation } from '@/lib/permits';
import { formFields } from '@/lib/form-data';

export async function requestInformationAction(applicationId: string, formData: FormData) {
  return runAction(
    ZInformationRequest.extend(ZApplicationId.shape),
    { ...formFields(formData), applicationId },
    ({ actor, input }) => requestInformation({ actor, applicationId: input.applicationId, input, now: now() }),
  );
}

export async function issuePermitAction(applicationId: string, formData: FormData) {
  return runAction(
    ZIssuePermit.extend(ZApplicationId.shape),
    { ...formFields(formData), applicationId },
    ({ actor, input }) => issuePermit({ actor, applicationId: input.applicationId, input, now: now() }),
  );
}

export async function refuseApplicationAction(applicationId: string, formData: FormData) {
  return runAction(
    ZRefusal.extend(ZApplicationId.shape),
    { ...formFields(formData), applicationId },
    ({ actor, input }) => refuseApplication({ actor, applicationId: input.applicationId, input, now: now() }),
  );
}

export async function revokePermitAction(permitId: string, formData: FormData) {
  return runAction(ZRevocation.extend(ZPermitId.shape), { ...formFields(formData), permitId }, ({ actor, input }) =>
    revokePermit({ actor, permitId: input.permitId, input, now: now() }),
  );
}
