// socket.io on the console's own HTTP server. Clients subscribe to rooms (api.md): "fleet",
// "array:<id>", "copy:<id>". Pushing batched updates into these rooms is the Live-console issue's.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { Logger } from '../log';

export const ROOM_PATTERN = /^(fleet|array:[A-Za-z0-9_-]{1,64}|copy:[A-Za-z0-9_-]{1,64})$/;
const MAX_ROOMS_PER_REQUEST = 200;
/**
 * Heartbeat. socket.io's defaults (25 s + 20 s) leave a client showing "live" for 45 s after the
 * server stopped answering; the console's connection indicator has to notice within seconds.
 */
const PING_INTERVAL_MS = 5_000;
const PING_TIMEOUT_MS = 5_000;

const RoomsMessage = z.strictObject({ rooms: z.array(z.string().regex(ROOM_PATTERN)).max(MAX_ROOMS_PER_REQUEST) });

export function attachSocketServer(http: HttpServer, log: Logger): Server {
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS });
  io.on('connection', (socket) => {
    socket.on('subscribe', (message: unknown, ack?: unknown) => {
      const parsed = RoomsMessage.safeParse(message);
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      if (!parsed.success) {
        reply({ error: { code: 'bad_request', message: 'subscribe expects {rooms: ["fleet" | "array:<id>" | "copy:<id>"]}' } });
        return;
      }
      void socket.join(parsed.data.rooms);
      reply({ rooms: [...socket.rooms].filter((room) => room !== socket.id) });
    });
    socket.on('unsubscribe', (message: unknown) => {
      const parsed = RoomsMessage.safeParse(message);
      if (parsed.success) for (const room of parsed.data.rooms) void socket.leave(room);
    });
  });
  log.info('socket.io attached');
  return io;
}
