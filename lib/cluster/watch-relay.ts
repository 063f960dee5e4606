// Viewport subscriptions across nodes. A console's socket lives on the node the browser reached,
// but the progress it watches is pushed by the primary's LivePush. Every node answers its own
// sockets' `watch` (checking the principal there) and relays the spec to every other node through
// socket.io's server-side events; whichever node runs the engine applies it, and pushes go to the
// socket's own room, which the PostgreSQL adapter routes to its node. A new primary asks every
// node to say again what its sockets watch, so a console on a backup keeps its live rows through
// a takeover.
import type { Server, Socket } from 'socket.io';
import type { Logger } from '../log';
import type { LivePush } from '../realtime/live-push';
import { onWatch, WATCHING_ROOM } from '../realtime/live-push';
import { WatchMessage, type WatchSpec } from '../realtime/progress-watch';

const RELAY_WATCH = 'grainline:watch';
const RELAY_FORGET = 'grainline:forget';
const RELAY_REWATCH = 'grainline:rewatch';
/**
 * A node that dies takes its sockets' `disconnect`s with it, so the primary would push their
 * watched progress to nobody for ever; it asks the cluster which sockets still exist this often.
 */
const SWEEP_INTERVAL_MS = 30_000;

export class WatchRelay {
  /** What each of this node's sockets watches now. */
  private readonly specs = new Map<string, WatchSpec>();
  private livePush: LivePush | null = null;

  constructor(
    private readonly io: Server,
    private readonly log: Logger,
  ) {
    io.on('connection', (socket) => this.attach(socket));
    io.on(RELAY_WATCH, (socketId: unknown, spec: unknown) => {
      const parsed = WatchMessage.safeParse(spec);
      if (typeof socketId === 'string' && parsed.success) this.livePush?.watchFor(socketId, parsed.data);
    });
    io.on(RELAY_FORGET, (socketId: unknown) => {
      if (typeof socketId === 'string') this.livePush?.forget(socketId);
    });
    io.on(RELAY_REWATCH, () => this.announceAll());
  }

  /** This node now runs the engine: take this node's watches, and ask the others for theirs. */
  serve(livePush: LivePush): void {
    this.livePush = livePush;
    for (const [socketId, spec] of this.specs) livePush.watchFor(socketId, spec);
    this.io.serverSideEmit(RELAY_REWATCH);
    setInterval(() => void this.sweep(livePush), SWEEP_INTERVAL_MS).unref();
  }

  /** Forgets the watches of sockets no node has any more. */
  private async sweep(livePush: LivePush): Promise<void> {
    const watched = livePush.watchingSocketIds();
    if (watched.length === 0) return;
    let live: Set<string>;
    try {
      live = new Set((await this.io.fetchSockets()).map((socket) => socket.id));
    } catch (error) {
      this.log.debug({ err: error }, 'could not list the cluster’s sockets; the stale-watch sweep waits for the next round');
      return;
    }
    const gone = watched.filter((socketId) => !live.has(socketId));
    for (const socketId of gone) livePush.forget(socketId);
    if (gone.length > 0) this.log.info({ sockets: gone.length }, 'forgot the watches of consoles whose node is gone');
  }

  private attach(socket: Socket): void {
    onWatch(socket, (spec) => {
      if (!this.specs.has(socket.id)) void socket.join(WATCHING_ROOM);
      this.specs.set(socket.id, spec);
      this.announce(socket.id, spec);
    });
    socket.on('disconnect', () => {
      this.specs.delete(socket.id);
      this.livePush?.forget(socket.id);
      this.io.serverSideEmit(RELAY_FORGET, socket.id);
    });
  }

  private announce(socketId: string, spec: WatchSpec): void {
    this.livePush?.watchFor(socketId, spec);
    this.io.serverSideEmit(RELAY_WATCH, socketId, spec);
  }

  private announceAll(): void {
    this.log.debug({ sockets: this.specs.size }, 'telling the new primary what this node’s consoles watch');
    for (const [socketId, spec] of this.specs) this.io.serverSideEmit(RELAY_WATCH, socketId, spec);
  }
}
