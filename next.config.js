// @ts-check
// Headers on every answer, pages, API and static files alike (the page CSP itself is per request,
// proxy.ts), and on API answers; server.ts's own data path sends the same (lib/http/api-headers.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS: require is how it imports the list it shares with lib/http/api-headers.ts
const RESPONSE_HEADERS = require('./lib/security/response-headers.json');
/** @param {Record<string, string>} headers */
const listOf = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The engine, Prisma and socket.io live in server.ts's process; keep the native
  // SQLite driver out of Next's bundles so both module graphs load the same binary.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pino', 'pino-pretty'],
  typedRoutes: false,
  async headers() {
    return [
      { source: '/:path*', headers: listOf(RESPONSE_HEADERS.all) },
      // API answers are data, never documents: nothing in them may run or be framed.
      { source: '/api/:path*', headers: listOf(RESPONSE_HEADERS.api) },
    ];
  },
};

module.exports = nextConfig;
