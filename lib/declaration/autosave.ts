// Autosave of a draft's header steps (parties; transport and terms) while the trader types. The
// rules are the steps' own schemas, applied one field at a time: a valid value is saved, a blank
// one clears the field (a draft may be incomplete), and a value its field refuses is not saved —
// its message goes back to the form, and the stored value stays as it was. Never partial garbage.
import { z } from 'zod';
import type { FieldError } from '../errors';
import { ZPartiesStep, ZTransportStep } from './steps';

export const AUTOSAVE_STEPS = ['parties', 'transport'] as const;
export type AutosaveStep = (typeof AUTOSAVE_STEPS)[number];

const STEP_SCHEMAS = { parties: ZPartiesStep, transport: ZTransportStep } as const;

/** Fields whose column cannot be empty: a blank one is left as stored (the step's button asks for it). */
const KEPT_WHEN_BLANK: ReadonlySet<string> = new Set(['regime', 'postCode']);

export type AutosaveFields = {
  /** Parsed values of the fields that passed their field's rule. */
  values: Record<string, unknown>;
  /** Fields left blank: stored as empty. */
  cleared: string[];
  /** Fields their rule refused: not saved; the message says why. */
  notSaved: FieldError[];
};

/** Split a step's raw fields into what may be saved and what may not (see the header). */
export function partitionStepFields(step: AutosaveStep, raw: Record<string, unknown>): AutosaveFields {
  const shape = STEP_SCHEMAS[step].shape as Record<string, z.ZodType>;
  const out: AutosaveFields = { values: {}, cleared: [], notSaved: [] };
  for (const [name, schema] of Object.entries(shape)) {
    if (!(name in raw)) continue;
    const value = raw[name];
    if (typeof value === 'string' && value.trim() === '') {
      if (!KEPT_WHEN_BLANK.has(name)) out.cleared.push(name);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) out.values[name] = parsed.data;
    else out.notSaved.push({ path: name, message: parsed.error.issues[0]?.message ?? 'This value was not saved' });
  }
  return out;
}

/**
 * The autosave request: which draft, which step, and the step's fields as typed. One schema for the
 * action and the use case; the fields come out already partitioned by their rules.
 */
export const ZStepAutosave = z
  .object({
    declarationId: z.uuid({ error: 'Unknown declaration' }),
    step: z.enum(AUTOSAVE_STEPS, { error: 'Unknown step' }),
    // Each field's own rule (and length limit) is applied by partitionStepFields.
    fields: z.record(z.string(), z.string({ error: 'Each field must be text' })),
  })
  .transform(({ declarationId, step, fields }) => ({ declarationId, step, ...partitionStepFields(step, fields) }));
export type StepAutosave = z.output<typeof ZStepAutosave>;

/** What the form is told: when the valid fields were saved (null: nothing to save) and what was not. */
export type AutosaveResult = { savedAt: string | null; notSaved: FieldError[] };
