// This node's metrics, in one prom-client registry per process: Node's own (CPU, memory, event
// loop lag, GC; prefixed grainline_), HTTP requests, the engine, the persister, host I/O, live
// sockets and the node's cluster role. server.ts creates it before the engine loop starts (the
// loop reports its ticks) and hands it the runtime once that exists (watch).
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Server as SocketServer } from 'socket.io';
import { VERSION } from '../version';
import { registerClusterRoleMetrics } from './cluster-role';
import { registerEngineMetrics, registerTickMetrics, type CopySource } from './engine-metrics';
import { registerHostIoMetrics, type HostIoSource, type HostSyncSource } from './host-io-metrics';
import { HttpMetrics } from './http-metrics';
import { registerPersisterMetrics, type SaveSource } from './persister-metrics';
import { consoleRoutePatterns, type RoutePatterns } from './route-patterns';

export interface NodeMetrics {
  registry: Registry;
  http: HttpMetrics;
  /** For runEngineLoop's onTicked. */
  engineTicked: (durationMs: number) => void;
  /** Starts reporting what the runtime holds (copies, saves, host I/O, sockets). Once. */
  watch(runtime: WatchedRuntime): void;
}

/** The parts of the runtime (lib/runtime.ts) the metrics read. */
export interface WatchedRuntime {
  engine: CopySource;
  persister: SaveSource;
  hostIo: { counters: HostIoSource; syncs: HostSyncSource };
  io: Pick<SocketServer, 'of'> | null;
}

export function createNodeMetrics(routes: RoutePatterns): NodeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'grainline_' });
  new Gauge({ name: 'grainline_build_info', help: 'Always 1; the Grainline version this node runs', labelNames: ['version'], registers: [registry] }).set(
    { version: VERSION },
    1,
  );
  registerClusterRoleMetrics(registry);
  let watching = false;
  return {
    registry,
    http: new HttpMetrics(registry, routes),
    engineTicked: registerTickMetrics(registry),
    watch(runtime) {
      if (watching) throw new Error('the metrics already watch a runtime');
      watching = true;
      registerEngineMetrics(registry, runtime.engine);
      registerPersisterMetrics(registry, runtime.persister);
      registerHostIoMetrics(registry, runtime.hostIo.counters, runtime.hostIo.syncs);
      const io = runtime.io;
      new Gauge({
        name: 'grainline_socket_clients',
        help: 'Live-update (socket.io) clients connected and signed in now',
        registers: [registry],
        collect() {
          this.set(io === null ? 0 : io.of('/').sockets.size);
        },
      });
    },
  };
}

/** The console's metrics, routes read from the project's app/ and public/ (see route-patterns.ts). */
export function createConsoleMetrics(projectDir: string): NodeMetrics {
  return createNodeMetrics(consoleRoutePatterns(projectDir));
}
