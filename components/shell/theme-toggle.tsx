'use client';
import { useTheme } from 'next-themes';
import { MoonIcon, SunIcon } from '@/components/ui/icons';
import { useMounted } from './use-mounted';

export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const mounted = useMounted();
  const dark = mounted && resolvedTheme === 'dark';
  // The stored theme is only known in the browser; until then the label stays neutral.
  const label = !mounted ? 'Toggle theme' : dark ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <button
      type="button"
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      aria-label={label}
      title={label}
      className="inline-flex h-7 items-center gap-2 rounded px-2 text-fg-muted hover:bg-surface-hover hover:text-fg"
    >
      <SunIcon className="hidden dark:block" />
      <MoonIcon className="dark:hidden" />
      <span className="text-xs whitespace-nowrap">
        <span className="dark:hidden">Dark theme</span>
        <span className="hidden dark:inline">Light theme</span>
      </span>
    </button>
  );
}
