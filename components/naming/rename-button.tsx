'use client';
// "Rename…" and its dialog, for anything the console names (a copy relationship, a volume): the
// current name to edit, the naming rule as the field's hint, the rule's problem as soon as the
// text breaks it, and the server's refusal (a name taken, 409; the rule, 400) under the field in
// its own words. Nothing changes until the server says so; the outcome is a toast.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogContent, DialogRoot, DialogTrigger, FormDialogFooter } from '@/components/ui/dialog';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { PencilIcon } from '@/components/ui/icons';
import { renameErrorOf, type RenameError } from '@/lib/client/rename-error';

export interface RenameButtonProps {
  /** What is renamed, in words: "copy relationship", "volume". */
  what: string;
  currentName: string;
  /** Who it is beyond its name, for the dialog's description. */
  context?: ReactNode;
  /** The naming rule in one line. */
  hint: string;
  /** The rule's problem with a name, to follow the field's label ("must start with …"), or null. */
  check: (name: string) => string | null;
  /** Asks the server; rejects with its ApiError. */
  rename: (name: string) => Promise<unknown>;
}

const NO_ERROR: RenameError = { field: null, form: null };

function RenameForm({ what, currentName, hint, check, rename, onDone }: Omit<RenameButtonProps, 'context'> & { onDone: () => void }) {
  const id = useId();
  const fieldId = `${id}-name`;
  const [name, setName] = useState(currentName);
  const [edited, setEdited] = useState(false);
  const [pending, setPending] = useState(false);
  const [server, setServer] = useState<RenameError>(NO_ERROR);
  const wanted = name.trim();
  const problem = check(wanted);
  const unchanged = wanted === currentName;
  const error = (edited && problem !== null ? `Name ${problem}` : null) ?? server.field ?? undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEdited(true);
    if (problem !== null || unchanged || pending) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    setPending(true);
    try {
      await rename(wanted);
      toast.success(`Renamed ${what} ${currentName} to ${wanted}`);
      onDone();
    } catch (refusal) {
      setServer(renameErrorOf(refusal));
      setPending(false);
      document.getElementById(fieldId)?.focus();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="contents">
      <DialogBody>
        <div className="flex flex-col gap-3">
          <Field id={fieldId} label="Name" error={error} hint={hint}>
            <input
              id={fieldId}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setEdited(true);
                setServer(NO_ERROR);
              }}
              onFocus={(event) => event.target.select()}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error !== undefined || undefined}
              aria-describedby={describedBy(fieldId, error, hint)}
              className={`${inputClasses(error !== undefined)} font-mono text-xs`}
            />
          </Field>
          <FormAlert messages={server.form === null ? [] : [server.form]} />
        </div>
      </DialogBody>
      <FormDialogFooter pending={pending} label="Rename" pendingLabel="Renaming…" disabled={unchanged} />
    </form>
  );
}

export function RenameButton({ what, currentName, context, ...form }: RenameButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <PencilIcon /> Rename…
        </Button>
      </DialogTrigger>
      <DialogContent
        width="sm"
        title={
          <>
            Rename {what} <span className="font-mono [overflow-wrap:anywhere]">{currentName}</span>
          </>
        }
        description={context}
      >
        <RenameForm what={what} currentName={currentName} {...form} onDone={() => setOpen(false)} />
      </DialogContent>
    </DialogRoot>
  );
}
