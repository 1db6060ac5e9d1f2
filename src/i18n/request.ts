// next-intl without locale routing: the locale comes from a cookie (default English).
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/config';

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value);
  const messages = (await import(`../../lib/i18n/messages/${locale}.json`)).default;
  return { locale, messages, timeZone: 'Asia/Tashkent' };
});
