// `npm run bench:writes`: acknowledged host writes per second through the real server, one writer
// against 16 concurrent writers in the same run. A write is answered only after the save of the
// bitmaps it marked commits and its data is fdatasync'ed (README, Durability); concurrent writes
// share saves (group commit), so their rate should be a multiple of the lone writer's.
import fs from 'node:fs';
import { apiClient } from '../tests/support/api';
import { adminToken, bearer } from '../tests/support/auth';
import { startServer } from '../tests/support/server';
import { buildIfNeeded } from './build-if-needed';

const MiB = 1024 * 1024;
const RUN_MS = 8_000;
const BLOCK_BYTES = 4096;

async function main(): Promise<void> {
  buildIfNeeded();
  const server = await startServer();
  try {
    const token = await adminToken(server.baseUrl, server.dataDir);
    const api = apiClient(
      () => server.baseUrl,
      () => bearer(token),
    );
    const arrays = (await api.get<{ id: string; model: string }[]>('/api/arrays')).body;
    const storwize = arrays.find((array) => array.model === 'storwize')!;
    const volume = async (name: string) => (await api.post<{ id: string }>('/api/volumes', { arrayId: storwize.id, name, capacityBytes: 256 * MiB })).body.id;
    // A mapping on the written volume, so every write goes through copy-on-write and a saved bitmap.
    const source = await volume('bench_writes_src');
    const target = await volume('bench_writes_tgt');
    await api.post('/api/copies', { type: 'flashcopy', sourceVolumeId: source, targetVolumeId: target, options: { copyRate: 0 } });
    const measure = async (writers: number) => {
      let done = 0;
      const latenciesMs: number[] = [];
      const until = performance.now() + RUN_MS;
      const data = new Uint8Array(BLOCK_BYTES).fill(7);
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (performance.now() < until) {
            const started = performance.now();
            const offset = Math.floor(Math.random() * ((256 * MiB) / BLOCK_BYTES)) * BLOCK_BYTES;
            const result = await api.putBytes(`/api/volumes/${source}/data?offset=${offset}`, data);
            if (result.status !== 204) throw new Error(`write refused: ${result.status}`);
            latenciesMs.push(performance.now() - started);
            done += 1;
          }
        }),
      );
      latenciesMs.sort((a, b) => a - b);
      return { perSec: done / (RUN_MS / 1000), p50Ms: latenciesMs[Math.floor(latenciesMs.length / 2)] ?? 0 };
    };
    const lone = await measure(1);
    const many = await measure(16);
    console.log('metric                      1 writer   16 writers   ratio');
    console.log(
      `acknowledged writes/s   ${lone.perSec.toFixed(0).padStart(11)}  ${many.perSec.toFixed(0).padStart(11)}  ${(many.perSec / lone.perSec).toFixed(2).padStart(6)}×`,
    );
    console.log(
      `latency p50 (ms)        ${lone.p50Ms.toFixed(1).padStart(11)}  ${many.p50Ms.toFixed(1).padStart(11)}  ${(many.p50Ms / lone.p50Ms).toFixed(2).padStart(6)}×`,
    );
  } finally {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
