'use client';
// One clock tick for every "ago" and "in …" on screen: all readers re-render on the same second,
// from one timer that runs only while something reads it.
import { useSyncExternalStore } from 'react';

const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let nowMs = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    nowMs = Date.now();
    timer = setInterval(() => {
      nowMs = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function snapshot(): number {
  // Stable between ticks, as useSyncExternalStore requires; the first reader starts it, and
  // subscribing refreshes it (React re-reads the snapshot after subscribing).
  if (nowMs === 0) nowMs = Date.now();
  return nowMs;
}

/** The wall clock in ms, updated every second. The server render has no clock to agree with: 0. */
export function useNowMs(): number {
  return useSyncExternalStore(subscribe, snapshot, () => 0);
}
