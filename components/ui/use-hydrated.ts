'use client';
// Whether the component has hydrated: false in the server render and the first client render, true
// after. Forms keep their submit button disabled until then (a native submit would bypass the
// action, or put a password in the URL). useSyncExternalStore gives the two snapshots without an
// effect that sets state.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
