'use server';
// Server actions of a trader's drafts: autosave of a header step while typing, and deletion. Each
// goes through runAction; the use case authorizes (the draft of the actor's company) and audits.
import { runAction } from '@/src/server/http';
import { autosaveDraftStep } from '@/src/server/declarations/autosave';
import { deleteDraft } from '@/src/server/declarations/drafts';
import { now } from '@/src/server/clock';
import { ZDeclarationId } from '@/lib/declaration/schema';
import { ZStepAutosave } from '@/lib/declaration/autosave';
import { formFields } from '@/lib/form-data';

/** The step's form as typed so far; the valid fields are saved, the others named (lib/declaration/autosave.ts). */
export async function autosaveStepAction(declarationId: string, step: string, formData: FormData) {
  const raw = { declarationId, step, fields: formFields(formData) };
  // The use case parses the same request again (a direct caller meets the same rules).
  return runAction(ZStepAutosave, raw, ({ actor }) => autosaveDraftStep({ actor, input: raw, now: now() }));
}

export async function deleteDraftAction(declarationId: string) {
  return runAction(ZDeclarationId, { declarationId }, ({ actor, input }) =>
    deleteDraft({ actor, declarationId: input.declarationId, now: now() }),
  );
}
