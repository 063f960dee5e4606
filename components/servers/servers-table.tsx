'use client';
// The Copy Services Servers, one dense row each; the sort is the page's (kept in the URL), the
// role filter picks rows before they get here.
import { createColumnHelper, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import '@/components/ui/column-meta';
import { Badge } from '@/components/ui/badge';
import { ClockTime } from '@/components/ui/clock-time';
import { DataTable } from '@/components/ui/data-table';
import { wallTime } from '@/lib/client/clock-format';
import { serverRoleRank } from '@/lib/client/server-roles';
import type { ServerSortColumn } from '@/lib/client/server-url-state';
import type { CopyServicesServer } from '@/lib/client/use-cluster';
import { RelativeTime } from './relative-time';
import { ServerRoleBadge } from './server-role-badge';

const column = createColumnHelper<CopyServicesServer>();

const COLUMNS = [
  column.accessor('name', {
    id: 'name' satisfies ServerSortColumn,
    header: 'Name',
    sortingFn: 'alphanumeric',
    cell: (info) => (
      <span className="flex items-center gap-1.5">
        <span className="font-medium text-fg">{info.getValue()}</span>
        {info.row.original.thisNode && (
          <Badge tone="neutral" title="The node this browser is connected to">
            this node
          </Badge>
        )}
      </span>
    ),
  }),
  column.accessor((server) => serverRoleRank(server.role), {
    id: 'role' satisfies ServerSortColumn,
    header: 'Role',
    meta: { width: '8rem' },
    cell: (info) => <ServerRoleBadge role={info.row.original.role} />,
  }),
  column.accessor('startedAt', {
    id: 'since' satisfies ServerSortColumn,
    header: 'Since',
    meta: { width: '11rem' },
    cell: (info) => <ClockTime time={wallTime(info.getValue())} className="font-mono text-xs text-fg-muted" />,
  }),
  column.accessor('heartbeatAt', {
    id: 'heartbeat' satisfies ServerSortColumn,
    header: 'Last heartbeat',
    meta: { width: '10rem' },
    cell: (info) => {
      const { stoppedAt } = info.row.original;
      return stoppedAt === null ? (
        <RelativeTime iso={info.getValue()} className="text-xs tabular-nums" />
      ) : (
        <span className="text-xs text-fg-muted">
          stopped <RelativeTime iso={stoppedAt} className="tabular-nums" />
        </span>
      );
    },
  }),
  column.accessor('url', {
    id: 'url' satisfies ServerSortColumn,
    header: 'URL',
    sortingFn: 'alphanumeric',
    cell: (info) => <span className="font-mono text-xs text-fg-muted">{info.getValue()}</span>,
  }),
  column.display({
    id: 'vendorPorts',
    header: 'Vendor ports',
    meta: { width: '15rem' },
    cell: (info) => <VendorPorts ports={info.row.original.vendorPorts} />,
  }),
];

const PORT_LABELS = [
  ['svcRest', 'REST', 'SVC REST API (HTTPS)'],
  ['svcSsh', 'SSH', 'SVC CLI over SSH'],
  ['nbd', 'NBD', 'NBD for block tools'],
] as const;

/** Where a client points the vendors' tools on this node; a backup relays them to the primary. */
function VendorPorts({ ports }: { ports: CopyServicesServer['vendorPorts'] }) {
  const open = PORT_LABELS.filter(([key]) => ports[key] !== null);
  if (open.length === 0) return <span className="text-xs text-fg-muted">none</span>;
  return (
    <span className="font-mono text-xs text-fg-muted">
      {open.map(([key, label, title], index) => (
        <span key={key} title={`${title} on port ${ports[key]}`}>
          {index > 0 && ' · '}
          {label} {ports[key]}
        </span>
      ))}
    </span>
  );
}

export function ServersTable({
  servers,
  sorting,
  onSortingChange,
}: {
  servers: CopyServicesServer[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}) {
  const handleSorting = (updater: Updater<SortingState>) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table mutates its instance, which the React Compiler cannot memoize; the compiler is not enabled here.
  const table = useReactTable({
    data: servers,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: handleSorting,
    enableMultiSort: false,
    sortDescFirst: false,
    getRowId: (server) => server.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return <DataTable table={table} label="Copy Services Servers" minWidth="900px" />;
}
