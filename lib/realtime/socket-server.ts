// socket.io on the console's own HTTP server. A connection authenticates like an HTTP request (the
// session cookie, or `auth: {token}` for automation) and may join only the rooms its role may see
// (docs/api.md#live-updates): "fleet", "array:<id>", "copy:<id>". Each socket also sits in private
// rooms for its user and session, so signing out or changing a user's role disconnects their live
// feeds at once.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { Logger } from '../log';
import { authenticate, type Principal } from '../auth/principal';
import { roleMay, type Access } from '../auth/roles';
import { ApiError } from '../http/api-error';
import { trustProxy } from '../auth/address';

export const ROOM_PATTERN = /^(fleet|array:[A-Za-z0-9_-]{1,64}|copy:[A-Za-z0-9_-]{1,64})$/;
const MAX_ROOMS_PER_REQUEST = 200;
/**
 * Heartbeat. socket.io's defaults (25 s + 20 s) leave a client showing "live" for 45 s after the
 * server stopped answering; the console's connection indicator has to notice within seconds.
 */
const PING_INTERVAL_MS = 5_000;
const PING_TIMEOUT_MS = 5_000;

/** Which access class each subscribable room needs (roles.ts says which roles hold it). */
const ROOM_ACCESS: readonly { pattern: RegExp; access: Access }[] = [
  { pattern: /^fleet$/, access: 'read' },
  { pattern: /^array:/, access: 'read' },
  { pattern: /^copy:/, access: 'read' },
];

export function userRoom(userId: string): string {
  return `user:${userId}`;
}
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}
export function tokenRoom(tokenId: string): string {
  return `token:${tokenId}`;
}

export function mayJoin(principal: Principal, room: string): boolean {
  const rule = ROOM_ACCESS.find((r) => r.pattern.test(room));
  return rule !== undefined && roleMay(principal.role, rule.access);
}

const RoomsMessage = z.strictObject({ rooms: z.array(z.string().regex(ROOM_PATTERN)).max(MAX_ROOMS_PER_REQUEST) });
const HandshakeAuth = z.object({ token: z.string().max(256).optional() }).loose();

export interface SocketData {
  principal: Principal;
}

/** A cookie-authenticated socket must come from a page of this console (cross-site WebSocket hijacking). */
function sameOrigin(socket: Socket): boolean {
  const origin = socket.handshake.headers.origin;
  if (origin === undefined) return true;
  const forwardedHost = trustProxy() ? socket.handshake.headers['x-forwarded-host'] : undefined;
  const host = (Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost) ?? socket.handshake.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export interface SocketAuth {
  db: Db;
  sessionSecret: string;
}

export function attachSocketServer(http: HttpServer, log: Logger, auth: SocketAuth): Server {
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS });
  io.use((socket, next) => {
    void (async () => {
      const handshake = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
      // Like an Authorization header, a token that was sent is judged alone: an unreadable one is
      // refused, never a silent fall-back to whatever cookie came along.
      if (!handshake.success) return next(new Error('unauthorized: auth.token must be an API token'));
      const token = handshake.data.token;
      const cookie = socket.handshake.headers.cookie ?? null;
      try {
        const principal = await authenticate(auth.db, auth.sessionSecret, { authorization: token === undefined ? null : `Bearer ${token}`, cookie });
        if (principal === null) return next(new Error('unauthorized: sign in, or connect with auth: {token}'));
        if (principal.via === 'session' && !sameOrigin(socket)) return next(new Error('forbidden: cross-site connection refused'));
        (socket.data as SocketData).principal = principal;
        next();
      } catch (error) {
        next(new Error(error instanceof ApiError ? `unauthorized: ${error.message}` : 'unauthorized'));
        if (!(error instanceof ApiError)) log.error({ err: error }, 'socket authentication failed');
      }
    })();
  });
  io.on('connection', (socket) => {
    const { principal } = socket.data as SocketData;
    void socket.join(userRoom(principal.userId));
    if (principal.sessionId !== undefined) void socket.join(sessionRoom(principal.sessionId));
    if (principal.tokenId !== undefined) void socket.join(tokenRoom(principal.tokenId));
    socket.on('subscribe', (message: unknown, ack?: unknown) => {
      const parsed = RoomsMessage.safeParse(message);
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      if (!parsed.success) {
        reply({ error: { code: 'bad_request', message: 'subscribe expects {rooms: ["fleet" | "array:<id>" | "copy:<id>"]}' } });
        return;
      }
      const refused = parsed.data.rooms.filter((room) => !mayJoin(principal, room));
      if (refused.length > 0) {
        reply({ error: { code: 'forbidden', message: `your role (${principal.role}) may not join ${refused.join(', ')}` } });
        return;
      }
      void socket.join(parsed.data.rooms);
      reply({ rooms: [...socket.rooms].filter((room) => ROOM_PATTERN.test(room)) });
    });
    socket.on('unsubscribe', (message: unknown) => {
      const parsed = RoomsMessage.safeParse(message);
      if (parsed.success) for (const room of parsed.data.rooms) void socket.leave(room);
    });
  });
  log.info('socket.io attached');
  return io;
}

/** Ends the live feeds of a user (all their sessions and tokens) or of one session. */
export function disconnectRoom(io: Server | null, room: string): void {
  io?.in(room).disconnectSockets(true);
}
