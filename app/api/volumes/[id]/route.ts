import { jsonResponse, noContent } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { getVolume } from '@/lib/services/fleet';
import { deleteVolume } from '@/lib/services/volumes';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(await getVolume(getRuntime().db, id, getRuntime().engine)));

export const DELETE = route<{ id: string }>('operate', async (_request, { id }, { actor }) => {
  const { db, engine } = getRuntime();
  await deleteVolume(db, engine, id, actor);
  return noContent();
});

export const { OPTIONS, POST, PUT, PATCH } = otherMethods('GET', 'DELETE');
