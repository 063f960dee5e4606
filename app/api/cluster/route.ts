import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getNode } from '@/lib/runtime';
import { clusterStatus } from '@/lib/services/cluster';

/** The Copy Services Servers: this node, the primary, the backups and the takeover history. Served by every node from the inventory. */
export const GET = route('read', async () => jsonResponse(await clusterStatus(getNode())));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
