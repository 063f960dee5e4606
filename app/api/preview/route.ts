import { PreviewBody } from '@/lib/api/preview-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, queryRoute } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { previewCommands } from '@/lib/services/preview';

// Reading: a preview changes nothing, so a monitor may ask what an action would do, unaudited.
export const POST = queryRoute('read', async (request) => {
  const { commands } = await readJson(request, PreviewBody);
  return jsonResponse({ previews: previewCommands(getRuntime(), commands) });
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
