import type { ReactNode } from 'react';

/** The centred card sign-in and first-run setup share, outside the console's shell. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas px-4">
      <section aria-labelledby="auth-title" className="w-full max-w-sm rounded border border-line bg-surface p-6 shadow-sm">
        <div className="mb-4 flex items-center gap-2">
          <svg width="22" height="22" viewBox="0 0 20 20" aria-hidden="true" className="text-accent">
            <rect x="1" y="1" width="18" height="18" rx="4" fill="currentColor" />
            <path d="M5 7h10M5 10h10M5 13h6" stroke="var(--surface)" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <span className="text-sm font-semibold tracking-tight text-fg">Grainline</span>
        </div>
        <h1 id="auth-title" className="text-lg font-semibold text-fg">
          {title}
        </h1>
        {subtitle && <p className="mt-1 text-[13px] text-fg-muted">{subtitle}</p>}
        <div className="mt-4">{children}</div>
      </section>
    </main>
  );
}
