'use server';
// Server actions of the administrator's permit catalogue. Each goes through runAction; the use
// case checks the administrator again and audits the change.
import { runAction } from '@/src/server/http';
import { createPermitType, savePermitSlaTarget, updatePermitType } from '@/src/server/permits/admin';
import { now } from '@/src/server/clock';
import { ZNewPermitType, ZPermitTypeCodeParam, ZPermitTypeForm, ZSlaSetting } from '@/lib/permits';
import { formFields, formValues } from '@/lib/form-data';

/** The form as the schema reads it: directions are checkboxes (several values of one name). */
const fields = (formData: unknown) => ({ ...formFields(formData), directions: formValues(formData, 'directions') });

export async function createPermitTypeAction(formData: FormData) {
  return runAction(ZNewPermitType, fields(formData), ({ actor, input }) =>
    createPermitType({ actor, input, now: now() }),
  );
}

export async function updatePermitTypeAction(code: string, formData: FormData) {
  return runAction(
    ZPermitTypeForm.extend(ZPermitTypeCodeParam.shape),
    { ...fields(formData), code },
    ({ actor, input }) => updatePermitType({ actor, code: input.code, input, now: now() }),
  );
}

export async function saveSlaTargetAction(formData: FormData) {
  return runAction(ZSlaSetting, formFields(formData), ({ actor, input }) =>
    savePermitSlaTarget({ actor, input, now: now() }),
  );
}
