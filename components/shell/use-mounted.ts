'use client';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/** False during the server render and hydration, true after: for values only the browser knows. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
