// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The engine, Prisma and socket.io live in server.ts's process; keep the native
  // SQLite driver out of Next's bundles so both module graphs load the same binary.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pino', 'pino-pretty'],
  typedRoutes: false,
};

module.exports = nextConfig;
