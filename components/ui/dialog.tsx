'use client';
// The console's modal: Radix Dialog (focus trap, Escape, aria wiring) with a title bar, and
// body/footer parts a form can wrap so Enter submits it.
import * as RadixDialog from '@radix-ui/react-dialog';
import clsx from 'clsx';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';
import { CloseIcon } from './icons';

export const DialogRoot = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export function DialogContent({
  title,
  description,
  children,
  role = 'dialog',
  width = 'md',
  onOpenAutoFocus,
  onCloseAutoFocus,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  role?: 'dialog' | 'alertdialog';
  width?: 'sm' | 'md';
  /** Radix focuses the first focusable element; confirmations move focus to the safe choice instead. */
  onOpenAutoFocus?: (event: Event) => void;
  /** Radix returns focus to the Trigger; a dialog opened from a menu or a table row says where instead. */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  // Radix wires aria-describedby to its Description; without one it wants an explicit opt-out.
  const describedBy = description ? {} : { 'aria-describedby': undefined };
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/45" />
      <RadixDialog.Content
        role={role}
        onOpenAutoFocus={onOpenAutoFocus}
        onCloseAutoFocus={onCloseAutoFocus}
        {...describedBy}
        className={clsx(
          'fixed top-[10vh] left-1/2 z-50 flex max-h-[80vh] w-[calc(100vw-2rem)] -translate-x-1/2 flex-col rounded-md border border-line-strong bg-surface text-fg shadow-2xl',
          width === 'sm' ? 'max-w-md' : 'max-w-lg',
        )}
      >
        <div className="border-b border-line py-3 pr-12 pl-4">
          <RadixDialog.Title className="text-sm font-semibold">{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className="mt-1 text-fg-muted">{description}</RadixDialog.Description> : null}
        </div>
        {children}
        {/* Last in the DOM, so opening the dialog focuses its first field rather than Close. */}
        <RadixDialog.Close className="absolute top-2.5 right-3 rounded p-1 text-fg-subtle hover:bg-surface-hover hover:text-fg" aria-label="Close">
          <CloseIcon />
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/**
 * The dialog's scrolling middle. When its content is taller than the dialog (a preview listing many
 * volumes), keyboard users must be able to scroll it: it joins the tab order then, and only then,
 * so a short dialog keeps its focus order (WCAG scrollable-region-focusable).
 */
export function DialogBody({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setScrolls(element.scrollHeight > element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, [children]);
  return (
    <div ref={ref} tabIndex={scrolls ? 0 : undefined} className="min-h-0 overflow-y-auto px-4 py-3">
      {children}
    </div>
  );
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="flex justify-end gap-2 rounded-b-md border-t border-line bg-surface-raised px-4 py-2.5">{children}</div>;
}

/** A form dialog's footer: Cancel closes, the submit button says what it does and when it is busy. */
export function FormDialogFooter({
  pending,
  label,
  pendingLabel,
  variant = 'primary',
  disabled = false,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'danger';
  disabled?: boolean;
}) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button disabled={pending}>Cancel</Button>
      </DialogClose>
      <Button type="submit" variant={variant} disabled={disabled || pending}>
        {pending ? pendingLabel : label}
      </Button>
    </DialogFooter>
  );
}
