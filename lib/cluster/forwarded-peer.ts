// A backup forwards a command with the browser's address, so the primary audits and rate-limits
// the real client, not the backup. The address travels in a header signed with the secret every
// node shares (GRAINLINE_SESSION_SECRET): a client cannot forge it by sending the header itself.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const FORWARDED_PEER_HEADER = 'x-grainline-forwarded-peer';
export const FORWARDED_SIG_HEADER = 'x-grainline-forwarded-sig';
/** Which node forwarded the request (shown in logs, and tells the primary not to forward again). */
export const FORWARDED_BY_HEADER = 'x-grainline-forwarded-by';

function signatureOf(secret: string, peer: string, method: string, url: string): string {
  return createHmac('sha256', secret).update(`${peer}\n${method}\n${url}`).digest('base64url');
}

export function signForwardedPeer(secret: string, peer: string, method: string, url: string): Record<string, string> {
  return { [FORWARDED_PEER_HEADER]: peer, [FORWARDED_SIG_HEADER]: signatureOf(secret, peer, method, url) };
}

/** The forwarded client address if the signature holds; the headers are removed either way. */
export function takeForwardedPeer(headers: IncomingHttpHeaders, secret: string | null, method: string, url: string): string | null {
  const peer = headers[FORWARDED_PEER_HEADER];
  const signature = headers[FORWARDED_SIG_HEADER];
  delete headers[FORWARDED_PEER_HEADER];
  delete headers[FORWARDED_SIG_HEADER];
  if (secret === null || typeof peer !== 'string' || typeof signature !== 'string') return null;
  const expected = Buffer.from(signatureOf(secret, peer, method, url));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? peer : null;
}
