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
  it('refuses paths the browser reads as another host once it drops tabs and newlines', () => {
    for (const bad of ['/\t/example.com', '/\n/example.com', '/\r/example.com', '/\t\\example.com', '/%09/example.com'.replace('%09', '\t')]) {
      expect(safeNextPath(bad), JSON.stringify(bad)).toBe('/');
    }
  });
  it('does not loop back to the sign-in or setup page', () => {
    expect(safeNextPath('/signin?next=/x')).toBe('/');
    expect(safeNextPath('/setup')).toBe('/');
  });
});
