import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Volume } from '@/lib/client/types';

const TONE_BY_STATUS: Record<Volume['status'], BadgeTone> = { online: 'ok', offline: 'bad', failed: 'bad' };

export function VolumeStatusBadge({ status }: { status: Volume['status'] }) {
  return (
    <Badge tone={TONE_BY_STATUS[status]} dot>
      {status}
    </Badge>
  );
}
