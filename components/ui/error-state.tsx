import { errorMessage } from '@/lib/client/api-error';
import { Button } from './button';
import { AlertIcon } from './icons';

/** A failed load: what went wrong, in the server's words, and a way to try again. */
export function ErrorState({ title = 'Could not load this data', error, onRetry }: { title?: string; error: unknown; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex items-start gap-3 rounded border border-bad/40 bg-bad-soft px-4 py-3">
      <AlertIcon className="mt-0.5 shrink-0 text-bad" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-fg">{title}</p>
        <p className="mt-0.5 break-words text-fg-muted">{errorMessage(error)}</p>
      </div>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}
