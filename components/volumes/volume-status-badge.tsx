import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Volume } from '@/lib/client/types';

const TONE_BY_STATUS: Record<Volume['status'], BadgeTone> = { online: 'ok', offline: 'bad', failed: 'bad' };

export function VolumeStatusBadge({ status, reason }: { status: Volume['status']; reason?: string | null | undefined }) {
  return (
    <span title={reason ?? undefined}>
      <Badge tone={TONE_BY_STATUS[status]} dot>
        {status}
      </Badge>
      {reason ? <span className="sr-only">: {reason}</span> : null}
    </span>
  );
}
