import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ROLE_DESCRIPTIONS, type Role } from '@/lib/auth/roles';

const TONE_BY_ROLE: Record<Role, BadgeTone> = { admin: 'accent', operator: 'ok', monitor: 'neutral' };

/** A role as a badge; hovering it gives what the role may do. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={TONE_BY_ROLE[role]} title={ROLE_DESCRIPTIONS[role]}>
      {role}
    </Badge>
  );
}
