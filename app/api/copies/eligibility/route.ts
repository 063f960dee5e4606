import { EligibilityQuery } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';

export const GET = route('read', async (request) => {
  const query = readQuery(request, EligibilityQuery);
  return jsonResponse(getRuntime().engine.eligibility(query.type, query.sourceVolumeId));
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
