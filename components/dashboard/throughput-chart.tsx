'use client';
// Aggregate copy throughput over the last ten minutes, live: one sample a second pushed by the
// server (lib/realtime/throughput.ts), in the simulated bytes per second every copy's rate uses.
// Plotted along real time: samples come once a real second, and along the simulated clock a spell
// at 100× would crush the minutes before it into the left edge.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { clockParts } from '@/lib/client/clock-format';
import { formatRate } from '@/lib/units';
import { useThemeColors } from '@/lib/client/use-theme-colors';
import { useThroughput } from '@/lib/client/use-throughput';

const COLORS = ['accent', 'fg-muted', 'line'] as const;
const clock = (ms: number) => clockParts(ms).time;

export function ThroughputChart() {
  const throughput = useThroughput();
  const colors = useThemeColors(COLORS);
  if (throughput.isError) return <ErrorState title="Could not load the throughput" error={throughput.error} onRetry={() => void throughput.refetch()} />;
  if (throughput.isPending || colors === null) return <Skeleton className="h-48" />;
  const data = throughput.data.samples.map((sample) => ({ timeMs: Date.parse(sample.time), bytesPerSec: sample.bytesPerSec }));
  const latest = data.at(-1)?.bytesPerSec ?? 0;
  const peak = data.reduce((max, point) => Math.max(max, point.bytesPerSec), 0);
  const minutes = Math.max(1, Math.round(data.length / 60));
  const summary =
    peak === 0 ? `No copy moved data in the last ${minutes} min` : `Now ${formatRate(latest)} · peak ${formatRate(peak)} over the last ${minutes} min`;
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-xs text-fg-muted tabular-nums" data-testid="throughput-summary" aria-live="off">
        {summary}
      </figcaption>
      {peak === 0 ? (
        // Nothing to plot: an axis of 0–4 B/s would invent a scale no copy ran at.
        <div className="flex h-44 items-center justify-center rounded border border-dashed border-line text-xs text-fg-muted" data-testid="throughput-empty">
          The chart fills in as copies move data.
        </div>
      ) : (
        <div className="h-44" role="img" aria-label={`Aggregate copy throughput: ${summary}`}>
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={colors.line} strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="timeMs"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                tickFormatter={clock}
                stroke={colors['fg-muted']}
                fontSize={11}
                minTickGap={48}
              />
              <YAxis
                dataKey="bytesPerSec"
                tickFormatter={(value: number) => formatRate(value)}
                stroke={colors['fg-muted']}
                fontSize={11}
                width={84}
                allowDecimals={false}
              />
              <Tooltip
                labelFormatter={(value) => `${clock(Number(value))} (real time)`}
                formatter={(value) => [formatRate(Number(value)), 'Throughput']}
                contentStyle={{ fontSize: 12 }}
              />
              <Area
                type="monotone"
                dataKey="bytesPerSec"
                stroke={colors.accent}
                fill={colors.accent}
                fillOpacity={0.18}
                strokeWidth={1.5}
                isAnimationActive={false}
                dot={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
