'use client';
// A yes/no question before something that cannot be taken back. The safe choice has focus, so an
// Enter pressed out of habit cancels; a refusal from the server stays in the dialog, in its words.
import { useRef, type ReactNode } from 'react';
import { Button } from './button';
import { DialogBody, DialogClose, DialogContent, DialogFooter, DialogRoot } from './dialog';
import { FormAlert } from './form-alert';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Confirming is not possible yet (e.g. what it would do is still being asked, or it would be refused). */
  confirmDisabled?: boolean;
  error?: string | null;
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onClose: () => void;
  /** Id of the element that opened the dialog (a row's menu button), focused again on close. */
  returnFocusId?: string;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  confirmDisabled = false,
  error,
  tone = 'danger',
  onConfirm,
  onClose,
  returnFocusId,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <DialogRoot open={open} onOpenChange={(next) => !next && !pending && onClose()}>
      {open && (
        <DialogContent
          role="alertdialog"
          width="sm"
          title={title}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            cancelRef.current?.focus();
          }}
          onCloseAutoFocus={(event) => {
            const target = returnFocusId === undefined ? null : document.getElementById(returnFocusId);
            if (target === null) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <DialogBody>
            <div className="flex flex-col gap-3">
              <div>{children}</div>
              <FormAlert messages={error ? [error] : []} />
            </div>
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button ref={cancelRef} disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant={tone} onClick={onConfirm} disabled={pending || confirmDisabled}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </DialogRoot>
  );
}
