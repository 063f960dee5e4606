// The event log (audit trail included) as CSV, with the same filters as GET /api/events.
import { stringify } from 'csv-stringify/sync';
import { EventExportQuery } from '@/lib/api/fleet-schemas';
import { readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { EVENT_CSV_COLUMNS, eventCsvRow, listEvents } from '@/lib/services/events';

export const GET = route('read', async (request) => {
  const events = await listEvents(getRuntime().db, readQuery(request, EventExportQuery));
  const csv = stringify([[...EVENT_CSV_COLUMNS], ...events.map(eventCsvRow)]);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="grainline-events-${stamp}.csv"`, 'cache-control': 'no-store' },
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
