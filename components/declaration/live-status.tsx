'use client';
// Keeps a declaration page current without a reload: polls its status every few seconds and
// re-renders the page when the version changes.
import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';

export const LIVE_POLL_MS = 3000;

export function LiveStatus({ url, version }: { url: string; version: number }) {
  const router = useRouter();
  const current = useRef(version);
  useEffect(() => {
    current.current = version;
  }, [version]);
  useEffect(() => {
    let isActive = true;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(url, { cache: 'no-store' });
        if (!res.ok || !isActive) return;
        const body = (await res.json()) as { version: number };
        if (body.version !== current.current) router.refresh();
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
