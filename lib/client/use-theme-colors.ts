'use client';
// The theme's colors as values, for drawing code (SVG charts, canvas) that cannot read CSS
// variables itself; re-read whenever the theme changes.
import { useTheme } from 'next-themes';
import { useEffect, useState } from 'react';

export type ThemeColorName = 'accent' | 'accent-soft' | 'fg' | 'fg-muted' | 'fg-subtle' | 'line' | 'surface' | 'ok' | 'bad' | 'warn';

export function useThemeColors<K extends ThemeColorName>(names: readonly K[]): Record<K, string> | null {
  const { resolvedTheme } = useTheme();
  const [colors, setColors] = useState<Record<K, string> | null>(null);
  const key = names.join(',');
  useEffect(() => {
    const style = getComputedStyle(document.documentElement);
    const read = {} as Record<K, string>;
    for (const name of key.split(',') as K[]) read[name] = style.getPropertyValue(`--${name}`).trim();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the values come from the DOM after the theme class changes; there is no render-time source
    setColors(read);
  }, [resolvedTheme, key]);
  return colors;
}
