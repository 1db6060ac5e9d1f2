'use client';
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { ZSignIn } from '@/lib/auth/roles';
import { fieldErrorsOf } from '@/lib/validation';
import { parseSignInError, waitInUnits } from '@/lib/security/rate-limits';
import { TextField } from '../ui/field';
import { Button } from '../ui/button';
import { ErrorSummary, type SummaryError } from '../ui/error-summary';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Only same-site paths, never `//host` (no open redirect). */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations('signIn');
  const tc = useTranslations('common');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [formError, setFormError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  // Until hydrated, the button stays disabled: a native submit would put the password in the URL.
  const isReady = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignIn.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setFormError(undefined);
      setErrors(fieldErrorsOf(parsed.error).map((e) => ({ fieldId: e.path, message: e.message })));
      return;
    }
    setErrors([]);
    setFormError(undefined);
    setIsBusy(true);
    try {
      const result = await signIn('credentials', {
        email: parsed.data.email,
        password: parsed.data.password,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so the server renders the new session everywhere.
        window.location.assign(safeReturnPath(callbackUrl));
        return;
      }
      const problem = parseSignInError(result?.error);
      if (problem?.code === 'RATE_LIMITED') {
        const wait = problem.retryAfterSeconds === null ? null : waitInUnits(problem.retryAfterSeconds);
        setFormError(
          wait
            ? t(wait.unit === 'minutes' ? 'rateLimitedMinutes' : 'rateLimitedSeconds', { count: wait.count })
            : t('rateLimited'),
        );
      } else {
        setFormError(problem ? t('invalidCredentials') : t('unexpected'));
      }
    } catch {
      setFormError(t('unexpected'));
    }
    setIsBusy(false);
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <ErrorSummary title={tc('errorSummaryTitle')} errors={errors} formError={formError} />
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        label={t('email')}
        error={errorFor('email')}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={t('password')}
        error={errorFor('password')}
      />
      <div>
        <Button type="submit" disabled={isBusy || !isReady}>
          {isBusy ? t('submitting') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
