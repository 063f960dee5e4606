// Layout hints every table in the console can put on a TanStack column definition.
import type { RowData } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameters must match TanStack's declaration to merge with it.
  interface ColumnMeta<TData extends RowData, TValue> {
    align?: 'left' | 'right';
    /** CSS width for fixed-layout tables, e.g. "12rem" or "8%". */
    width?: string;
    /**
     * Hidden while the table's box is narrower than this many pixels (VirtualTable): on a laptop
     * or a phone the least needed columns give way so names stay readable without sideways scroll.
     */
    hideBelowPx?: number;
    /**
     * Where the column goes on a card (VirtualTable with cards, below md): 'select', 'title' and
     * 'actions' share the card's first line, in that order; 'hidden' leaves it off the card (its
     * header too); by default it is a line of the card, labelled with `cardLabel` or its header.
     */
    cardSlot?: 'select' | 'title' | 'actions' | 'hidden';
    /** A card line's label when the header is not a string, or says it otherwise. */
    cardLabel?: string;
  }
}

export {};
