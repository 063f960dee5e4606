'use client';
// Step 5: exactly what will happen, in sentences (the engine's preview of these pairs, after what
// the wizard itself creates), then Create. Create waits for the engine's answer and stays off when
// it refuses, saying why. When the engine says an existing volume's contents are overwritten,
// Create waits until the target's name (or, for several pairs, the word "overwrite") is typed: a
// deliberate act, not a habitual Enter.
import { useState, type FormEvent } from 'react';
import { ConsequenceLines } from '@/components/preview/consequence-lines';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
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
            <th scope="col" className="h-7 border-b border-line px-3 font-medium">
              Source
            </th>
            <th scope="col" className="h-7 border-b border-line px-3 font-medium">
              Target
            </th>
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

export interface ReviewState {
  lines: ReviewLine[];
  /** The engine's answer is on its way. */
  pending: boolean;
  error: Error | null;
  retry: () => void;
  /** Why the engine would refuse; Create stays off while there is any. */
  refusals: string[];
}

export function ReviewStep({
  review,
  pairs,
  confirmWord,
  startLabel,
  pending,
  failure,
  onCreate,
}: {
  review: ReviewState;
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
  const judged = !review.pending && review.error === null && review.refusals.length === 0;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmed && judged && !pending) onCreate();
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Review and create" noValidate>
      <ConsequenceLines lines={review.lines} testId="review-lines" />
      {review.pending && (
        <p role="status" className="text-xs text-fg-muted" data-testid="review-pending">
          Asking the engine what creating {pairs.length === 1 ? 'this copy' : 'these copies'} will do…
        </p>
      )}
      {review.error !== null && <ErrorState title="Could not ask the engine what this will do" error={review.error} onRetry={review.retry} />}
      <FormAlert messages={review.refusals} />
      {pairs.length > 1 && <PairList pairs={pairs} />}
      {confirmWord !== null && (
        <div className="flex flex-col gap-1 rounded border border-bad/40 bg-bad-soft p-3">
          <label htmlFor="wizard-confirm" className="text-xs font-medium text-fg">
            Type <span className="font-mono font-semibold">{confirmWord}</span> to confirm that existing data will be overwritten
          </label>
          <input
            id="wizard-confirm"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className={`${inputClasses()} max-w-sm font-mono text-xs`}
          />
        </div>
      )}
      <FormAlert messages={failure} />
      <div className="flex justify-end">
        <Button type="submit" variant={confirmWord === null ? 'primary' : 'danger'} disabled={!confirmed || !judged || pending}>
          {pending ? 'Creating…' : startLabel}
        </Button>
      </div>
    </form>
  );
}
