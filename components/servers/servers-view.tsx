'use client';
// The Copy Services Servers page (seed 004): the console's nodes with their roles, the engine lease
// and the takeover history. Polled every 2 s (heartbeats and the lease are not pushed), and
// refetched at once when a takeover event is pushed (live-updates.tsx).
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { PageFrame } from '@/components/shell/page-frame';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { FILTER_ALL, FilterSelect } from '@/components/ui/filter-select';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { clusterSummary } from '@/lib/client/server-roles';
import { isServerRole, isServerSortColumn, isTakeoverSortColumn, parseServersView, SERVER_ROLES, serializeServersView } from '@/lib/client/server-url-state';
import { CLUSTER_PAGE_POLL_MS, useCluster } from '@/lib/client/use-cluster';
import { useUrlState } from '@/lib/client/use-url-state';
import { LeasePanel } from './lease-panel';
import { ServersTable } from './servers-table';
import { SingleNodeNote } from './single-node-note';
import { TakeoversTable } from './takeovers-table';

function toSorting(column: string | null, descending: boolean): SortingState {
  return column === null ? [] : [{ id: column, desc: descending }];
}

export function ServersView() {
  const [view, update] = useUrlState(parseServersView, serializeServersView);
  const cluster = useCluster({ pollMs: CLUSTER_PAGE_POLL_MS, singlePollMs: CLUSTER_PAGE_POLL_MS });
  const servers = useMemo(() => (cluster.data?.servers ?? []).filter((server) => view.role === '' || server.role === view.role), [cluster.data, view.role]);

  const onServerSorting = useCallback(
    (sorting: SortingState) => {
      const first = sorting[0];
      update((current) => ({ ...current, sort: isServerSortColumn(first?.id) ? first.id : null, descending: first?.desc ?? false }));
    },
    [update],
  );
  const onTakeoverSorting = useCallback(
    (sorting: SortingState) => {
      const first = sorting[0];
      update((current) => ({ ...current, takeoverSort: isTakeoverSortColumn(first?.id) ? first.id : null, takeoverDescending: first?.desc ?? false }));
    },
    [update],
  );

  const data = cluster.data;
  const roleOptions = [
    { value: FILTER_ALL, label: 'Any role' },
    ...SERVER_ROLES.map((role) => {
      const count = data?.servers.filter((server) => server.role === role).length ?? 0;
      return { value: role, label: `${role} (${count})` };
    }),
  ];

  return (
    <PageFrame>
      <PageHeader
        title="Copy Services Servers"
        description={
          <span aria-live="polite" data-testid="servers-summary">
            {data === undefined ? 'Loading the servers…' : clusterSummary(data)}
          </span>
        }
      />
      {cluster.isError && (
        <ErrorState
          title={data === undefined ? 'Could not load the servers' : 'Could not refresh the servers; showing the last answer'}
          error={cluster.error}
          onRetry={() => void cluster.refetch()}
        />
      )}
      {data?.mode === 'single' && <SingleNodeNote />}
      {data?.mode === 'cluster' && <LeasePanel cluster={data} />}
      {(data !== undefined || cluster.isPending) && (
        <Panel
          title="Servers"
          titleId="servers-title"
          bodyClassName="overflow-x-auto"
          actions={
            data?.mode === 'cluster' && (
              <div role="search" aria-label="Filter servers" className="flex items-center gap-2">
                <FilterSelect
                  id="server-role"
                  label="Role"
                  value={view.role}
                  options={roleOptions}
                  onChange={(role) => update((current) => ({ ...current, role: isServerRole(role) ? role : '' }))}
                  className="w-36"
                />
              </div>
            )
          }
        >
          {data === undefined ? (
            <TableSkeleton label="Loading the servers" rows={2} columns={5} />
          ) : servers.length === 0 ? (
            <EmptyState
              title={`No ${view.role} servers`}
              action={
                <Button size="sm" onClick={() => update((current) => ({ ...current, role: '' }))}>
                  Show every role
                </Button>
              }
            />
          ) : (
            <ServersTable servers={servers} sorting={toSorting(view.sort, view.descending)} onSortingChange={onServerSorting} />
          )}
        </Panel>
      )}
      {data?.mode === 'cluster' && (
        <Panel title="Takeovers" titleId="takeovers-title" bodyClassName="overflow-x-auto">
          {data.takeovers.length === 0 ? (
            <EmptyState title="No takeovers yet">Each time a node becomes the primary, it is listed here.</EmptyState>
          ) : (
            <TakeoversTable takeovers={data.takeovers} sorting={toSorting(view.takeoverSort, view.takeoverDescending)} onSortingChange={onTakeoverSorting} />
          )}
        </Panel>
      )}
    </PageFrame>
  );
}
