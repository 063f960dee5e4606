'use client';
// Aggregate copy throughput over the last ten minutes, live: one sample a second pushed by the
// server (lib/realtime/throughput.ts), in the simulated bytes per second every copy's rate uses.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatRate } from '@/lib/units';
import { useThemeColors } from '@/lib/client/use-theme-colors';
import { useThroughput } from '@/lib/client/use-throughput';

const COLORS = ['accent', 'fg-muted', 'line'] as const;
const pad = (value: number) => String(value).padStart(2, '0');
const clock = (ms: number) => {
  const date = new Date(ms);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
};

export function ThroughputChart() {
  const throughput = useThroughput();
  const colors = useThemeColors(COLORS);
  if (throughput.isError) return <ErrorState title="Could not load the throughput" error={throughput.error} onRetry={() => void throughput.refetch()} />;
  if (throughput.isPending || colors === null) return <Skeleton className="h-48" />;
  const data = throughput.data.samples.map((sample) => ({ timeMs: Date.parse(sample.time), bytesPerSec: sample.bytesPerSec }));
  const latest = data.at(-1)?.bytesPerSec ?? 0;
  const peak = data.reduce((max, point) => Math.max(max, point.bytesPerSec), 0);
  const summary = `Now ${formatRate(latest)} · peak ${formatRate(peak)} over the last ${Math.max(1, Math.round(data.length / 60))} min`;
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-xs text-fg-muted tabular-nums" data-testid="throughput-summary" aria-live="off">
        {summary}
      </figcaption>
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
              labelFormatter={(value) => clock(Number(value))}
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
    </figure>
  );
}
