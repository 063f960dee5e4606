'use client';
// Taking a SANtricity snapshot of a base volume: an optional name (the array's default is
// <base>-N) and the repository's share of the base; the server's refusal stays in the dialog.
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogContent, DialogRoot, DialogTrigger, FormDialogFooter } from '@/components/ui/dialog';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { Select } from '@/components/ui/select';
import { errorMessage } from '@/lib/client/api-error';
import { toBigBytes, toWireBytes, type Volume } from '@/lib/client/types';
import { REPOSITORY_PERCENT_DEFAULT, REPOSITORY_PERCENTS, repositoryBytesFor, useTakeSnapshot } from '@/lib/client/use-snapshots';
import { formatBytes } from '@/lib/units';

export function TakeSnapshotDialog({ base, disabledReason }: { base: Volume; disabledReason: string | null }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const [name, setName] = useState('');
  const [percent, setPercent] = useState<number>(REPOSITORY_PERCENT_DEFAULT);
  const take = useTakeSnapshot(base.id);
  const capacity = toBigBytes(base.capacityBytes);

  function change(next: boolean) {
    setOpen(next);
    if (!next) {
      take.reset();
      setName('');
      setPercent(REPOSITORY_PERCENT_DEFAULT);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    take.mutate(
      { ...(trimmed === '' ? {} : { name: trimmed }), repositoryCapacityBytes: toWireBytes(repositoryBytesFor(capacity, percent)) },
      {
        onSuccess: (snapshot) => {
          toast.success(`Snapshot ${snapshot.name} taken`, {
            description: `${base.name} as it is now; its repository holds ${formatBytes(repositoryBytesFor(capacity, percent))}.`,
          });
          change(false);
        },
      },
    );
  }

  const nameHint = `Optional: the array names it ${base.name}-1, ${base.name}-2, … by default.`;
  const repositoryHint = 'Before a base grain changes, its old data is saved here; when it is full, the snapshot fails (the base goes on).';
  return (
    <DialogRoot open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button disabled={disabledReason !== null} title={disabledReason ?? undefined} data-testid="take-snapshot">
          Take snapshot…
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Take a snapshot of ${base.name}`}
        description="A point-in-time image of the volume as it is now, readable and writable as a volume of its own."
      >
        <form onSubmit={submit} noValidate className="contents">
          <DialogBody>
            <div className="flex flex-col gap-3">
              <Field id={`${id}-name`} label="Snapshot name" hint={nameHint}>
                <input
                  id={`${id}-name`}
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                  placeholder={`${base.name}-1`}
                  autoComplete="off"
                  spellCheck={false}
                  aria-describedby={describedBy(`${id}-name`, undefined, nameHint)}
                  className={`${inputClasses()} font-mono`}
                />
              </Field>
              <Field id={`${id}-repository`} label="Repository" hint={repositoryHint}>
                <Select
                  id={`${id}-repository`}
                  value={String(percent)}
                  onValueChange={(value) => setPercent(Number(value))}
                  options={REPOSITORY_PERCENTS.map((share) => ({
                    value: String(share),
                    label: `${share} % of the base`,
                    hint: formatBytes(repositoryBytesFor(capacity, share)),
                  }))}
                  describedBy={describedBy(`${id}-repository`, undefined, repositoryHint)}
                />
              </Field>
              {take.isError && <FormAlert messages={[errorMessage(take.error)]} />}
            </div>
          </DialogBody>
          <FormDialogFooter pending={take.isPending} label="Take snapshot" pendingLabel="Taking…" />
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
