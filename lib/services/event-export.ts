// The event log (audit trail included) as CSV for a spreadsheet, with the same filters as the list.
import { stringify } from 'csv-stringify/sync';
import type { EventView } from './dto';
import { listEvents, type EventFilter } from './events';
import type { Runtime } from '../runtime';

const EVENT_CSV_COLUMNS = ['time', 'actor', 'kind', 'subjectType', 'subjectId', 'arrayId', 'outcome', 'status', 'address', 'details', 'simulatedTime'] as const;

/** A cell a spreadsheet would run as a formula gets a leading quote (OWASP CSV injection). */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function eventCsvRow(event: EventView): string[] {
  const details = (event.details ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  return [
    event.time,
    event.actor,
    event.kind,
    event.subjectType,
    event.subjectId,
    text(event.arrayId),
    text(details.outcome),
    text(details.status),
    text(details.address),
    JSON.stringify(event.details),
    // Last, so spreadsheets built on the earlier columns keep their places.
    text(event.simulatedTime),
  ].map(inert);
}

export async function exportEventsCsv(runtime: Runtime, query: EventFilter): Promise<string> {
  const events = await listEvents(runtime, query);
  return stringify([[...EVENT_CSV_COLUMNS], ...events.map(eventCsvRow)]);
}
