// What the crash harness kills: one server restarted on its data (the crash test), or the primary
// of a two-node cluster on PostgreSQL, whose backup must take over (the takeover test, issue #13).
import fs from 'node:fs';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { startServer, type RunningServer } from '../support/server';
import { startCluster, waitForPrimary, type ClusterMember } from '../support/cluster';

export interface Takeover {
  /** From the kill until the survivor answered an engine read as primary. */
  tookMs: number;
  /** What a console subscribed on the survivor heard: the takeover event, and pushes from the new primary’s engine after it. */
  sawTakeoverEvent: boolean;
  sawCopiesAfter: boolean;
}

export interface Topology {
  /** Where the next request goes: in a cluster, both nodes in turn (hosts write through both). */
  baseUrl: () => string;
  /** Before the writes of a round: find whom to kill, and (cluster) subscribe a console on the survivor. */
  prepare: (token: string) => Promise<void>;
  /** SIGKILL: the server, or the cluster's primary, at once. */
  kill: () => Promise<void>;
  /** Back to serving: the server restarted; or the backup took over and the dead node rejoined as a backup. */
  recover: () => Promise<Takeover | null>;
  close: () => Promise<void>;
}

export async function singleServer(dataDir: string): Promise<Topology> {
  let server: RunningServer = await startServer({ dataDir });
  const port = server.port;
  return {
    baseUrl: () => server.baseUrl,
    prepare: async () => undefined,
    kill: async () => void (await server.stop('SIGKILL')),
    recover: async () => {
      server = await startServer({ dataDir, port });
      return null;
    },
    close: async () => void (await server.stop('SIGKILL')),
  };
}

const ENGINE_PUSH = 'engine push';

/** A takeover may take the lease plus loading the inventory; more than this is a violation. */
export const TAKEOVER_SLACK_MS = 15_000;

export async function twoNodeCluster(dataDir: string, leaseMs: number): Promise<Topology & { leaseMs: number }> {
  const cluster = await startCluster({ dataDir, leaseMs });
  const { members } = cluster;
  let turn = 0;
  let killed: ClusterMember | null = null;
  let killedAtMs = 0;
  let watcher: { socket: Socket; events: { kind: string; atMs: number }[] } | null = null;
  let tookOver: Promise<number> = Promise.resolve(0);
  let victim: ClusterMember | null = null;
  let lastToken = '';

  return {
    leaseMs,
    baseUrl: () => {
      const live = members.filter((member) => member.server !== null && member !== killed);
      return live[turn++ % live.length]!.server!.baseUrl;
    },
    async prepare(token) {
      lastToken = token;
      victim = await cluster.primary(token);
      const survivor = members.find((member) => member !== victim)!;
      // A console on the survivor, subscribed before the kill, must see the takeover and copies move after it.
      watcher?.socket.disconnect();
      const socket = connectSocket(survivor.server!.baseUrl, { auth: { token }, transports: ['websocket'] });
      const events: { kind: string; atMs: number }[] = [];
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      socket.emit('subscribe', { rooms: ['fleet'] });
      socket.on('events.created', (list: { kind: string }[]) => {
        for (const event of list) events.push({ kind: event.kind, atMs: Date.now() });
      });
      // Pushes only an engine makes: copies changing, and the throughput sample every second.
      for (const name of ['copies.updated', 'copies.progress', 'throughput.sampled'])
        socket.on(name, () => events.push({ kind: ENGINE_PUSH, atMs: Date.now() }));
      watcher = { socket, events };
      await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is in place
    },
    async kill() {
      if (victim === null) throw new Error('prepare() names the primary to kill first');
      const survivor = members.find((member) => member !== victim)!;
      killed = victim;
      victim = null;
      killedAtMs = Date.now();
      await killed.server!.stop('SIGKILL');
      // Measured from the kill, while the harness settles its writers.
      tookOver = waitForPrimary(cluster, survivor, lastToken, killedAtMs, leaseMs + TAKEOVER_SLACK_MS * 4);
    },
    async recover() {
      const tookMs = await tookOver;
      // Give the console on the survivor a moment to hear the takeover and the first pushes after it.
      const heardBy = Date.now() + 10_000;
      const takeoverAt = () => watcher?.events.find((event) => event.kind === 'cluster.takeover')?.atMs;
      while (Date.now() < heardBy) {
        const at = takeoverAt();
        if (at !== undefined && watcher!.events.some((event) => event.kind === ENGINE_PUSH && event.atMs > at)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const at = takeoverAt();
      const result: Takeover = {
        tookMs,
        sawTakeoverEvent: at !== undefined,
        sawCopiesAfter: at !== undefined && watcher!.events.some((event) => event.kind === ENGINE_PUSH && event.atMs > at),
      };
      // The dead node comes back as a backup, ready to take over in the next round.
      const dead = killed!;
      await cluster.start(dead);
      killed = null;
      return result;
    },
    async close() {
      watcher?.socket.disconnect();
      const logs = cluster.logs();
      await cluster.stop();
      // The nodes' logs, every incarnation, for a failed round to be read afterwards.
      if (process.env.GRAINLINE_TAKEOVER_LOG_DIR) fs.writeFileSync(path.join(process.env.GRAINLINE_TAKEOVER_LOG_DIR, 'takeover-nodes.log'), logs);
    },
  };
}
