// Which storwize array a client addresses: the one named like the host it connected to (the HTTP
// Host header, or the name /etc/hosts gives the address it reached), ignoring case and any domain;
// else the only storwize array there is.
import dns from 'node:dns/promises';
import { listArrays } from '../../services/fleet';
import type { ArrayView } from '../../services/dto';
import type { Runtime } from '../../runtime';
import { SvcError } from './errors';

/** "V7000-LON-02.example.com:7443" → ["v7000-lon-02.example.com", "v7000-lon-02"]. */
export function hostNamesOf(host: string | undefined): string[] {
  if (host === undefined || host === '') return [];
  const bare = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  const name = bare.toLowerCase();
  const label = name.split('.')[0] ?? name;
  return /^\d/.test(label) ? [name] : [...new Set([name, label])];
}

/** The names /etc/hosts (or DNS) gives a local address, e.g. 127.0.0.2 → v7000-lon-02. */
export async function namesOfAddress(address: string | undefined, port: number): Promise<string[]> {
  if (address === undefined || address === '') return [];
  try {
    const { hostname } = await dns.lookupService(address.replace(/^::ffff:/, ''), port);
    return hostNamesOf(hostname);
  } catch {
    return [];
  }
}

/**
 * `names`: what the client said it connected to; `moreNames`: asked only when those match no array
 * and there are several to choose from (a reverse lookup of the local address may be slow).
 */
export async function chooseArray(runtime: Runtime, names: readonly string[], moreNames: () => Promise<string[]> = async () => []): Promise<ArrayView> {
  const storwize = (await listArrays(runtime)).filter((array) => array.model === 'storwize');
  const named = storwize.find((array) => names.includes(array.name.toLowerCase()));
  if (named !== undefined) return named;
  if (storwize.length === 1) return storwize[0] as ArrayView;
  const more = await moreNames();
  const found = storwize.find((array) => more.includes(array.name.toLowerCase()));
  if (found !== undefined) return found;
  const known = storwize.map((array) => array.name).join(', ') || 'none';
  throw new SvcError(
    'CMMVC5753E',
    'The specified object does not exist or is not a suitable candidate.',
    `no storwize array is named ${names[0] ?? '(no host name)'}; connect by one of these names: ${known}`,
    404,
  );
}
