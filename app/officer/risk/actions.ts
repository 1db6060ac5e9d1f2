'use server';
import { z } from 'zod';
import { runAction } from '@/src/server/http';
import { saveProfile } from '@/src/server/risk/profiles';
import { backtest } from '@/src/server/risk/backtest';
import { backtestChannelShares, setChannelShares } from '@/src/server/risk/channel-shares';
import { activateModel } from '@/src/server/risk/model-activation';
import { startTraining } from '@/src/server/risk/training-runner';
import { now } from '@/src/server/clock';
import { ZProfileForm, ZChannelShares } from '@/lib/risk/profile-form';
import { serviceDate } from '@/lib/time';
import { formFieldLists } from '@/lib/form-data';

export async function saveProfileAction(profileId: string | null, formData: FormData) {
  return runAction(ZProfileForm, formFieldLists(formData), ({ actor }) =>
    saveProfile({ actor, profileId: profileId ?? undefined, input: formFieldLists(formData), now: now() }),
  );
}

export async function backtestProfileAction(profileId: string | null, formData: FormData) {
  const to = serviceDate(now());
  const from = serviceDate(new Date(now().getTime() - 365 * 86_400_000));
  return runAction(ZProfileForm, formFieldLists(formData), ({ actor }) =>
    backtest({ actor, profileId: profileId ?? undefined, proposal: formFieldLists(formData), from, to }),
  );
}

export async function activateModelAction(modelId: string) {
  return runAction(z.object({ modelId: z.uuid() }), { modelId }, ({ actor, input }) =>
    activateModel({ actor, modelId: input.modelId, now: now() }),
  );
}

export async function startTrainingAction() {
  return runAction(z.object({}), {}, ({ actor }) => startTraining({ actor, now: now() }));
}

export async function setChannelSharesAction(formData: FormData) {
  return runAction(ZChannelShares, formFieldLists(formData), ({ actor, input }) =>
    setChannelShares({ actor, input, now: now() }),
  );
}

export async function backtestChannelSharesAction(formData: FormData) {
  return runAction(ZChannelShares, formFieldLists(formData), ({ actor }) =>
    backtestChannelShares({ actor, input: formFieldLists(formData), now: now() }),
  );
}
