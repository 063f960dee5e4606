import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps a path on this console, query included', () => {
    expect(safeNextPath('/copies?state=PAIR')).toBe('/copies?state=PAIR');
  });
  it('refuses other sites and protocol-relative or backslash tricks', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });
  it('does not loop back to the sign-in or setup page', () => {
    expect(safeNextPath('/signin?next=/x')).toBe('/');
    expect(safeNextPath('/setup')).toBe('/');
  });
});
