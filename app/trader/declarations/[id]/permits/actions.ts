'use server';
// Linking the company's permits to the declaration's items. Through runAction; the use case
// authorizes the trader, scopes to the company and checks the link as release will.
import { runAction } from '@/src/server/http';
import { linkPermit, unlinkPermit } from '@/src/server/permits/links';
import { now } from '@/src/server/clock';
import { ZDeclarationId } from '@/lib/declaration/schema';
import { ZLinkPermit, ZUnlinkPermit } from '@/lib/permits';
import { formFields } from '@/lib/form-data';

export async function linkPermitAction(declarationId: string, lineNo: number, formData: FormData) {
  return runAction(
    ZLinkPermit.extend(ZDeclarationId.shape),
    { ...formFields(formData), lineNo, declarationId },
    ({ actor, input }) => linkPermit({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}

export async function unlinkPermitAction(declarationId: string, linkId: string) {
  return runAction(ZUnlinkPermit.extend(ZDeclarationId.shape), { linkId, declarationId }, ({ actor, input }) =>
    unlinkPermit({ actor, declarationId: input.declarationId, input, now: now() }),
  );
}
