import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { signOutUser } from '@/lib/services/users';

/** Signs a user out of every browser (their API tokens stay; revoke those separately). */
export const POST = route<{ id: string }>('admin', async (_request, { id }) => jsonResponse({ endedSessions: await signOutUser(getRuntime(), id) }));

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
