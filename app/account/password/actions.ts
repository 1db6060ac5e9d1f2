'use server';
// The signed-in user's own account: change the password, sign out everywhere. The use cases check
// the actor again and audit.
import { runAction } from '@/src/server/http';
import { changePassword, signOutEverywhere } from '@/src/server/auth/sessions';
import { sessionIdOf } from '@/src/server/auth/session';
import { now } from '@/src/server/clock';
import { ZChangePassword, ZSignOutEverywhere } from '@/lib/auth/sessions';
import { formFields } from '@/lib/form-data';

export async function changePasswordAction(formData: FormData) {
  return runAction(ZChangePassword, formFields(formData), ({ actor, input }) =>
    changePassword({
      actor,
      sessionId: sessionIdOf(actor),
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      now: now(),
    }),
  );
}

export async function signOutEverywhereAction() {
  return runAction(ZSignOutEverywhere, {}, ({ actor }) => signOutEverywhere({ actor, now: now() }));
}
