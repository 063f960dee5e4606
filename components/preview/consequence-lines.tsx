// Lines of what an action will do, those that need attention marked with a warning sign (named
// for screen readers), the rest with a quiet dot.
import clsx from 'clsx';
import { AlertIcon } from '@/components/ui/icons';
import type { PreviewLine } from '@/lib/client/preview-lines';

export function ConsequenceLines({ lines, testId, className }: { lines: readonly PreviewLine[]; testId?: string; className?: string }) {
  return (
    <ul className={clsx('flex flex-col gap-1.5', className)} data-testid={testId}>
      {lines.map((line, index) => (
        <li key={`${index}:${line.text}`} className={clsx('flex gap-2 leading-5', line.warn ? 'text-fg' : 'text-fg-muted')}>
          <span className="flex h-5 w-4 shrink-0 items-center justify-center">
            {line.warn ? <AlertIcon className="text-warn" aria-label="Attention" /> : <span aria-hidden className="size-1.5 rounded-full bg-fg-subtle" />}
          </span>
          <span>{line.text}</span>
        </li>
      ))}
    </ul>
  );
}
