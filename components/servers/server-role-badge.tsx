import { Badge, type BadgeTone } from '@/components/ui/badge';
import { SERVER_ROLE_DESCRIPTIONS } from '@/lib/client/server-roles';
import type { ServerRole } from '@/lib/services/cluster';

const TONE_BY_ROLE: Record<ServerRole, BadgeTone> = { primary: 'ok', backup: 'accent', unreachable: 'bad', stopped: 'neutral' };

/** A Copy Services Server's role as a badge; hovering it says what the role means. */
export function ServerRoleBadge({ role }: { role: ServerRole }) {
  return (
    <Badge tone={TONE_BY_ROLE[role]} dot title={SERVER_ROLE_DESCRIPTIONS[role]}>
      {role}
    </Badge>
  );
}
