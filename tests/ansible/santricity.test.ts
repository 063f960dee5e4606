// NetApp's own Ansible modules, from Debian's ansible package and unmodified, against Grainline's
// SANtricity Web Services: netapp_e_volume_copy (create, stop, start, remove a pair),
// na_santricity_facts and netapp_e_facts. Each outcome is checked on Grainline's own API: the copy
// exists or is gone, it completes when simulated time advances, the target holds the source's
// bytes, and the facts name the array's real controllers, pools and volumes. Paused clock, stepped.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';
import { requireAnsiblePlaybook, runPlaybook, type PlaybookRun, type TaskResult } from './run-playbook';
import type { GrainlineArray, GrainlineCopy, GrainlineVolume } from '../support/grainline-types';

const PLAYBOOK_TEST_TIMEOUT_MS = 240_000;
const OPERATOR = { username: 'ansible-operator', password: 'ansible-password-1' };
const MONITOR = { username: 'ansible-monitor', password: 'ansible-monitor-pw-1' };
const KiB = 1024;
const MiB = 1024 * KiB;
const VOLUME_BYTES = 8 * MiB;

let server: RunningServer;
let token = '';
const grainline = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

let array: GrainlineArray;
let source: GrainlineVolume;
let target: GrainlineVolume;

function connection(login = OPERATOR, ssid = array.name): Record<string, unknown> {
  return { api_url: `http://localhost:${server.port}/devmgr/v2`, api_username: login.username, api_password: login.password, ssid };
}

/** The one task result of a one-task playbook, with the whole output on failure. */
function onlyTask(run: PlaybookRun): TaskResult {
  expect(run.results, run.output).toHaveLength(1);
  return run.results[0] as TaskResult;
}

function expectSucceeded(run: PlaybookRun, changed: boolean): TaskResult {
  const task = onlyTask(run);
  expect(run.code, run.output).toBe(0);
  expect(task.failed, run.output).toBe(false);
  expect(task.changed, run.output).toBe(changed);
  return task;
}

async function createVolume(name: string): Promise<GrainlineVolume> {
  const created = await grainline.post<GrainlineVolume>('/api/volumes', { arrayId: array.id, name, capacityBytes: VOLUME_BYTES });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function advance(seconds: number): Promise<void> {
  expect((await grainline.post('/api/simulation/advance', { seconds })).status).toBe(200);
}

async function copiesOfSource(): Promise<GrainlineCopy[]> {
  return (await grainline.get<GrainlineCopy[]>(`/api/copies?type=volume-copy&volumeId=${source.id}`)).body;
}

async function copyState(id: string): Promise<string> {
  return (await grainline.get<GrainlineCopy>(`/api/copies/${id}`)).body.state;
}

async function volumeBytes(volume: GrainlineVolume): Promise<Buffer> {
  const read = await grainline.getBytes(`/api/volumes/${volume.id}/data?offset=0&length=${VOLUME_BYTES}`);
  expect(read.status).toBe(200);
  return Buffer.from(read.bytes);
}

const pattern = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

beforeAll(async () => {
  requireAnsiblePlaybook();
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await grainline.put('/api/simulation', { speed: 0 })).status).toBe(200);
  expect((await grainline.post('/api/users', { ...OPERATOR, role: 'operator' })).status).toBe(201);
  expect((await grainline.post('/api/users', { ...MONITOR, role: 'monitor' })).status).toBe(201);
  const arrays = (await grainline.get<GrainlineArray[]>('/api/arrays')).body;
  const found = arrays.find((a) => a.model === 'santricity');
  if (!found) throw new Error('the demo fleet has no santricity array');
  array = found;
  source = await createVolume('ansible_copy_src');
  target = await createVolume('ansible_copy_tgt');
  // A few KiB in three places, so "the target equals the source" means real bytes moved.
  for (const [offset, seed] of [
    [0, 1],
    [1 * MiB + 512, 2],
    [VOLUME_BYTES - 4 * KiB, 3],
  ] as const) {
    expect((await grainline.putBytes(`/api/volumes/${source.id}/data?offset=${offset}`, pattern(4 * KiB, seed))).status).toBe(204);
  }
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('netapp_e_volume_copy against Grainline', () => {
  let pairId = '';

  it(
    'refuses a monitor: the module fails and no pair is created',
    async () => {
      const run = await runPlaybook('santricity/volume-copy-present.yml', {
        ...connection(MONITOR),
        source_volume_id: source.id,
        destination_volume_id: target.id,
      });
      const task = onlyTask(run);
      expect(run.code, run.output).not.toBe(0);
      expect(task.failed).toBe(true);
      expect(task.msg).toMatch(/Could not create volume copy pair Code: 403/);
      expect(await copiesOfSource()).toEqual([]);
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );

  it(
    "creates a pair (state present); Grainline shows the volume copy, which completes with the source's bytes",
    async () => {
      const run = await runPlaybook('santricity/volume-copy-present.yml', { ...connection(), source_volume_id: source.id, destination_volume_id: target.id });
      const task = expectSucceeded(run, true);
      const id = /Created Volume Copy Pair with ID: (\S+)/.exec(task.msg ?? '')?.[1];
      const copies = await copiesOfSource();
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatchObject({ id, type: 'volume-copy', state: 'in-progress', targetVolumeId: target.id });
      pairId = copies[0]?.id ?? '';
      await advance(60);
      expect(await copyState(pairId)).toBe('completed');
      expect((await volumeBytes(target)).equals(await volumeBytes(source))).toBe(true);
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );

  it(
    'starts a completed copy again, stops it, and each second run changes nothing',
    async () => {
      const control = (value: 'start' | 'stop') =>
        runPlaybook('santricity/volume-copy-control.yml', { ...connection(OPERATOR, array.id), pair_id: pairId, control: value });
      expectSucceeded(await control('start'), true);
      expect(await copyState(pairId)).toBe('in-progress');
      expectSucceeded(await control('start'), false);
      expectSucceeded(await control('stop'), true);
      expect(await copyState(pairId)).toBe('stopped');
      expectSucceeded(await control('stop'), false);
      const restarted = expectSucceeded(await control('start'), true);
      expect(restarted.result.percent_done).toBe(0);
      expect(await copyState(pairId)).toBe('in-progress');
      await advance(60);
      expect(await copyState(pairId)).toBe('completed');
      expect((await volumeBytes(target)).equals(await volumeBytes(source))).toBe(true);
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );

  it(
    "removes the pair (state absent), keeping the target's data; a second run finds nothing to do",
    async () => {
      const removed = expectSucceeded(await runPlaybook('santricity/volume-copy-absent.yml', { ...connection(), pair_id: pairId }), true);
      expect(removed.msg).toMatch(/was deleted/);
      expect((await grainline.get(`/api/copies/${pairId}`)).status).toBe(404);
      expect((await grainline.get<GrainlineVolume>(`/api/volumes/${target.id}`)).body.roles).toEqual([]);
      expect((await volumeBytes(target)).equals(await volumeBytes(source))).toBe(true);
      const again = expectSucceeded(await runPlaybook('santricity/volume-copy-absent.yml', { ...connection(), pair_id: pairId }), false);
      expect(again.msg).toMatch(/does not exist/);
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );
});

describe('facts modules against Grainline', () => {
  interface Facts {
    ssid: string;
    facts_from_proxy: boolean;
    netapp_storage_array: { name: string; chassis_serial: string; wwn: string };
    netapp_controllers: { name: string; serial: string; status: string }[];
    netapp_storage_pools: { id: string; name: string; available_capacity: string; total_capacity: string; used_capacity: string }[];
    netapp_volumes: { id: string; name: string; parent_storage_pool_id: string; capacity: string; is_thin_provisioned: boolean }[];
  }

  it(
    "na_santricity_facts and netapp_e_facts report the array's controllers, pools and volumes",
    async () => {
      const run = await runPlaybook('santricity/facts.yml', connection());
      expect(run.code, run.output).toBe(0);
      expect(run.results.map((task) => task.failed)).toEqual([false, false]);
      const volumes = (await grainline.get<GrainlineVolume[]>(`/api/volumes?arrayId=${array.id}`)).body;
      for (const task of run.results) {
        const facts = task.result.storage_array_facts as Facts;
        expect(facts.ssid).toBe(array.name);
        expect(facts.facts_from_proxy).toBe(false);
        expect(facts.netapp_storage_array).toMatchObject({ name: array.name, chassis_serial: array.serial });
        expect(facts.netapp_controllers.map((c) => [c.name, c.status])).toEqual(
          array.controllers.map((c) => [c.slot, c.status === 'online' ? 'optimal' : 'failed']),
        );
        expect(facts.netapp_storage_pools.map((p) => [p.id, p.name, p.total_capacity])).toEqual(
          [...array.pools].sort((a, b) => a.name.localeCompare(b.name)).map((p) => [p.id, p.name, String(p.capacityBytes)]),
        );
        expect(facts.netapp_volumes.map((v) => v.id).sort()).toEqual(volumes.map((v) => v.id).sort());
        const copySource = facts.netapp_volumes.find((v) => v.id === source.id);
        expect(copySource).toMatchObject({
          name: 'ansible_copy_src',
          parent_storage_pool_id: source.poolId,
          capacity: String(VOLUME_BYTES),
          is_thin_provisioned: false,
        });
      }
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );

  it(
    'fails the facts module for an array that is not a SANtricity array',
    async () => {
      const run = await runPlaybook('santricity/facts.yml', connection(OPERATOR, 'no-such-array'));
      expect(run.code, run.output).not.toBe(0);
      expect(run.results[0]?.failed, run.output).toBe(true);
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );
});
