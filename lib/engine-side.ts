// The engine and everything that runs beside it: loaded from the inventory and the volume files,
// saved by the persister, pushed live to consoles, reachable through the vendor surfaces. Alone on
// SQLite a node starts it at once; in a cluster only the node holding the engine lease does
// (seed 004's primary Copy Services Server), at start or when it takes over.
import type { Server as SocketServer } from 'socket.io';
import { ensureEnvAdmin } from './auth/bootstrap';
import { createEngine, runEngineLoop } from './engine-runtime';
import { loadClock, loadFleetSnapshot, loadRelationships } from './persist/hydrate';
import { loadFaults } from './persist/fault-rows';
import { Persister } from './persist/persister';
import { VolumeSyncs } from './persist/volume-syncs';
import type { Prisma } from './db/generated/client';
import { LivePush } from './realtime/live-push';
import { THROUGHPUT_SAMPLE_MS, THROUGHPUT_SAMPLED, ThroughputHistory } from './realtime/throughput';
import { clearRuntime, registerRuntime, type NodeRuntime, type Runtime } from './runtime';
import { seedIfEmpty } from './seed/seed';
import { watchAutoDeleteGroups } from './services/consistency-groups';
import { HostIoCounters } from './services/host-io-counters';
import { startVendorSurfaces, type VendorSurfaces } from './vendor/start';

export interface EngineSideOptions {
  dataDir: string;
  /** Exit code 70 (internal software error) and the like: a restart resumes from the last save. */
  onFatal: (code: number) => void;
  /** Checked in every save's transaction (cluster: the lease epoch). */
  fence?: (tx: Prisma.TransactionClient) => Promise<void>;
  /** Checked before every tick (cluster: still inside the lease by this node's clock). */
  mayWrite?: () => boolean;
  /** Hears each tick's duration (the metrics). */
  onTicked?: (durationMs: number) => void;
  /** Several nodes: consoles' watches arrive through lib/cluster/watch-relay.ts, handed the LivePush here. */
  cluster?: { onLivePush: (livePush: LivePush) => void };
  /** Called once the runtime is registered (the metrics start watching it). */
  onStarted?: (runtime: Runtime) => void;
}

export interface EngineSide {
  runtime: Runtime;
  vendor: VendorSurfaces;
  /** A clean stop: the last save, then every volume store flushed. */
  stop: () => Promise<void>;
}

export async function startEngineSide(node: NodeRuntime, options: EngineSideOptions): Promise<EngineSide> {
  const { db, log } = node;
  // Under the lease (or alone): two nodes never seed one inventory at once.
  if (await seedIfEmpty(db)) log.info('seeded the demo fleet into an empty inventory');
  await ensureEnvAdmin(db, log);

  const snapshot = await loadFleetSnapshot(db);
  const relationships = await loadRelationships(db, snapshot);
  const engine = createEngine(options.dataDir, snapshot, relationships, await loadClock(db));
  engine.loadFaults(await loadFaults(db));
  const persister = new Persister(
    db,
    engine,
    log,
    relationships.map((r) => r.id),
    { onBacklogFull: () => options.onFatal(70), ...(options.fence !== undefined ? { fence: options.fence } : {}) },
  );
  persister.start();
  // Fail fast: a broken invariant ends the process before anything saves the broken state.
  const loop = runEngineLoop(engine, log, () => options.onFatal(70), {
    ...(options.mayWrite !== undefined ? { mayWrite: options.mayWrite } : {}),
    ...(options.onTicked !== undefined ? { onTicked: options.onTicked } : {}),
  });
  log.info({ arrays: engine.fleet.arrayCount(), volumes: engine.fleet.volumeCount(), copies: relationships.length }, 'engine loaded the inventory');

  const io = node.io as SocketServer;
  const livePush = new LivePush({ io, engine, db, log, clustered: options.cluster !== undefined });
  livePush.start();
  options.cluster?.onLivePush(livePush);
  const throughput = new ThroughputHistory();
  const sampleThroughput = setInterval(() => {
    const sample = throughput.record(Date.now(), engine.clock.nowMs(), engine.copiedBytesSinceStart());
    io.to('fleet').emit(THROUGHPUT_SAMPLED, sample);
  }, THROUGHPUT_SAMPLE_MS);
  const hostIo = { syncs: new VolumeSyncs((volumeId) => engine.store(volumeId).syncData()), counters: new HostIoCounters() };
  const runtime: Runtime = { ...node, engine, persister, throughput, hostIo };
  registerRuntime(runtime);
  options.onStarted?.(runtime);
  const stopGroupWatch = watchAutoDeleteGroups(runtime);
  const vendor = await startVendorSurfaces(runtime, options.dataDir);

  return {
    runtime,
    vendor,
    async stop() {
      livePush.stop();
      clearInterval(sampleThroughput);
      stopGroupWatch();
      await vendor.close();
      loop.stop();
      await persister.stop();
      engine.close(); // flushes every volume store
      clearRuntime();
    },
  };
}
