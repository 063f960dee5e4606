import { CreateVolumeBody, VolumeQuery } from '@/lib/api/fleet-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { listVolumes } from '@/lib/services/fleet';
import { createVolume } from '@/lib/services/volumes';

export const GET = route('read', async (request) => jsonResponse(await listVolumes(getRuntime(), readQuery(request, VolumeQuery))));

export const POST = route('operate', async (request, _params, { actor }) => {
  const input = await readJson(request, CreateVolumeBody);
  const volume = await createVolume(getRuntime(), input, actor);
  return jsonResponse(volume, 201, { location: `/api/volumes/${volume.id}` });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
