'use client';
// Step 5: exactly what will happen, in sentences, then Create. When an existing volume's
// contents will be overwritten, Create waits until the target's name (or, for several pairs,
// the word "overwrite") is typed: a deliberate act, not a habitual Enter.
import clsx from 'clsx';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { AlertIcon } from '@/components/ui/icons';
import type { ReviewLine } from '@/lib/client/wizard-review';

export interface ReviewedPair {
  source: string;
  target: string;
  created: boolean;
}

/** Bulk: every pair at a glance, so the one review covers each of them. */
function PairList({ pairs }: { pairs: ReviewedPair[] }) {
  return (
    <div className="max-h-64 overflow-auto rounded border border-line">
      <table aria-label="Pairs to create" className="w-full border-collapse text-left text-xs">
        <thead className="sticky top-0 bg-surface-raised text-fg-muted">
          <tr>
            <th scope="col" className="h-7 border-b border-line px-3 font-medium">Source</th>
            <th scope="col" className="h-7 border-b border-line px-3 font-medium">Target</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={pair.source} className="[&:last-child>td]:border-b-0">
              <td className="h-7 border-b border-line px-3 font-mono">{pair.source}</td>
              <td className="h-7 border-b border-line px-3 font-mono">
                {pair.target} <span className="font-sans text-fg-muted">{pair.created ? '(new volume)' : '(existing: overwritten)'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReviewStep({ lines, pairs, confirmWord, startLabel, pending, failure, onCreate }: {
  lines: ReviewLine[];
  pairs: ReviewedPair[];
  /** What must be typed before Create, or null when nothing is overwritten. */
  confirmWord: string | null;
  startLabel: string;
  pending: boolean;
  failure: string[];
  onCreate: () => void;
}) {
  const [typed, setTyped] = useState('');
  const confirmed = confirmWord === null || typed.trim() === confirmWord;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmed && !pending) onCreate();
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Review and create" noValidate>
      <ul className="flex flex-col gap-1.5" data-testid="review-lines">
        {lines.map((line) => (
          <li key={line.text} className={clsx('flex gap-2 leading-5', line.warn ? 'text-fg' : 'text-fg-muted')}>
            <span className="flex h-5 w-4 shrink-0 items-center justify-center">{line.warn ? <AlertIcon className="text-warn" aria-label="Attention" /> : <span aria-hidden className="size-1.5 rounded-full bg-fg-subtle" />}</span>
            <span>{line.text}</span>
          </li>
        ))}
      </ul>
      {pairs.length > 1 && <PairList pairs={pairs} />}
      {confirmWord !== null && (
        <div className="flex flex-col gap-1 rounded border border-bad/40 bg-bad-soft p-3">
          <label htmlFor="wizard-confirm" className="text-xs font-medium text-fg">
            Type <span className="font-mono font-semibold">{confirmWord}</span> to confirm that existing data will be overwritten
          </label>
          <input id="wizard-confirm" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} className={`${inputClasses()} max-w-sm font-mono text-xs`} />
        </div>
      )}
      <FormAlert messages={failure} />
      <div className="flex justify-end">
        <Button type="submit" variant={confirmWord === null ? 'primary' : 'danger'} disabled={!confirmed || pending}>
          {pending ? 'Creating…' : startLabel}
        </Button>
      </div>
    </form>
  );
}
