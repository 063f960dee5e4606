import { EligibilityQuery } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { copyEligibility } from '@/lib/services/eligibility';

export const GET = route('read', async (request) => {
  const { type, sourceVolumeId } = readQuery(request, EligibilityQuery);
  return jsonResponse(copyEligibility(getRuntime(), type, sourceVolumeId));
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
