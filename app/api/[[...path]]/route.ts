// Any /api path no route handles, /api itself included: a JSON 404 in the contract's shape, not an HTML page.
import { ApiError } from '@/lib/http/api-error';
import { route } from '@/lib/http/route';

const notFound = route<{ path?: string[] }>('read', async (request) => {
  throw new ApiError(404, `no API route ${request.method} ${new URL(request.url).pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
