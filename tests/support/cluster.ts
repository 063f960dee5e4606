// A cluster on this machine for tests and benches: one embedded PostgreSQL and console nodes
// sharing it and one data directory (issue #13), each the real server.ts on its own ports.
import { randomBytes } from 'node:crypto';
import { freePort, startServer, type RunningServer } from './server';
import { startPostgres, type RunningPostgres } from './postgres';

export interface ClusterMember {
  name: string;
  port: number;
  /** null while it is down. */
  server: RunningServer | null;
}

export interface RunningCluster {
  members: ClusterMember[];
  databaseUrl: string;
  postgres: RunningPostgres;
  /** (Re)start a member on its port: it joins as a backup unless nobody holds the lease. */
  start: (member: ClusterMember) => Promise<void>;
  /** The member's role as it says itself (GET /api/cluster), or null if it does not answer. */
  roleOf: (member: ClusterMember, token: string) => Promise<string | null>;
  /** The member that says it is primary (waits for one). */
  primary: (token: string) => Promise<ClusterMember>;
  /** Every incarnation's output, for a failure to be read afterwards. */
  logs: () => string;
  stop: () => Promise<void>;
}

export async function startCluster(options: { dataDir: string; leaseMs: number; names?: string[] }): Promise<RunningCluster> {
  const postgres = await startPostgres({ port: await freePort() });
  const databaseUrl = await postgres.createDatabase('cluster');
  const secret = randomBytes(32).toString('base64url');
  const members: ClusterMember[] = [];
  for (const name of options.names ?? ['css-a', 'css-b']) members.push({ name, port: await freePort(), server: null });
  const pastLogs: string[] = [];
  const start = async (member: ClusterMember) => {
    if (member.server !== null) pastLogs.push(`==== ${member.name}\n${member.server.logs()}`);
    member.server = await startServer({
      dataDir: options.dataDir,
      port: member.port,
      env: {
        DATABASE_URL: databaseUrl,
        GRAINLINE_SESSION_SECRET: secret,
        GRAINLINE_NODE_NAME: member.name,
        GRAINLINE_NODE_URL: `http://127.0.0.1:${member.port}`,
        GRAINLINE_LEASE_MS: String(options.leaseMs),
      },
    });
  };
  const roleOf = async (member: ClusterMember, token: string): Promise<string | null> => {
    if (member.server === null) return null;
    try {
      const response = await fetch(`${member.server.baseUrl}/api/cluster`, { headers: { authorization: `Bearer ${token}` } });
      return response.ok ? ((await response.json()) as { thisNode: { role: string } }).thisNode.role : null;
    } catch {
      return null;
    }
  };
  // The first takes the lease (and seeds the inventory) before the others join.
  for (const member of members) await start(member);
  return {
    members,
    databaseUrl,
    postgres,
    start,
    roleOf,
    async primary(token) {
      for (;;) {
        for (const member of members) if ((await roleOf(member, token)) === 'primary') return member;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    logs: () => [...pastLogs, ...members.flatMap((member) => (member.server === null ? [] : [`==== ${member.name}\n${member.server.logs()}`]))].join('\n'),
    async stop() {
      for (const member of members) await member.server?.stop('SIGKILL');
      await postgres.stop();
    },
  };
}

/** Polls until `survivor` says it is primary and answers an engine read; ms since `sinceMs`. */
export async function waitForPrimary(cluster: RunningCluster, survivor: ClusterMember, token: string, sinceMs: number, timeoutMs: number): Promise<number> {
  const deadline = sinceMs + timeoutMs;
  while (Date.now() < deadline) {
    if ((await cluster.roleOf(survivor, token)) === 'primary') {
      const copies = await fetch(`${survivor.server!.baseUrl}/api/copies`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
      if (copies?.ok === true) return Date.now() - sinceMs;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Number.POSITIVE_INFINITY;
}
