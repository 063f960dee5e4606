// The event log (audit trail included) as CSV, with the same filters as GET /api/events.
import { EventExportQuery } from '@/lib/api/fleet-schemas';
import { readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { exportEventsCsv } from '@/lib/services/event-export';

export const GET = route('read', async (request) => {
  const csv = await exportEventsCsv(getRuntime(), readQuery(request, EventExportQuery));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="grainline-events-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
