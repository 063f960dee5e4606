import { VolumeOwnerBody } from '@/lib/api/fleet-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { changeVolumeOwner } from '@/lib/services/volumes';

export const PUT = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const { owner } = await readJson(request, VolumeOwnerBody);
  return jsonResponse(await changeVolumeOwner(getRuntime(), id, owner, actor));
});

export const { OPTIONS, GET, POST, PATCH, DELETE } = otherMethods('PUT');
