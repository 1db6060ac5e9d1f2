'use client';
// Keeps a page current without a reload: polls a status endpoint every few seconds and re-renders
// the page when the version changes — or any other counter the page was rendered with (`also`,
// e.g. the account's version on a declaration page, so that a payment made in another tab updates
// what is still to pay, the balance and the pay button).
import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';

export const LIVE_POLL_MS = 3000;

export function LiveStatus({
  url,
  version,
  also,
}: {
  url: string;
  version: number;
  /** Further fields of the endpoint's answer to watch, with the values the page shows. */
  also?: Record<string, number>;
}) {
  const router = useRouter();
  const current = useRef<Record<string, number>>({ ...also, version });
  useEffect(() => {
    current.current = { ...also, version };
  }, [version, also]);
  useEffect(() => {
    let isActive = true;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(url, { cache: 'no-store' });
        if (!res.ok || !isActive) return;
        const body = (await res.json()) as Record<string, unknown>;
        const shown = current.current;
        if (Object.keys(shown).some((key) => key in body && body[key] !== shown[key])) router.refresh();
      } catch {
        /* offline for a moment: try again at the next tick */
      }
    }, LIVE_POLL_MS);
    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [url, router]);
  return null;
}
