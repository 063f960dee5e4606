// How far the background copy is (percent, bytes, rate, ETA in simulated time) and the facts that
// frame it: what changed since the point in time, when that was, and the grain size.
import { CopyProgress } from '@/components/copies/copy-progress';
import type { ReactNode } from 'react';
import { ClockTime } from '@/components/ui/clock-time';
import { simulatedTime } from '@/lib/client/clock-format';
import { Panel } from '@/components/ui/panel';
import { stoppedEarly } from '@/lib/client/copy-progress-state';
import type { Copy } from '@/lib/client/types';
import { formatBytes } from '@/lib/units';
import { pointInTimeName } from './point-in-time';

/**
 * Before its point in time a relationship has no "changed since": a pair never split counts what is
 * out of sync, a mapping never started tracks nothing yet (a size would suggest a split or a T0
 * that never happened).
 */
function differentialFact(copy: Copy): [string, string] {
  if (copy.pointInTime !== null) return [`Changed since ${pointInTimeName(copy.model)}`, formatBytes(copy.differentialBytes)];
  if (copy.model === 'xp7') return ['Out of sync', formatBytes(copy.differentialBytes)];
  return [`Changed since ${pointInTimeName(copy.model)}`, stoppedEarly(copy) ? 'not tracked since the stop' : 'not tracked yet'];
}

/** A stop that discarded the target's data took its point in time with it (the last start stays in the header). */
function pointInTimeText(copy: Copy): ReactNode {
  if (copy.pointInTime !== null) return <ClockTime time={simulatedTime(copy.pointInTime)} />;
  return stoppedEarly(copy) && copy.lastStarted !== null ? 'none since the stop' : 'none yet';
}

export function CopyProgressPanel({ copy }: { copy: Copy }) {
  const facts: [string, ReactNode][] = [
    differentialFact(copy),
    ['Point in time', pointInTimeText(copy)],
    ['Grain size', formatBytes(copy.grainBytes)],
    ['Created', <ClockTime key="created" time={simulatedTime(copy.createdAt)} />],
  ];
  return (
    <Panel title="Progress" titleId="progress-title" bodyClassName="flex flex-col gap-3 p-3">
      <CopyProgress copy={copy} />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label} className="flex min-w-0 flex-col">
            <dt className="text-fg-muted">{label}</dt>
            <dd className="truncate text-fg tabular-nums" data-testid={label === 'Point in time' ? 'point-in-time' : undefined}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
