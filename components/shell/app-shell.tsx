import Link from 'next/link';
import type { ReactNode } from 'react';
import { ConnectionIndicator } from './connection-indicator';
import { NavLinks, NavMenu } from './nav-links';
import { ServerVersion } from './server-version';
import { SimulationControls } from './simulation-controls';
import { ThemeToggle } from './theme-toggle';
import { ThisNodeBadge } from './this-node-badge';
import { UserMenu } from './user-menu';

export const MAIN_CONTENT_ID = 'main-content';

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded px-2 py-1 text-fg">
      <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" className="text-accent">
        <rect x="1" y="1" width="18" height="18" rx="4" fill="currentColor" />
        <path d="M5 7h10M5 10h10M5 13h6" stroke="var(--surface)" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className="text-sm font-semibold tracking-tight">Grainline</span>
    </Link>
  );
}

/**
 * Sidebar navigation beside the page; on narrow screens the sidebar becomes a top bar, with the
 * simulation controls on a second row so they never squeeze the navigation out.
 */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex h-dvh flex-col md:flex-row">
      <a
        href={`#${MAIN_CONTENT_ID}`}
        className="sr-only z-50 rounded bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="flex shrink-0 flex-wrap items-center gap-3 md:flex-nowrap border-b border-line bg-surface px-2 py-2 md:w-52 md:flex-col md:items-stretch md:border-r md:border-b-0 md:px-3 md:py-3">
        <Brand />
        {/* Below md the links are a menu (NavMenu); the Main landmark holds whichever is shown. */}
        <nav aria-label="Main" className="ml-auto md:mt-3 md:ml-0">
          <div className="hidden md:block">
            <NavLinks />
          </div>
          <div className="md:hidden">
            <NavMenu />
          </div>
        </nav>
        <div className="flex w-full flex-wrap items-center justify-between gap-x-2 gap-y-1 md:w-auto md:flex-nowrap md:flex-col md:items-stretch md:justify-start md:gap-1 md:border-t md:border-line md:pt-2">
          <SimulationControls />
          <UserMenu />
          <ConnectionIndicator />
          <ThisNodeBadge />
          <ThemeToggle />
          <ServerVersion />
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex min-h-0 min-w-0 flex-1 flex-col overflow-auto focus:outline-none">
        {children}
      </main>
    </div>
  );
}
