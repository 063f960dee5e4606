'use client';
// A column header that sorts on click, Enter or Space (it is a button), and tells assistive
// technology the current order through aria-sort on the <th>.
import type { Header } from '@tanstack/react-table';
import { flexRender } from '@tanstack/react-table';
import clsx from 'clsx';
import { SortIcon } from './icons';

export function ariaSort(direction: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  if (direction === 'asc') return 'ascending';
  if (direction === 'desc') return 'descending';
  return 'none';
}

export function HeaderLabel<T>({ header, align = 'left' }: { header: Header<T, unknown>; align?: 'left' | 'right' }) {
  const content = flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <span className="truncate">{content}</span>;
  const direction = header.column.getIsSorted();
  return (
    <button
      type="button"
      onClick={header.column.getToggleSortingHandler()}
      className={clsx(
        '-mx-1 inline-flex max-w-full items-center gap-1 rounded px-1 hover:text-fg',
        align === 'right' && 'flex-row-reverse',
        direction ? 'text-fg' : '',
      )}
    >
      <span className="truncate">{content}</span>
      <SortIcon sortDirection={direction} className={direction ? 'text-accent' : 'text-fg-subtle'} />
    </button>
  );
}
