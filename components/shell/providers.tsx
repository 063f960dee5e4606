'use client';
// Client-side context for every page, signed in or not: server state (TanStack Query), theme,
// tooltips, toasts. The live feed needs a session, so the console layout adds it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import * as Tooltip from '@radix-ui/react-tooltip';
import { ThemeProvider } from 'next-themes';
import { useState, type ReactNode } from 'react';
import { isApiError } from '@/lib/client/api-error';
import { ThemedToaster } from './themed-toaster';

const STALE_MS = 10_000;
const MAX_RETRIES = 2;

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx answer will not change on its own; only network and server errors are worth retrying.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: STALE_MS, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem storageKey="grainline-theme" disableTransitionOnChange>
      <QueryClientProvider client={queryClient}>
        <Tooltip.Provider delayDuration={300}>
          {children}
          <ThemedToaster />
        </Tooltip.Provider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
