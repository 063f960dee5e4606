import { describe, expect, it } from 'vitest';
import { readableAddress } from './address';

describe('readableAddress', () => {
  it('shows an IPv4 client on a dual-stack socket as plain IPv4 and leaves the rest alone', () => {
    expect(readableAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(readableAddress('::1')).toBe('::1');
    expect(readableAddress('2001:db8::ffff:1')).toBe('2001:db8::ffff:1');
    expect(readableAddress('192.0.2.7')).toBe('192.0.2.7');
  });
});
