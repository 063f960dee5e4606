import { SnapshotActionParam } from '@/lib/api/fleet-schemas';
import { ApiError } from '@/lib/http/api-error';
import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { actOnSnapshot } from '@/lib/services/snapshots';

// POST /api/volumes/:id/snapshot/actions/recreate|disable — on the snapshot volume :id.
export const POST = route<{ id: string; action: string }>('operate', async (_request, { id, action }, { actor }) => {
  const parsed = SnapshotActionParam.safeParse(action);
  if (!parsed.success) throw new ApiError(400, `a snapshot has no action "${action}"; its actions are recreate, disable`);
  return jsonResponse(await actOnSnapshot(getRuntime(), id, parsed.data, actor));
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
