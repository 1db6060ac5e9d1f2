// next-intl without locale routing: the locale comes from a cookie (default English).
// Each locale's catalogue is a folder of JSON files, one per namespace (file name = namespace),
// so that areas of the portal keep their own files and adding a language touches no component.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '@/lib/i18n/config';

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Promise<Messages>>();

async function loadMessages(locale: Locale): Promise<Messages> {
  const dir = path.join(process.cwd(), 'lib', 'i18n', 'messages', locale);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const entries = await Promise.all(
    files.map(async (f) => [f.replace(/\.json$/, ''), JSON.parse(await readFile(path.join(dir, f), 'utf8'))] as const),
  );
  return Object.fromEntries(entries);
}

export function messagesFor(locale: Locale): Promise<Messages> {
  if (process.env.NODE_ENV !== 'production') return loadMessages(locale);
  let loaded = cache.get(locale);
  if (!loaded) {
    loaded = loadMessages(locale);
    cache.set(locale, loaded);
  }
  return loaded;
}

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: await messagesFor(locale), timeZone: 'Asia/Tashkent' };
});
