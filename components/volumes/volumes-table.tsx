'use client';
// The Volumes table: the console's virtualized table with the volume columns.
import type { SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { VirtualTable } from '@/components/ui/virtual-table';
import { volumeColumns } from './volume-columns';
import type { VolumeRow } from './volume-row';

export interface VolumesTableProps {
  rows: VolumeRow[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onDelete: ((row: VolumeRow) => void) | null;
  empty: React.ReactNode;
}

const volumeId = (row: VolumeRow) => row.id;

export function VolumesTable({ rows, sorting, onSortingChange, onDelete, empty }: VolumesTableProps) {
  const columns = useMemo(() => volumeColumns(onDelete), [onDelete]);
  return (
    <VirtualTable rows={rows} columns={columns} getRowId={volumeId} sorting={sorting} onSortingChange={onSortingChange} label="Volumes table" empty={empty} />
  );
}
