// Volumes over NBD with the real block tools from Debian (qemu-utils: qemu-img, qemu-io; libnbd-bin:
// nbdcopy, nbdinfo), against the real server: images written through the copy services' rules,
// point-in-time images read back, refusals as errno, and FUA writes surviving kill -9.
import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { adminToken, bearer, createTokenAs, signIn } from '../support/auth';
import { fuaWriteBenchArgs } from '../support/block-tools';
import { startServer, type RunningServer } from '../support/server';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const IMAGE_BYTES = 4 * MiB;

let server: RunningServer;
let token = '';
let workDir = '';
let image = '';

interface Volume {
  id: string;
  name: string;
}
interface Copy {
  id: string;
  state: string;
}

const api = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

function uri(volume: Volume, secret = token): string {
  return `nbd://127.0.0.1:${server.nbdPort}/${encodeURIComponent(`${volume.name}?token=${secret}`)}`;
}

async function createVolume(model: string, name: string, capacityBytes = IMAGE_BYTES): Promise<Volume> {
  const arrays = (await api.get<{ id: string; model: string }[]>('/api/arrays')).body;
  const array = arrays.find((a) => a.model === model)!;
  const created = await api.post<Volume>('/api/volumes', { arrayId: array.id, name, capacityBytes });
  expect(created.status).toBe(201);
  return created.body;
}

async function advance(seconds: number): Promise<void> {
  expect((await api.post('/api/simulation/advance', { seconds })).status).toBe(200);
}

async function state(copy: Copy): Promise<string> {
  return (await api.get<Copy>(`/api/copies/${copy.id}`)).body.state;
}

/** qemu-img writes the image into the volume, as a host restoring a disk would. */
async function writeImage(volume: Volume): Promise<void> {
  await run('qemu-img', ['convert', '-n', '-f', 'raw', '-O', 'raw', image, uri(volume)]);
}

/** nbdcopy reads the whole volume out; returns its bytes. */
async function readOut(volume: Volume, secret = token): Promise<Buffer> {
  const out = path.join(workDir, `${volume.name}-${crypto.randomUUID()}.raw`);
  await run('nbdcopy', [uri(volume, secret), out]);
  const bytes = fs.readFileSync(out);
  fs.rmSync(out);
  return bytes;
}

/** Overwrites parts of the volume with qemu-io (FUA), as a running host does after T0. */
async function overwrite(volume: Volume, secret = token): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('qemu-io', ['-f', 'raw', '-c', 'write -f -P 0xcd 0 1M', '-c', 'write -f -P 0xce 2M 64k', uri(volume, secret)]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

function sameAsImage(bytes: Buffer): boolean {
  return bytes.equals(fs.readFileSync(image));
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-nbd-'));
  image = path.join(workDir, 'image.raw');
  // Seeded bytes: the same image every run.
  const bytes = Buffer.alloc(IMAGE_BYTES);
  for (let offset = 0; offset < IMAGE_BYTES; offset += 32) crypto.createHash('sha256').update(`grainline ${offset}`).digest().copy(bytes, offset);
  fs.writeFileSync(image, bytes);
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await api.put('/api/simulation', { speed: 0 })).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('volumes over NBD with real block tools', () => {
  it('nbdinfo lists every volume and describes one; a FlashCopy target read by nbdcopy holds the image at T0', async () => {
    const source = await createVolume('storwize', 'nbd_fc_src');
    const target = await createVolume('storwize', 'nbd_fc_tgt');
    const list = (await run('nbdinfo', ['--list', '--json', `nbd://127.0.0.1:${server.nbdPort}`])).stdout;
    expect((JSON.parse(list) as { exports: { 'export-name': string }[] }).exports.map((e) => e['export-name'])).toEqual(
      expect.arrayContaining(['nbd_fc_src', 'nbd_fc_tgt']),
    );
    const info = JSON.parse((await run('nbdinfo', ['--json', uri(source)])).stdout) as { exports: { 'export-size': number; is_read_only: boolean }[] };
    expect(info.exports[0]).toMatchObject({ 'export-size': IMAGE_BYTES, is_read_only: false });

    await writeImage(source);
    expect(sameAsImage(await readOut(source))).toBe(true);
    const mapping = (await api.post<Copy>('/api/copies', { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 0 } }))
      .body;
    await advance(3);
    expect(await state(mapping)).toBe('copying');
    expect((await overwrite(source)).code).toBe(0);
    const after = await readOut(source);
    expect(after.subarray(0, MiB).every((byte) => byte === 0xcd)).toBe(true);
    expect(sameAsImage(await readOut(target))).toBe(true);
    // NBD I/O counts as host I/O on the volume.
    const usage = (await api.get<{ hostIo: { writes: number; reads: number } }>(`/api/volumes/${source.id}/usage`)).body;
    expect(usage.hostIo.writes).toBeGreaterThan(0);
    expect(usage.hostIo.reads).toBeGreaterThan(0);
  });

  it('a split ShadowImage S-VOL holds the image at the split; while paired, writes to it fail with EPERM and change nothing', async () => {
    const pvol = await createVolume('xp7', 'nbd_si_p');
    const svol = await createVolume('xp7', 'nbd_si_s');
    await writeImage(pvol);
    const pair = (await api.post<Copy>('/api/copies', { type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: svol.id, options: { pace: 'faster' } }))
      .body;
    await advance(60);
    expect(await state(pair)).toBe('PAIR');
    const refused = await overwrite(svol);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/Operation not permitted/);
    expect((await api.post<Copy>(`/api/copies/${pair.id}/actions/split`, { mode: 'quick' })).body.state).toMatch(/^PSUS/);
    expect((await overwrite(pvol)).code).toBe(0);
    await advance(10);
    expect(await state(pair)).toBe('PSUS');
    expect(sameAsImage(await readOut(svol))).toBe(true);
  });

  it('a SANtricity volume copy target holds the image; it refuses writes while read-only, and a monitor gets a read-only export', async () => {
    const source = await createVolume('santricity', 'nbd_vc_src');
    const target = await createVolume('santricity', 'nbd_vc_tgt');
    await writeImage(source);
    const copy = (await api.post<Copy>('/api/copies', { type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id })).body;
    expect(copy.state).toBe('in-progress');
    // The source of a volume copy in progress takes no writes.
    expect((await overwrite(source)).output).toMatch(/Operation not permitted/);
    await advance(120);
    expect(await state(copy)).toBe('completed');
    expect((await overwrite(source)).code).toBe(0);
    expect(sameAsImage(await readOut(target))).toBe(true);
    const refused = await overwrite(target);
    expect(refused.output).toMatch(/Operation not permitted/);
    expect(sameAsImage(await readOut(target))).toBe(true);

    const admin = await signIn(server.baseUrl, 'admin', 'test-admin-password-1');
    const users = apiClient(
      () => server.baseUrl,
      () => bearer(token),
    );
    expect((await users.post('/api/users', { username: 'nbd-monitor', password: 'monitor-password-9', role: 'monitor' })).status).toBe(201);
    const monitor = await signIn(server.baseUrl, 'nbd-monitor', 'monitor-password-9');
    const monitorToken = await createTokenAs(server.baseUrl, monitor, 'nbd reader');
    expect(admin.cookie).not.toBe('');
    const info = JSON.parse((await run('nbdinfo', ['--json', uri(source, monitorToken)])).stdout) as { exports: { is_read_only: boolean }[] };
    expect(info.exports[0]?.is_read_only).toBe(true);
    expect(sameAsImage(await readOut(target, monitorToken))).toBe(true);
    const monitorWrite = await overwrite(target, monitorToken);
    // qemu opens read-write by default: the read-only export refuses it outright.
    expect(monitorWrite.output).toMatch(/Permission denied|Operation not permitted/);
    // A wrong token opens nothing.
    await expect(run('nbdinfo', [uri(source, 'gl_not-a-real-token')])).rejects.toThrow();
  });
});

describe('NBD durability', () => {
  it('keeps every write qemu-io saw acknowledged with FUA across kill -9', async () => {
    await everyAcknowledgedWriteSurvivesKill('nbd_crash', 'write', 400, 40);
  });

  it('keeps every pipelined FUA write acknowledged across kill -9, the writes in flight sharing fdatasyncs', async () => {
    // qemu's NBD client keeps up to 16 requests in flight; their replies may come back in any order.
    const volume = await createVolume('storwize', 'nbd_group');
    const before = await hostSyncs();
    const { stdout } = await run('qemu-img', fuaWriteBenchArgs(uri(volume), { depth: 16, count: 1000, blockBytes: 4096, pattern: 9 }));
    expect(stdout).toMatch(/Run completed/);
    const after = await hostSyncs();
    const waiters = after.waiters - before.waiters;
    expect(waiters).toBeGreaterThanOrEqual(1000); // every write waited for a sync (FUA)
    // Answered one at a time, each write would have had a sync of its own (one waiter per sync).
    expect(waiters / (after.syncs - before.syncs)).toBeGreaterThan(2);
    const written = await readOut(volume);
    expect(written.subarray(0, 1000 * 4096).every((byte) => byte === 9)).toBe(true);

    // Thousands queued at once, so the kill lands with many still in flight.
    await everyAcknowledgedWriteSurvivesKill('nbd_crash_pipelined', 'aio_write', 12_000, 500);
  });
});

/** grainline_host_syncs_total and grainline_host_sync_waiters_total now. */
async function hostSyncs(): Promise<{ syncs: number; waiters: number }> {
  const text = await (await fetch(`${server.baseUrl}/metrics`, { headers: bearer(token) })).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { syncs: read('grainline_host_syncs_total'), waiters: read('grainline_host_sync_waiters_total') };
}

/**
 * qemu-io writes `writes` blocks of 4 KiB with FUA (`write`: one at a time; `aio_write`: pipelined),
 * the server is killed with SIGKILL once `killAfter` were acknowledged, and after a restart every
 * acknowledged block holds its pattern.
 */
async function everyAcknowledgedWriteSurvivesKill(name: string, command: 'write' | 'aio_write', writes: number, killAfter: number): Promise<void> {
  const volume = await createVolume('storwize', name, Math.max(IMAGE_BYTES, writes * 4096));
  const commands = Array.from({ length: writes }, (_, i) => ['-c', `${command} -f -P ${(i % 250) + 1} ${i * 4096} 4k`]).flat();
  const child = spawn('qemu-io', ['-f', 'raw', ...commands, uri(volume)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const acknowledged = () => [...output.matchAll(/wrote 4096\/4096 bytes at offset (\d+)/g)].map((match) => Number(match[1]));
  const killed = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (acknowledged().length >= killAfter && server.process.exitCode === null) {
        server.process.kill('SIGKILL');
        resolve();
      }
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await killed;
  await exited;
  const seen = acknowledged();
  expect(seen.length).toBeGreaterThanOrEqual(killAfter);
  expect(seen.length).toBeLessThan(writes);
  server = await startServer({
    dataDir: server.dataDir,
    port: server.port,
    env: { GRAINLINE_SVC_PORT: String(server.svcPort), GRAINLINE_SVC_SSH_PORT: String(server.sshPort), GRAINLINE_NBD_PORT: String(server.nbdPort) },
  });
  const bytes = await readOut(volume);
  for (const offset of seen) {
    const pattern = ((offset / 4096) % 250) + 1;
    expect(bytes.subarray(offset, offset + 4096).every((byte) => byte === pattern)).toBe(true);
  }
}
