import { describe, expect, it } from 'vitest';
import { FORWARDED_PEER_HEADER, signForwardedPeer, takeForwardedPeer } from './forwarded-peer';

const SECRET = 'a-cluster-secret-of-at-least-32-characters';

describe('the browser address a backup forwards', () => {
  it('is believed when signed with the shared secret for this method and URL, and the headers are removed', () => {
    const headers = { ...signForwardedPeer(SECRET, '10.0.0.7', 'POST', '/api/copies') };
    expect(takeForwardedPeer(headers, SECRET, 'POST', '/api/copies')).toBe('10.0.0.7');
    expect(headers).toEqual({});
  });

  it('is ignored when a client sends it itself, signed with another secret, or replayed on another request', () => {
    expect(takeForwardedPeer({ [FORWARDED_PEER_HEADER]: '10.0.0.7' }, SECRET, 'GET', '/')).toBeNull();
    expect(takeForwardedPeer({ ...signForwardedPeer('another-secret-of-at-least-32-characters', '10.0.0.7', 'GET', '/') }, SECRET, 'GET', '/')).toBeNull();
    expect(takeForwardedPeer({ ...signForwardedPeer(SECRET, '10.0.0.7', 'GET', '/api/copies') }, SECRET, 'DELETE', '/api/copies/c1')).toBeNull();
    // Alone (no cluster secret) nothing forwarded is believed.
    expect(takeForwardedPeer({ ...signForwardedPeer(SECRET, '10.0.0.7', 'GET', '/') }, null, 'GET', '/')).toBeNull();
  });
});
