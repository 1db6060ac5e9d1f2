'use server';
import { runAction } from '@/src/server/http';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { now } from '@/src/server/clock';
import { ZDeclarationDraft, ZDeclarationId } from '@/lib/declaration/schema';

export async function saveDraftAction(input: unknown) {
  return runAction(ZDeclarationDraft, input, ({ actor, input }) => createDeclarationDraft({ actor, input, now: now() }));
}

export async function submitDeclarationAction(declarationId: string) {
  return runAction(ZDeclarationId, { declarationId }, ({ actor, input }) => submitDeclaration({ actor, declarationId: input.declarationId, now: now() }));
}
