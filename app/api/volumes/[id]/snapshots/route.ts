import { CreateSnapshotBody } from '@/lib/api/fleet-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { createSnapshot } from '@/lib/services/snapshots';

// POST /api/volumes/:id/snapshots — a SANtricity snapshot of the base volume :id, taken now.
export const POST = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const input = await readJson(request, CreateSnapshotBody);
  return jsonResponse(await createSnapshot(getRuntime(), id, input, actor), 201);
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
