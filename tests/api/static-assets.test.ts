// What the console serves from public/ without sign-in: robots.txt, the icons and the web app
// manifest, each answered as itself (not redirected to sign-in) with its content type, and named
// by the pages' <head> (the root layout's metadata).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

/** An anonymous GET that does not follow redirects, so a bounce to sign-in shows as a 3xx. */
async function anonymous(path: string): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, { redirect: 'manual' });
}

describe('static assets from public/', () => {
  const cases: [path: string, contentType: RegExp][] = [
    ['/robots.txt', /^text\/plain/],
    ['/icon.svg', /^image\/svg\+xml/],
    ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ['/apple-touch-icon.png', /^image\/png/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
  ];

  it.each(cases)('%s is served to anyone as %s', async (path, contentType) => {
    const response = await anonymous(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(contentType);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('robots.txt turns every crawler away', async () => {
    expect(await (await anonymous('/robots.txt')).text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  });

  it('the manifest names the console and icons that exist', async () => {
    const manifest = (await (await anonymous('/manifest.webmanifest')).json()) as { name: string; icons: { src: string; type: string }[] };
    expect(manifest.name).toBe('Grainline');
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) {
      const response = await anonymous(icon.src);
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type'), icon.src).toContain(icon.type);
    }
  });

  it('favicon.ico is an icon file (ICO header with 16, 32 and 48 px images)', async () => {
    const bytes = Buffer.from(await (await anonymous('/favicon.ico')).arrayBuffer());
    expect(bytes.readUInt16LE(0)).toBe(0);
    expect(bytes.readUInt16LE(2)).toBe(1);
    const count = bytes.readUInt16LE(4);
    expect([...Array(count).keys()].map((index) => bytes.readUInt8(6 + 16 * index))).toEqual([16, 32, 48]);
  });

  it("a page's head links the icons and the manifest", async () => {
    const response = await anonymous('/signin');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<link rel="icon" href="\/icon\.svg"[^>]*type="image\/svg\+xml"/);
    expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon\.png"/);
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });
});
