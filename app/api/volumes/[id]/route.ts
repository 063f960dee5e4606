import { jsonResponse, noContent } from '@/lib/http/json';
import { route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { getVolume } from '@/lib/services/fleet';
import { deleteVolume } from '@/lib/services/volumes';

export const GET = route<{ id: string }>(async (_request, { id }) => jsonResponse(await getVolume(getRuntime().db, id, getRuntime().engine)));

export const DELETE = route<{ id: string }>(async (_request, { id }) => {
  const { db, engine } = getRuntime();
  await deleteVolume(db, engine, id, { name: 'console' });
  return noContent();
});
