import { Badge } from '@/components/ui/badge';
import type { Controller } from '@/lib/client/types';

/** "A online" / "B offline": green or red, with the slot so a glance at a row says which. */
export function ControllerBadge({ controller }: { controller: Pick<Controller, 'slot' | 'status'> }) {
  const online = controller.status === 'online';
  return (
    <Badge tone={online ? 'ok' : 'bad'} dot title={`Controller ${controller.slot} is ${controller.status}`}>
      {controller.slot} {controller.status}
    </Badge>
  );
}
