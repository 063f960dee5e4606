// An audit line read the way an administrator asks about it: did it go through, what did the
// server answer, from where, by which credential, and why it was refused.
import { Badge, type BadgeTone } from '@/components/ui/badge';

export interface AuditFacts {
  method?: string;
  path?: string;
  status?: number;
  outcome?: string;
  address?: string;
  via?: string;
  role?: string;
  message?: string;
}

const OUTCOME_TONE: Record<string, BadgeTone> = { succeeded: 'ok', refused: 'warn', failed: 'bad' };

export function isAuditFacts(details: unknown): details is AuditFacts {
  return typeof details === 'object' && details !== null && 'outcome' in details && 'status' in details;
}

export function AuditDetails({ facts }: { facts: AuditFacts }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-0.5" title={JSON.stringify(facts)}>
      <Badge tone={OUTCOME_TONE[facts.outcome ?? ''] ?? 'neutral'}>
        {facts.outcome ?? 'unknown'} {facts.status ?? ''}
      </Badge>
      {facts.address ? (
        <span className="whitespace-nowrap">
          <span className="text-fg-subtle">from</span> <span className="font-mono">{facts.address}</span>
        </span>
      ) : null}
      {/* The log records "none" for a caller without session or token: said in words, not as the field's value. */}
      {facts.via === 'none' ? <span className="whitespace-nowrap text-fg-subtle">not signed in</span> : null}
      {facts.via && facts.via !== 'none' ? (
        <span className="whitespace-nowrap">
          <span className="text-fg-subtle">via</span> {facts.via}
          {facts.role ? ` (${facts.role})` : ''}
        </span>
      ) : null}
      {facts.message ? <span className="text-fg-muted">{facts.message}</span> : null}
    </span>
  );
}
