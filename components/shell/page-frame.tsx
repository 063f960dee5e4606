import clsx from 'clsx';
import type { ReactNode } from 'react';

/** Page padding and vertical rhythm. `fill` pages (big tables) take the full height instead of scrolling. */
export function PageFrame({ children, fill = false }: { children: ReactNode; fill?: boolean }) {
  return <div className={clsx('mx-auto flex w-full max-w-[1600px] flex-col gap-3 p-4', fill && 'min-h-0 flex-1')}>{children}</div>;
}
