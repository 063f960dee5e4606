'use client';
// The question before a destructive copy action, for one copy or a selection: what it is, on
// what, and what it does to the data. Focus starts on Cancel, the safe choice.
import { useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogClose, DialogContent, DialogFooter, DialogRoot } from '@/components/ui/dialog';

export function ConfirmCopyAction({ open, title, confirmLabel, busy, onConfirm, onCancel, children }: { open: boolean; title: string; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void; children: ReactNode }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <DialogRoot open={open} onOpenChange={(next) => !next && !busy && onCancel()}>
      {open && (
        <DialogContent
          role="alertdialog"
          width="sm"
          title={title}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            cancelRef.current?.focus();
          }}
        >
          <DialogBody>{children}</DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button ref={cancelRef} disabled={busy}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant="danger" onClick={onConfirm} disabled={busy}>
              {busy ? 'Working…' : confirmLabel}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </DialogRoot>
  );
}
