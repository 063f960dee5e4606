// What the crash harness kills: one server restarted on its data (the crash test), or the primary
// of a two-node cluster on PostgreSQL, whose backup must take over (the takeover test, issue #13).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { freePort, startServer, type RunningServer } from '../support/server';
import { startPostgres, type RunningPostgres } from '../support/postgres';

export interface Takeover {
  /** From the kill until the survivor answered an engine read as primary. */
  tookMs: number;
  /** What a console subscribed on the survivor heard: the takeover event, and copies moving after it. */
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

interface ClusterMember {
  name: string;
  port: number;
  server: RunningServer | null;
}

interface ClusterDto {
  thisNode: { name: string; role: string };
}

/** A takeover may take the lease plus loading the inventory; more than this is a violation. */
export const TAKEOVER_SLACK_MS = 15_000;

export async function twoNodeCluster(dataDir: string, leaseMs: number): Promise<Topology & { leaseMs: number }> {
  const postgres: RunningPostgres = await startPostgres({ port: await freePort() });
  const databaseUrl = await postgres.createDatabase('takeover');
  const secret = randomBytes(32).toString('base64url');
  const members: ClusterMember[] = [];
  for (const name of ['css-a', 'css-b']) members.push({ name, port: await freePort(), server: null });
  const start = async (member: ClusterMember) => {
    if (member.server !== null) logs.push(`==== ${member.name}\n${member.server.logs()}`);
    member.server = await startServer({
      dataDir,
      port: member.port,
      env: {
        DATABASE_URL: databaseUrl,
        GRAINLINE_SESSION_SECRET: secret,
        GRAINLINE_NODE_NAME: member.name,
        GRAINLINE_NODE_URL: `http://127.0.0.1:${member.port}`,
        GRAINLINE_LEASE_MS: String(leaseMs),
      },
    });
  };
  // The first takes the lease (and seeds the inventory) before the second joins.
  await start(members[0]!);
  await start(members[1]!);
  let turn = 0;
  const logs: string[] = [];
  let killed: ClusterMember | null = null;
  let killedAtMs = 0;
  let watcher: { socket: Socket; events: { kind: string; atMs: number }[] } | null = null;
  let tookOver: Promise<number> = Promise.resolve(0);
  let victim: ClusterMember | null = null;
  let lastToken = '';

  const roleOf = async (member: ClusterMember, token: string): Promise<string | null> => {
    try {
      const response = await fetch(`${member.server!.baseUrl}/api/cluster`, { headers: { authorization: `Bearer ${token}` } });
      return response.ok ? ((await response.json()) as ClusterDto).thisNode.role : null;
    } catch {
      return null;
    }
  };
  const primary = async (token: string): Promise<ClusterMember> => {
    for (;;) {
      for (const member of members) if (member.server !== null && (await roleOf(member, token)) === 'primary') return member;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** Measured from the kill, while the harness settles its writers: ms until the survivor serves as primary. */
  const measureTakeover = async (survivor: ClusterMember, token: string): Promise<number> => {
    const deadline = killedAtMs + leaseMs + TAKEOVER_SLACK_MS * 4;
    while (Date.now() < deadline) {
      if ((await roleOf(survivor, token)) === 'primary') {
        const copies = await fetch(`${survivor.server!.baseUrl}/api/copies`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
        if (copies?.ok === true) return Date.now() - killedAtMs;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Number.POSITIVE_INFINITY;
  };

  return {
    leaseMs,
    baseUrl: () => {
      const live = members.filter((member) => member.server !== null && member !== killed);
      return live[turn++ % live.length]!.server!.baseUrl;
    },
    async prepare(token) {
      lastToken = token;
      victim = await primary(token);
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
      socket.on('copies.updated', () => events.push({ kind: 'copies.updated', atMs: Date.now() }));
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
      tookOver = measureTakeover(survivor, lastToken);
    },
    async recover() {
      const tookMs = await tookOver;
      // Give the console on the survivor a moment to hear the takeover and the first pushes after it.
      const heardBy = Date.now() + 10_000;
      const takeoverAt = () => watcher?.events.find((event) => event.kind === 'cluster.takeover')?.atMs;
      while (Date.now() < heardBy) {
        const at = takeoverAt();
        if (at !== undefined && watcher!.events.some((event) => event.kind === 'copies.updated' && event.atMs > at)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const at = takeoverAt();
      const result: Takeover = {
        tookMs,
        sawTakeoverEvent: at !== undefined,
        sawCopiesAfter: at !== undefined && watcher!.events.some((event) => event.kind === 'copies.updated' && event.atMs > at),
      };
      // The dead node comes back as a backup, ready to take over in the next round.
      const dead = killed!;
      await start(dead);
      killed = null;
      return result;
    },
    async close() {
      watcher?.socket.disconnect();
      for (const member of members) {
        await member.server?.stop('SIGKILL');
        if (member.server !== null) logs.push(`==== ${member.name}\n${member.server.logs()}`);
      }
      // The nodes' logs, every incarnation, for a failed round to be read afterwards.
      if (process.env.GRAINLINE_TAKEOVER_LOG_DIR) fs.writeFileSync(path.join(process.env.GRAINLINE_TAKEOVER_LOG_DIR, 'takeover-nodes.log'), logs.join('\n'));
      await postgres.stop();
    },
  };
}
