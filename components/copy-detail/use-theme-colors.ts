'use client';
// Canvas cannot use CSS classes: it needs the theme's colours as values. They are the CSS custom
// properties of globals.css, read from the document and read again whenever the theme class on
// <html> changes, so a canvas redraws in the new theme without knowing how themes are switched.
import { useMemo, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
  return () => observer.disconnect();
}

/** The values of `names` (without the leading --), joined so the snapshot compares as a string. */
export function useThemeColors<const N extends string>(names: readonly N[]): Record<N, string> | null {
  const key = names.join(',');
  const snapshot = useSyncExternalStore(
    subscribe,
    () => {
      const style = getComputedStyle(document.documentElement);
      return key
        .split(',')
        .map((name) => style.getPropertyValue(`--${name}`).trim())
        .join('|');
    },
    () => '',
  );
  return useMemo(() => {
    if (snapshot === '') return null;
    const values = snapshot.split('|');
    return Object.fromEntries(key.split(',').map((name, index) => [name, values[index] ?? ''])) as Record<N, string>;
  }, [key, snapshot]);
}
