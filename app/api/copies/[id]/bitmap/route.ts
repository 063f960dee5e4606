import { BitmapQuery } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readQuery } from '@/lib/http/request';
import { route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { getCopyBitmap } from '@/lib/services/copies';

// Read several times a second by every open detail page: the engine counts words, nothing is saved.
export const GET = route<{ id: string }>('read', async (request, { id }) => {
  const { cells } = readQuery(request, BitmapQuery);
  return jsonResponse(getCopyBitmap(getRuntime(), id, cells));
});
