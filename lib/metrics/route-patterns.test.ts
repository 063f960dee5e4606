import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleRoutePatterns, OTHER_ROUTE, patternOfAppFile, RoutePatterns } from './route-patterns';

describe('patternOfAppFile', () => {
  it('reads App Router folders as URL patterns', () => {
    expect(patternOfAppFile('api/copies/[id]/route.ts')).toBe('/api/copies/:id');
    expect(patternOfAppFile('api/copies/[id]/actions/[action]/route.ts')).toBe('/api/copies/:id/actions/:action');
    expect(patternOfAppFile('(console)/copies/[id]/page.tsx')).toBe('/copies/:id');
    expect(patternOfAppFile('(console)/page.tsx')).toBe('/');
    expect(patternOfAppFile('api/[[...path]]/route.ts')).toBe('/api/:path*');
    expect(patternOfAppFile('docs/[...slug]/page.tsx')).toBe('/docs/:slug*');
    expect(patternOfAppFile('@modal/(group)/x/page.tsx')).toBe('/x');
  });

  it('skips files that are not pages or route handlers, and private folders', () => {
    expect(patternOfAppFile('layout.tsx')).toBeNull();
    expect(patternOfAppFile('(console)/copies/[id]/copy-detail.tsx')).toBeNull();
    expect(patternOfAppFile('globals.css')).toBeNull();
    expect(patternOfAppFile('_components/page.tsx')).toBeNull();
  });
});

describe('RoutePatterns.match', () => {
  const routes = new RoutePatterns([
    '/api/:path*',
    '/api/copies',
    '/api/copies/:id',
    '/api/copies/eligibility',
    '/api/copies/:id/actions/:action',
    '/api/volumes/:id/data',
    '/copies/:id',
    '/copies/new',
    '/',
  ]);

  it('maps ids to their parameter, ignoring the query and trailing slashes', () => {
    expect(routes.match('/api/copies/8b0f7c3e-1d2a-4b5c-9e8f-0a1b2c3d4e5f')).toBe('/api/copies/:id');
    expect(routes.match('/api/copies/abc/actions/stop?force=true')).toBe('/api/copies/:id/actions/:action');
    expect(routes.match('/api/volumes/v%201/data?offset=0&length=512')).toBe('/api/volumes/:id/data');
    expect(routes.match('/api/copies/')).toBe('/api/copies');
    expect(routes.match('/')).toBe('/');
    expect(routes.match('/?next=%2Fcopies')).toBe('/');
  });

  it('prefers a literal segment over a parameter, and a parameter over a catch-all, as Next does', () => {
    expect(routes.match('/api/copies/eligibility')).toBe('/api/copies/eligibility');
    expect(routes.match('/copies/new')).toBe('/copies/new');
    expect(routes.match('/copies/other')).toBe('/copies/:id');
    // No route of that depth: the API's catch-all (its JSON 404) answers it.
    expect(routes.match('/api/copies/a/b')).toBe('/api/:path*');
    expect(routes.match('/api')).toBe('/api/:path*');
  });

  it('reads anything else as "other", so stray paths cannot grow the label set', () => {
    expect(routes.match('/wp-login.php')).toBe(OTHER_ROUTE);
    expect(routes.match('/copies/a/b')).toBe(OTHER_ROUTE);
    expect(routes.match('')).toBe('/');
  });
});

describe('consoleRoutePatterns', () => {
  it("holds every page and route handler of this project's app/, its public files and the server's own paths", () => {
    const routes = consoleRoutePatterns(path.resolve(__dirname, '..', '..'));
    expect(routes.patterns).toEqual(expect.arrayContaining(['/api/copies/:id', '/volumes/:id', '/signin', '/favicon.ico', '/metrics', '/devmgr/:path*']));
    expect(routes.match('/api/volumes/x/snapshot/actions/rollback')).toBe('/api/volumes/:id/snapshot/actions/:action');
    expect(routes.match('/devmgr/v2/storage-systems/1/volumes')).toBe('/devmgr/:path*');
    expect(routes.match('/_next/static/chunks/app.js')).toBe('/_next/:path*');
    expect(routes.patterns.every((pattern) => pattern.startsWith('/'))).toBe(true);
  });
});
