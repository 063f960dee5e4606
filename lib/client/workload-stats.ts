// A running workload's counters in words: what the host managed, and what the volume refused
// (423) and why, in the engine's own sentence ("… is the S-VOL of pair … in state PAIR, where it
// is read-only").
import type { Workload } from './types';

const count = (value: number) => value.toLocaleString('en-US');
const plural = (value: number, one: string, many: string) => `${count(value)} ${value === 1 ? one : many}`;

/** "120 writes refused" / "3 reads and 120 writes refused" / null when nothing was refused. */
export function refusedText(stats: Workload['stats']): string | null {
  if (stats.rejected === 0) return null;
  const reads = stats.rejected - stats.rejectedWrites;
  const parts = [reads > 0 ? plural(reads, 'read', 'reads') : null, stats.rejectedWrites > 0 ? plural(stats.rejectedWrites, 'write', 'writes') : null].filter(
    (part) => part !== null,
  );
  return `${parts.join(' and ')} refused`;
}

/** The last refusal's reason as a sentence, first letter up. */
export function refusalReason(stats: Workload['stats']): string | null {
  if (stats.lastError === null || stats.lastError === '') return null;
  return stats.lastError.charAt(0).toUpperCase() + stats.lastError.slice(1);
}

/** Share of issued operations the volume refused, 0–100. */
export function refusedPercent(stats: Workload['stats']): number {
  const issued = stats.reads + stats.writes + stats.rejected;
  return issued === 0 ? 0 : (stats.rejected * 100) / issued;
}

/** "Limited to 80 of the requested 2,000 IOPS" when the data plane holds the workload back, else null. */
export function limitedText(workload: Pick<Workload, 'iops' | 'stats'>): string | null {
  const limited = workload.stats.limitedToIops;
  if (limited === null || limited >= workload.iops) return null;
  return `Limited to ${count(limited)} of the requested ${count(workload.iops)} IOPS`;
}
