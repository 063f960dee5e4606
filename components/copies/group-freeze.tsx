'use client';
// A DS6000 consistency group's freeze (docs/domain.md#ds6000-consistency-groups): a badge saying
// until when its sources take no host writes, and Thaw (DS CLI unfreezeflash), which asks first
// and says the outcome in a toast. What a freeze is and when it ends are the API's to say
// (the group's frozen and frozenUntil); the console only shows them.
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/client/api-error';
import { clockParts, formatTimestamp } from '@/lib/client/clock-format';
import { useThawGroup, type ConsistencyGroup } from '@/lib/client/use-consistency-groups';

const FROZEN_MEANING = 'Its sources take no host writes (extended long busy) until the group is thawed or the freeze times out; reads go on.';

/** "Frozen until 14:03:07" (simulated time) while the group holds sources frozen; nothing otherwise. */
export function FrozenBadge({ group }: { group: Pick<ConsistencyGroup, 'frozen' | 'frozenUntil'> }) {
  if (!group.frozen || group.frozenUntil === null) return null;
  const untilMs = Date.parse(group.frozenUntil);
  return (
    <span data-testid="group-frozen">
      <Badge tone="warn" dot title={`${FROZEN_MEANING} Simulated time ${formatTimestamp(group.frozenUntil)}.`}>
        Frozen until <time dateTime={group.frozenUntil}>{Number.isNaN(untilMs) ? group.frozenUntil : clockParts(untilMs).time}</time>
      </Badge>
    </span>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Thaw… for a frozen group: every frozen source takes host writes again, at once. */
export function ThawGroupButton({ group }: { group: ConsistencyGroup }) {
  const [confirming, setConfirming] = useState(false);
  const thaw = useThawGroup();
  const buttonId = `thaw-group-${group.id}`;
  const close = () => {
    setConfirming(false);
    thaw.reset();
  };
  // mutateAsync, not mutate's callbacks: thawed, the group is no longer frozen and this button
  // leaves the page as soon as the list has the answer; TanStack drops the callbacks of an
  // unmounted caller, which would swallow the toast. A refusal also stays in the dialog.
  const run = () =>
    thaw.mutateAsync(group.id).then(
      ({ members }) => {
        setConfirming(false);
        toast.success(`Consistency group ${group.name} thawed`, {
          description: `Host writes to its sources go on again (${plural(members.length, 'relationship', 'relationships')} in the group).`,
        });
      },
      (error: unknown) => toast.error(`Consistency group ${group.name} was not thawed`, { description: errorMessage(error) }),
    );
  return (
    <>
      <Button id={buttonId} size="sm" onClick={() => setConfirming(true)} disabled={thaw.isPending}>
        Thaw…
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Thaw consistency group ${group.name}?`}
        confirmLabel="Thaw"
        pendingLabel="Thawing…"
        pending={thaw.isPending}
        tone="primary"
        error={thaw.isError ? errorMessage(thaw.error) : null}
        onConfirm={run}
        onClose={close}
        returnFocusId={buttonId}
      >
        <p>
          Every source the group holds frozen takes host writes again, at once (DS CLI <span className="font-mono">unfreezeflash</span>). The targets keep the
          point-in-time images taken so far; a relationship established into the group after the thaw is not consistent with them.
        </p>
      </ConfirmDialog>
    </>
  );
}
