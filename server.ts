// Grainline's one process: Next's request handler, socket.io on the same port, and the engine.
import { createServer } from 'node:http';
import next from 'next';
import { stampPeerAddress } from './lib/auth/address';
import { ensureEnvAdmin } from './lib/auth/bootstrap';
import { loadSessionSecret } from './lib/auth/secret';
import { pruneExpiredSessions } from './lib/auth/sessions';
import { SignInLimiter } from './lib/auth/sign-in-limiter';
import { dataDir, databaseUrl, listenPort } from './lib/config';
import { openDb } from './lib/db/client';
import { applyMigrations } from './lib/db/migrate';
import { createEngine, runEngineLoop } from './lib/engine-runtime';
import { handleDataPath } from './lib/http/data-path';
import { answerClientError, refuseUnroutable } from './lib/http/raw-guard';
import { createLogger } from './lib/log';
import { createConsoleMetrics } from './lib/metrics/node-metrics';
import { handleMetrics } from './lib/metrics/metrics-endpoint';
import { loadClock, loadFleetSnapshot, loadRelationships } from './lib/persist/hydrate';
import { loadFaults } from './lib/persist/fault-rows';
import { Persister } from './lib/persist/persister';
import { VolumeSyncs } from './lib/persist/volume-syncs';
import { startEventFeed } from './lib/realtime/event-feed';
import { LivePush } from './lib/realtime/live-push';
import { THROUGHPUT_SAMPLE_MS, THROUGHPUT_SAMPLED, ThroughputHistory } from './lib/realtime/throughput';
import { attachSocketServer } from './lib/realtime/socket-server';
import { clearRuntime, registerRuntime } from './lib/runtime';
import { seedIfEmpty } from './lib/seed/seed';
import { watchAutoDeleteGroups } from './lib/services/consistency-groups';
import { HostIoCounters } from './lib/services/host-io-counters';
import { handleSantricity } from './lib/vendor/santricity/http';
import { startVendorSurfaces } from './lib/vendor/start';
import { VERSION } from './lib/version';

const SHUTDOWN_GRACE_MS = 10_000;
const SESSION_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  const log = createLogger();
  const dev = process.env.NODE_ENV !== 'production';
  const port = listenPort();
  const url = databaseUrl();
  log.info({ version: VERSION, dataDir: dataDir(), dev }, 'starting Grainline');

  await applyMigrations(url);
  const db = openDb(url);
  if (await seedIfEmpty(db)) log.info('seeded the demo fleet into an empty inventory');
  await ensureEnvAdmin(db, log);
  const sessionSecret = await loadSessionSecret(db);
  const pruneSessions = setInterval(
    () => void pruneExpiredSessions(db).catch((err: unknown) => log.error({ err }, 'could not prune expired sessions')),
    SESSION_PRUNE_INTERVAL_MS,
  );
  pruneSessions.unref();

  const snapshot = await loadFleetSnapshot(db);
  const relationships = await loadRelationships(db, snapshot);
  const engine = createEngine(dataDir(), snapshot, relationships, await loadClock(db));
  engine.loadFaults(await loadFaults(db));
  // Exit 70 (internal software error), as for a failed tick: a restart resumes from the last save.
  const persister = new Persister(
    db,
    engine,
    log,
    relationships.map((r) => r.id),
    { onBacklogFull: () => process.exit(70) },
  );
  persister.start();
  const metrics = createConsoleMetrics(__dirname);
  // Fail fast: a broken invariant ends the process before anything saves the broken state.
  const loop = runEngineLoop(engine, log, () => process.exit(70), metrics.engineTicked);
  log.info({ arrays: engine.fleet.arrayCount(), volumes: engine.fleet.volumeCount(), copies: relationships.length }, 'engine loaded the inventory');

  const app = next({ dev, dir: __dirname, hostname: 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const http = createServer((req, res) => {
    stampPeerAddress(req); // "from where" for the audit trail; never taken from the client
    metrics.http.observe(req, res);
    if (handleMetrics(runtime, metrics.registry, req, res)) return; // GET /metrics: Prometheus text
    // SANtricity Web Services answer /devmgr in their own error shape, broken escapes included.
    if (handleSantricity(runtime, req, res)) return;
    // Host reads and writes, the data path: answered here, not by Next (lib/http/data-path.ts).
    if (handleDataPath(runtime, req, res)) return;
    if (refuseUnroutable(req, res)) return; // broken escapes, TRACE & co: a JSON error, not Next's bare 500
    void handle(req, res);
  });
  http.on('clientError', answerClientError); // oversized URL/headers, malformed framing: JSON too
  const io = attachSocketServer(http, log, { db, sessionSecret });
  const livePush = new LivePush({ io, engine, db, log });
  livePush.start();
  const eventFeed = startEventFeed(io, db, log);
  const throughput = new ThroughputHistory();
  const sampleThroughput = setInterval(() => {
    const sample = throughput.record(Date.now(), engine.clock.nowMs(), engine.copiedBytesSinceStart());
    io.to('fleet').emit(THROUGHPUT_SAMPLED, sample);
  }, THROUGHPUT_SAMPLE_MS);
  const hostIo = { syncs: new VolumeSyncs((volumeId) => engine.store(volumeId).syncData()), counters: new HostIoCounters() };
  const runtime = { db, engine, persister, log, io, startedAt: new Date(), auth: { sessionSecret, signInLimiter: new SignInLimiter() }, throughput, hostIo };
  registerRuntime(runtime);
  metrics.watch(runtime);
  watchAutoDeleteGroups(runtime);

  // The vendor ports first: once /api/health answers, the SVC REST and SSH ports listen too.
  const vendor = await startVendorSurfaces(runtime, dataDir());
  await new Promise<void>((resolve) => http.listen(port, resolve));
  const address = http.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  log.info({ port: boundPort, url: `http://localhost:${boundPort}` }, 'Grainline is serving');
  if (vendor.nbdPort !== null) log.info({ nbdPort: vendor.nbdPort }, `NBD: every volume at nbd://localhost:${vendor.nbdPort}/<volume>%3Ftoken%3D<API token>`);
  log.info(
    { svcRestPort: vendor.svcRestPort, svcSshPort: vendor.svcSshPort },
    'vendor APIs: SVC REST (https) and SVC CLI (ssh) on storwize arrays, SANtricity Web Services at /devmgr on this port',
  );

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
      livePush.stop();
      eventFeed.stop();
      clearInterval(sampleThroughput);
      clearInterval(pruneSessions);
      await vendor.close();
      await io.close(); // also closes the HTTP server (in-flight requests finish first)
      loop.stop();
      await persister.stop();
      engine.close(); // flushes every volume store
      clearRuntime();
      await db.$disconnect();
      log.info('stopped');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Grainline failed to start:', error);
  process.exit(1);
});
