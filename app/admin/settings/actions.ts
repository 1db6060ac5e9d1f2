'use server';
// The administrator's service settings. The use case checks the administrator again and audits.
import { runAction } from '@/src/server/http';
import { saveServiceSettings } from '@/src/server/admin/service-settings';
import { now } from '@/src/server/clock';
import { ZServiceSettings } from '@/lib/admin/service-settings';
import { formFields } from '@/lib/form-data';

export async function saveServiceSettingsAction(formData: FormData) {
  return runAction(ZServiceSettings, formFields(formData), ({ actor, input }) =>
    saveServiceSettings({ actor, input, now: now() }),
  );
}
