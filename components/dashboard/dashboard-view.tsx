'use client';
import Link from 'next/link';
import { useMemo } from 'react';
import { CopiesSummary } from '@/components/copies/copies-summary';
import { EventsTable } from '@/components/events/events-table';
import { PageFrame } from '@/components/shell/page-frame';
import { CapacityBar } from '@/components/ui/capacity-bar';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import { modelDisplayName } from '@/lib/client/array-models';
import type { StorageArray } from '@/lib/client/types';
import { useArrays } from '@/lib/client/use-arrays';
import { useEvents } from '@/lib/client/use-events';
import { formatBytes } from '@/lib/units';
import { ActiveCopies } from './active-copies';
import { summarizeFleet } from './fleet-summary';
import { ModelsTable } from './models-table';
import { StatTile } from './stat-tile';
import { ThroughputChart } from './throughput-chart';

const LATEST_EVENT_COUNT = 10;

function FleetTiles({ arrays }: { arrays: StorageArray[] }) {
  const fleet = useMemo(() => summarizeFleet(arrays), [arrays]);
  const models = fleet.byModel.filter((m) => m.arrayCount > 0);
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <StatTile label="Arrays" value={fleet.arrayCount}>
          {models.map((m) => `${m.arrayCount} ${modelDisplayName(m.model)}`).join(' · ') || 'No arrays'}
        </StatTile>
        <StatTile
          label="Controllers"
          value={
            <span>
              <span className="text-ok">{fleet.controllersOnline}</span>
              <span className="text-base font-normal text-fg-muted"> online</span>
              <span className="text-base font-normal text-fg-subtle"> · </span>
              <span className={fleet.controllersOffline > 0 ? 'text-bad' : 'text-fg-muted'}>{fleet.controllersOffline}</span>
              <span className="text-base font-normal text-fg-muted"> offline</span>
            </span>
          }
        >
          Two per array (A and B)
        </StatTile>
        <StatTile label="Volumes" value={fleet.volumeCount.toLocaleString('en-US')}>
          In {fleet.poolCount} pools ·{' '}
          <Link href="/volumes" className="text-accent hover:underline">
            Browse volumes
          </Link>
        </StatTile>
        <StatTile label="Capacity" value={formatBytes(fleet.capacityBytes)}>
          <CapacityBar usedBytes={fleet.usedBytes.toString()} capacityBytes={fleet.capacityBytes.toString()} />
        </StatTile>
      </div>
      <Panel
        title="Arrays by model"
        titleId="models-title"
        bodyClassName="overflow-x-auto"
        actions={
          <Link href="/arrays" className="text-xs text-accent hover:underline">
            All arrays
          </Link>
        }
      >
        <ModelsTable models={fleet.byModel} arrays={arrays} labelledBy="models-title" />
      </Panel>
    </>
  );
}

function LatestEvents() {
  // What happened to the storage; who asked for what is one click away in the audit view.
  const events = useEvents({ limit: LATEST_EVENT_COUNT, category: 'changes' });
  return (
    <Panel
      title="Latest events"
      titleId="latest-events-title"
      bodyClassName="overflow-x-auto"
      actions={
        <Link href="/events" className="text-xs text-accent hover:underline">
          All events
        </Link>
      }
    >
      {events.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load the events" error={events.error} onRetry={() => void events.refetch()} />
        </div>
      ) : events.isPending ? (
        <TableSkeleton label="Loading events" rows={5} columns={4} />
      ) : events.data.length === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <EventsTable events={events.data} compact label="Latest events" />
      )}
    </Panel>
  );
}

export function DashboardView() {
  const arrays = useArrays();
  return (
    <PageFrame>
      <PageHeader title="Dashboard" description="The fleet at a glance." />
      {arrays.isError ? (
        <ErrorState title="Could not load the fleet" error={arrays.error} onRetry={() => void arrays.refetch()} />
      ) : arrays.isPending ? (
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" role="status" aria-label="Loading the fleet">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-20" />
          ))}
        </div>
      ) : (
        <FleetTiles arrays={arrays.data} />
      )}
      <div className="grid gap-3 xl:grid-cols-[2fr_1fr]">
        <Panel title="Copy throughput, last 10 minutes" titleId="throughput-title" bodyClassName="p-3">
          <ThroughputChart />
        </Panel>
        <Panel title="Copy relationships" titleId="copies-title">
          <CopiesSummary />
        </Panel>
      </div>
      <div className="grid gap-3 xl:grid-cols-2">
        <Panel
          title="Active copies"
          titleId="active-copies-title"
          actions={
            <Link href="/copies?sort=eta" className="text-xs text-accent hover:underline">
              All copies
            </Link>
          }
        >
          <ActiveCopies />
        </Panel>
        <LatestEvents />
      </div>
    </PageFrame>
  );
}
