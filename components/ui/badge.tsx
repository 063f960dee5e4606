import clsx from 'clsx';
import type { ReactNode } from 'react';

export type BadgeTone = 'ok' | 'bad' | 'warn' | 'neutral' | 'accent';

const TONE_CLASSES: Record<BadgeTone, string> = {
  ok: 'bg-ok-soft text-ok border-ok/30',
  bad: 'bg-bad-soft text-bad border-bad/35',
  warn: 'bg-warn-soft text-warn border-warn/35',
  neutral: 'bg-neutral-soft text-fg-muted border-line',
  accent: 'bg-accent-soft text-accent border-accent/30',
};

const DOT_CLASSES: Record<BadgeTone, string> = {
  ok: 'bg-ok',
  bad: 'bg-bad',
  warn: 'bg-warn',
  neutral: 'bg-fg-subtle',
  accent: 'bg-accent',
};

export function Badge({ tone, dot = false, title, children }: { tone: BadgeTone; dot?: boolean; title?: string; children: ReactNode }) {
  return (
    <span
      title={title}
      className={clsx('inline-flex h-5 items-center gap-1 rounded-sm border px-1.5 text-[11px] leading-none font-medium whitespace-nowrap', TONE_CLASSES[tone])}
    >
      {dot && <span aria-hidden="true" className={clsx('size-1.5 rounded-full', DOT_CLASSES[tone])} />}
      {children}
    </span>
  );
}
