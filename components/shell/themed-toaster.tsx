'use client';
import { useTheme } from 'next-themes';
import { Toaster } from 'sonner';

/** Sonner keeps its own theme; follow the console's. */
export function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster theme={resolvedTheme === 'dark' ? 'dark' : 'light'} position="bottom-right" richColors closeButton duration={5000} />;
}
