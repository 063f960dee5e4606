// A Grainline node: Next's request handler, socket.io on the same port, and the engine. Alone on
// SQLite the engine always runs here; on PostgreSQL the node holding the engine lease runs it
// (the primary Copy Services Server) and the others forward commands to it (lib/cluster/).
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import { stampPeerAddress } from './lib/auth/address';
import { loadSessionSecret } from './lib/auth/secret';
import { pruneExpiredSessions } from './lib/auth/sessions';
import { SignInLimiter } from './lib/auth/sign-in-limiter';
import { clusterPoolOf, startClusterNode, type ClusterNode } from './lib/cluster/cluster-node';
import { acceptRelay } from './lib/cluster/vendor-relay';
import { nodeIdentity } from './lib/cluster/config';
import { singleNodeView } from './lib/cluster/cluster-view';
import { dataDir, databaseUrl, listenPort } from './lib/config';
import { openDb } from './lib/db/client';
import { dialectOf } from './lib/db/dialect';
import { applyMigrations } from './lib/db/migrate';
import { startEngineSide, type EngineSide } from './lib/engine-side';
import { handleDataPath } from './lib/http/data-path';
import { answerClientError, refuseUnroutable } from './lib/http/raw-guard';
import { createLogger, type Logger } from './lib/log';
import { createConsoleMetrics } from './lib/metrics/node-metrics';
import { handleMetrics } from './lib/metrics/metrics-endpoint';
import { startEventFeed } from './lib/realtime/event-feed';
import { attachSocketServer } from './lib/realtime/socket-server';
import { registerNode, type Runtime } from './lib/runtime';
import { handleSantricity } from './lib/vendor/santricity/http';
import { openVendorPorts, type VendorPortNumbers } from './lib/vendor/ports';
import { VERSION } from './lib/version';

const SHUTDOWN_GRACE_MS = 10_000;
const SESSION_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  const log = createLogger();
  const dev = process.env.NODE_ENV !== 'production';
  const port = listenPort();
  const url = databaseUrl();
  const clustered = dialectOf(url) === 'postgresql';
  log.info({ version: VERSION, dataDir: dataDir(), inventory: dialectOf(url), dev }, 'starting Grainline');

  await applyMigrations(url);
  const db = openDb(url);
  const sessionSecret = await loadSessionSecret(db);
  const pruneSessions = setInterval(
    () => void pruneExpiredSessions(db).catch((err: unknown) => log.error({ err }, 'could not prune expired sessions')),
    SESSION_PRUNE_INTERVAL_MS,
  );
  pruneSessions.unref();

  const metrics = createConsoleMetrics(__dirname);
  const app = next({ dev, dir: __dirname, hostname: 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // The engine side runs here when this node is the primary (always, alone on SQLite).
  let engineSide: EngineSide | null = null;
  let cluster: ClusterNode | null = null;
  const http = createServer((req, res) => {
    stampPeerAddress(req, clustered ? sessionSecret : null); // "from where" for the audit trail; never taken from the client
    metrics.http.observe(req, res);
    if (handleMetrics(node, metrics.registry, req, res)) return; // GET /metrics: this node's Prometheus text
    // A backup answers commands with the primary's answer (lib/cluster/forward.ts).
    if (cluster !== null && cluster.route(req, res, engineSide !== null)) return;
    const runtime = engineSide?.runtime;
    // SANtricity Web Services answer /devmgr in their own error shape, broken escapes included.
    if (runtime !== undefined && handleSantricity(runtime, req, res)) return;
    // Host reads and writes, the data path: answered here, not by Next (lib/http/data-path.ts).
    if (runtime !== undefined && handleDataPath(runtime, req, res)) return;
    if (refuseUnroutable(req, res)) return; // broken escapes, TRACE & co: a JSON error, not Next's bare 500
    void handle(req, res);
  });
  http.on('clientError', answerClientError); // oversized URL/headers, malformed framing: JSON too
  // A backup's relayed vendor connection (lib/cluster/vendor-relay.ts); socket.io takes its own upgrades.
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    acceptRelay(req, socket, head, { secret: clustered ? sessionSecret : null, surfaces: () => engineSide?.vendor ?? null, log });
  });
  const io = attachSocketServer(http, log, { db, sessionSecret });
  // The cluster's own PostgreSQL connections: the lease, the socket.io adapter, the sign-in limiter.
  const clusterPool = clustered ? clusterPoolOf(url, log) : null;
  const node = { db, log, io, startedAt: new Date(), auth: { sessionSecret, signInLimiter: new SignInLimiter(clusterPool) } };
  // Each node tails the event log itself and tells its own sockets (event-feed.ts).
  const eventFeed = startEventFeed(io, db, log);

  // Every node listens on its vendor ports: the primary serves a connection, a backup relays it
  // (one arriving before this node knows which it is, in its first moments, is closed).
  const vendorPorts = await openVendorPorts(log, (surface, socket) => {
    if (engineSide !== null) engineSide.vendor.accept(surface, socket);
    else if (cluster !== null) cluster.relay(surface, socket);
    else socket.destroy();
  });
  const engineOptions = {
    dataDir: dataDir(),
    onFatal: (code: number) => process.exit(code),
    onTicked: metrics.engineTicked,
    onStarted: (runtime: Runtime) => metrics.watch(runtime),
  };
  if (clusterPool !== null) {
    cluster = await startClusterNode({
      pool: clusterPool,
      port,
      vendorPorts: vendorPorts.ports,
      node,
      log,
      startEngine: (nodeRuntime, fencing) => startEngineSide(nodeRuntime, { ...engineOptions, ...fencing }),
      onEngineStarted: (side) => {
        engineSide = side;
      },
    });
  } else {
    const nodeRuntime = { ...node, cluster: singleNodeView(nodeIdentity(port, vendorPorts.ports)) };
    registerNode(nodeRuntime);
    engineSide = await startEngineSide(nodeRuntime, engineOptions);
  }

  await new Promise<void>((resolve) => http.listen(port, resolve));
  const address = http.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  log.info({ port: boundPort, url: `http://localhost:${boundPort}` }, 'Grainline is serving');
  logVendorPorts(log, vendorPorts.ports);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    void (async () => {
      eventFeed.stop();
      clearInterval(pruneSessions);
      await vendorPorts.close();
      await io.close(); // also closes the HTTP server (in-flight requests finish first)
      await engineSide?.stop();
      // After the last save: the lease goes at once, so a backup need not wait for it to expire.
      await cluster?.stop();
      await db.$disconnect();
      log.info('stopped');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function logVendorPorts(log: Logger, ports: VendorPortNumbers): void {
  if (ports.nbd !== null) log.info({ nbdPort: ports.nbd }, `NBD: every volume at nbd://localhost:${ports.nbd}/<volume>%3Ftoken%3D<API token>`);
  log.info(
    { svcRestPort: ports.svcRest, svcSshPort: ports.svcSsh },
    'vendor APIs: SVC REST (https) and SVC CLI (ssh) on storwize arrays, SANtricity Web Services at /devmgr on this port',
  );
}

main().catch((error: unknown) => {
  console.error('Grainline failed to start:', error);
  process.exit(1);
});
