// An event's details object as compact key=value pairs; byte counts shown in human units.
import { formatBytes } from '@/lib/units';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function display(key: string, value: unknown): string {
  if (key.endsWith('Bytes') && (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))) {
    return formatBytes(BigInt(value));
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function EventDetails({ details }: { details: unknown }) {
  if (!isRecord(details)) return details === null || details === undefined ? null : <span>{JSON.stringify(details)}</span>;
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="text-fg-subtle">—</span>;
  return (
    <span className="flex flex-wrap gap-x-3 gap-y-0.5" title={JSON.stringify(details)}>
      {entries.map(([key, value]) => (
        // A pair stays on one line unless it is longer than the column (an id, a long name): then it wraps.
        <span key={key} className="max-w-full [overflow-wrap:anywhere]">
          <span className="text-fg-subtle">{key}</span> <span className="text-fg">{display(key, value)}</span>
        </span>
      ))}
    </span>
  );
}
