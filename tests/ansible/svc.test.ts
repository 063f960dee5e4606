// IBM's own Ansible modules (ibm.spectrum_virtualize, from Debian's ansible package, unmodified)
// against Grainline's Spectrum Virtualize REST API on the demo Storwize array: ibm_svc_info,
// ibm_svc_manage_volume, ibm_svc_manage_flashcopy, ibm_svc_start_stop_flashcopy and
// ibm_svc_manage_consistgrp_flashcopy. The collection hard-codes https and port 7443, so this
// suite's server listens there. Each outcome is checked on Grainline's own API: the mapping exists
// with the rate asked, it completes when simulated time advances (a clone then deletes itself),
// and the target holds the source's bytes. Paused clock, stepped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';
import { svcClient, waitListening, waitPortFree, type SvcClient } from '../support/svc-client';
import { requireAnsiblePlaybook, runPlaybook, type PlaybookRun, type TaskResult } from './run-playbook';
import type { GrainlineArray, GrainlineCopy, GrainlineGroup, GrainlineVolume } from '../support/grainline-types';

/** The IBM collection's only port (IBMSVCRestApi.port); nothing in a playbook can change it. */
const SVC_PORT = 7443;
const PLAYBOOK_TEST_TIMEOUT_MS = 150_000;
/** How long beforeAll waits for another process to let go of port 7443. */
const PORT_WAIT_MS = 90_000;
const MONITOR = { username: 'ansible-svc-monitor', password: 'ansible-svc-monitor-pw-1' };
const KiB = 1024;
const MiB = 1024 * KiB;
const VOLUME_MB = 16;
const VOLUME_BYTES = VOLUME_MB * MiB;

type Row = Record<string, string>;

let server: RunningServer;
let token = '';
let storwize: GrainlineArray;
let workDir = '';
let runCount = 0;
let svc: SvcClient;
const grainline = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

/** Runs tests/ansible/svc/<file> as `login` against this suite's server; the module log is kept for failure messages. */
async function play(file: string, vars: Record<string, unknown>, login: { username: string; password: string } = TEST_ADMIN): Promise<PlaybookRun> {
  runCount += 1;
  const logPath = path.join(workDir, `${runCount}-${path.basename(file, '.yml')}.log`);
  // Skips interpreter discovery on every run where Debian's python3 is there (a few seconds a run).
  const python: Record<string, string> = fs.existsSync('/usr/bin/python3') ? { ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3' } : {};
  const run = await runPlaybook(
    path.join('svc', file),
    { clustername: 'localhost', username: login.username, password: login.password, log_path: logPath, ...vars },
    python,
  );
  const log = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : '(no module log)';
  return { ...run, output: `${run.output}\n--- module log (${logPath}) ---\n${log.split('\n').slice(-60).join('\n')}` };
}

/** Every task of the run succeeded; their `changed`, in order, are `changed`. */
function expectSucceeded(run: PlaybookRun, changed: boolean[]): TaskResult[] {
  expect(run.code, run.output).toBe(0);
  const ran = run.results.filter((task) => !task.skipped);
  expect(
    ran.map((task) => task.failed),
    run.output,
  ).toEqual(changed.map(() => false));
  expect(
    ran.map((task) => task.changed),
    run.output,
  ).toEqual(changed);
  return ran;
}

async function volumes(): Promise<GrainlineVolume[]> {
  return (await grainline.get<GrainlineVolume[]>(`/api/volumes?arrayId=${storwize.id}`)).body;
}
async function volumeNamed(name: string): Promise<GrainlineVolume | undefined> {
  return (await volumes()).find((v) => v.name === name);
}
async function copyNamed(name: string): Promise<GrainlineCopy | undefined> {
  return (await grainline.get<GrainlineCopy[]>(`/api/copies?arrayId=${storwize.id}`)).body.find((c) => c.name === name);
}
async function requireCopy(name: string): Promise<GrainlineCopy> {
  const copy = await copyNamed(name);
  if (copy === undefined) throw new Error(`Grainline has no copy named ${name}`);
  return copy;
}
async function groupNamed(name: string): Promise<GrainlineGroup | undefined> {
  return (await grainline.get<GrainlineGroup[]>('/api/consistency-groups')).body.find((g) => g.arrayId === storwize.id && g.name === name);
}
async function advance(seconds: number): Promise<void> {
  expect((await grainline.post('/api/simulation/advance', { seconds })).status).toBe(200);
}
async function createVolume(name: string): Promise<GrainlineVolume> {
  const created = await grainline.post<GrainlineVolume>('/api/volumes', { arrayId: storwize.id, name, capacityBytes: VOLUME_BYTES });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const pattern = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 29 + seed) & 0xff);
/** A few KiB in three places, so "the target equals the source" means real bytes moved. */
const SPOTS = [
  [0, 11],
  [3 * MiB + 512, 12],
  [VOLUME_BYTES - 4 * KiB, 13],
] as const;
async function writeSpots(volume: GrainlineVolume, seedOffset = 0): Promise<void> {
  for (const [offset, seed] of SPOTS) {
    expect((await grainline.putBytes(`/api/volumes/${volume.id}/data?offset=${offset}`, pattern(4 * KiB, seed + seedOffset))).status).toBe(204);
  }
}
async function spots(volume: GrainlineVolume): Promise<Buffer[]> {
  const read: Buffer[] = [];
  for (const [offset] of SPOTS) {
    const answer = await grainline.getBytes(`/api/volumes/${volume.id}/data?offset=${offset}&length=${4 * KiB}`);
    expect(answer.status, answer.text).toBe(200);
    read.push(Buffer.from(answer.bytes));
  }
  return read;
}
const expectedSpots = (seedOffset = 0) => SPOTS.map(([, seed]) => Buffer.from(pattern(4 * KiB, seed + seedOffset)));

beforeAll(async () => {
  requireAnsiblePlaybook();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-ansible-svc-'));
  // Only one process can have 7443 (the Playwright run's console takes it too): wait for it.
  if (!(await waitPortFree(SVC_PORT, PORT_WAIT_MS)))
    throw new Error(
      `port ${SVC_PORT} stayed busy for ${PORT_WAIT_MS / 1000} s: IBM's Ansible collection can only reach an SVC REST API there, so this suite needs it (is a Playwright run or another Grainline holding it?)`,
    );
  server = await startServer({ env: { GRAINLINE_SVC_PORT: String(SVC_PORT) } });
  await waitListening(SVC_PORT);
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await grainline.put('/api/simulation', { speed: 0 })).status).toBe(200);
  expect((await grainline.post('/api/users', { ...MONITOR, role: 'monitor' })).status).toBe(201);
  const found = (await grainline.get<GrainlineArray[]>('/api/arrays')).body.find((a) => a.model === 'storwize');
  if (found === undefined) throw new Error('the demo fleet has no storwize array');
  storwize = found;
  svc = await svcClient(SVC_PORT, TEST_ADMIN.username, TEST_ADMIN.password);
  // The user just made must be known on 7443, or another process answers there (the server could not listen).
  const known = await svc.run('lsuser', MONITOR.username);
  if (known.status !== 200)
    throw new Error(`the SVC REST API on port ${SVC_PORT} is not this suite's server (it does not know ${MONITOR.username}):\n${server.logs()}`);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  if (workDir !== '') fs.rmSync(workDir, { recursive: true, force: true });
});

describe('ibm_svc_info', () => {
  it(
    'gathers everything (gather_subset all) and one object by name, as Grainline has them',
    async () => {
      const run = await play('info.yml', { gather_subset: ['all'], object_subset: 'vol', objectname: 'vdisk_sql01' });
      const [all, one] = expectSucceeded(run, [false, false]) as [TaskResult, TaskResult];
      const result = all.result as Record<string, unknown>;
      // The module turns an HTTP 500 on any ls command into null: every subset must have answered.
      const subsets = Object.entries(result).filter(([key]) => /^[A-Z]/.test(key));
      expect(subsets.length).toBeGreaterThan(40);
      for (const [key, value] of subsets) expect(value, key).not.toBeNull();
      expect((result.System as Row).name).toBe(storwize.name);
      const listed = (result.Volume as Row[]).map((v) => v.name).sort();
      expect(listed).toEqual((await volumes()).map((v) => v.name).sort());
      expect((result.Pool as Row[]).map((p) => p.name)).toEqual(['mdiskgrp0', 'mdiskgrp1']);
      expect((result.Node as Row[]).map((n) => n.name)).toEqual(['node1', 'node2']);
      expect((result.IOGroup as Row[])[0]).toMatchObject({ name: 'io_grp0', node_count: '2' });
      expect((result.User as Row[]).map((u) => u.name)).toContain(TEST_ADMIN.username);
      expect((result.UserGrp as Row[]).map((g) => g.name)).toContain('Monitor');
      expect((result.Mdisk as Row[]).map((m) => m.name)).toEqual(['mdisk0', 'mdisk1']);
      expect(result.FCMap).toEqual([]);
      expect(result.FCConsistgrp).toEqual([]);
      expect(result.Host).toEqual([]);
      expect(result.VdiskCopy as Row[]).toHaveLength(listed.length);
      const volume = (one.result as Record<string, unknown>).Volume as Row[];
      expect(volume).toHaveLength(2);
      expect(volume[0]).toMatchObject({ name: 'vdisk_sql01', capacity: '1.00GB' });
      expect(volume[1]).toMatchObject({ vdisk_name: 'vdisk_sql01', copy_id: '0' });
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );
});

describe('ibm_svc_manage_volume', () => {
  it(
    'creates a volume (a re-run changes nothing), renames it via old_name, and deletes it (a re-run changes nothing)',
    async () => {
      const pool = storwize.pools.find((p) => p.name === 'mdiskgrp1');
      const created = expectSucceeded(
        await play('volume.yml', { volume_name: 'ans_vol', state: 'present', pool: 'mdiskgrp1', size: String(VOLUME_MB), unit: 'mb', twice: true }),
        [true, false],
      );
      expect(created.map((task) => task.msg)).toEqual(['volume [ans_vol] has been created', 'volume [ans_vol] already exists.']);
      expect(await volumeNamed('ans_vol')).toMatchObject({ capacityBytes: VOLUME_BYTES, poolId: pool?.id });

      const renamed = expectSucceeded(await play('volume.yml', { volume_name: 'ans_vol_renamed', old_name: 'ans_vol', state: 'present' }), [true]);
      expect(renamed[0]?.msg).toBe('Volume [ans_vol] has been successfully rename to [ans_vol_renamed]');
      expect(await volumeNamed('ans_vol')).toBeUndefined();
      expect(await volumeNamed('ans_vol_renamed')).toMatchObject({ capacityBytes: VOLUME_BYTES });

      const deleted = expectSucceeded(await play('volume.yml', { volume_name: 'ans_vol_renamed', state: 'absent', twice: true }), [true, false]);
      expect(deleted.map((task) => task.msg)).toEqual(['volume [ans_vol_renamed] has been deleted.', 'volume [ans_vol_renamed] did not exist.']);
      expect(await volumeNamed('ans_vol_renamed')).toBeUndefined();
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );
});

describe('ibm_svc_manage_flashcopy and ibm_svc_start_stop_flashcopy', () => {
  it(
    'a clone: the module makes the target and the mapping (re-run: no change), starts it, and it copies the bytes then deletes itself',
    async () => {
      const source = await createVolume('ans_clone_src');
      await writeSpots(source);
      const made = expectSucceeded(
        await play('flashcopy.yml', {
          mapping_name: 'ans_clone',
          state: 'present',
          source: 'ans_clone_src',
          target: 'ans_clone_tgt',
          copytype: 'clone',
          copyrate: '60',
          twice: true,
        }),
        [true, false],
      );
      expect(made.map((task) => task.msg)).toEqual(['mapping [ans_clone] has been created', 'mapping [ans_clone] already exists']);
      const target = await volumeNamed('ans_clone_tgt');
      expect(target).toMatchObject({ capacityBytes: VOLUME_BYTES, poolId: source.poolId });
      expect((await volumes()).filter((v) => v.name.includes('_temp_'))).toEqual([]);
      const mapping = await requireCopy('ans_clone');
      expect(mapping).toMatchObject({
        state: 'idle_or_copied',
        sourceVolumeId: source.id,
        targetVolumeId: target?.id,
        lastStarted: null,
        options: { copyRate: 60, autoDelete: true },
      });

      const started = expectSucceeded(await play('start-stop.yml', { fc_name: 'ans_clone', state: 'started' }), [true]);
      expect(started[0]?.msg).toBe('fc [ans_clone] has been started');
      expect((await requireCopy('ans_clone')).state).toBe('preparing');
      // 2 s of prepare, then rate 60 (4 MiB/s) copies a quarter of 16 MiB in 1 s.
      await advance(3);
      const copying = await requireCopy('ans_clone');
      expect(copying.state).toBe('copying');
      expect(copying.progress.percent).toBeGreaterThan(0);
      expect(copying.progress.percent).toBeLessThan(100);
      const again = expectSucceeded(await play('start-stop.yml', { fc_name: 'ans_clone', state: 'started' }), [false]);
      expect(again[0]?.msg).toBe('FlashCopy Mapping [ans_clone] is in [copying] state.');

      await advance(5);
      expect(await copyNamed('ans_clone')).toBeUndefined(); // autodelete once copied
      const kept = await volumeNamed('ans_clone_tgt');
      expect(kept?.roles).toEqual([]);
      expect(await spots(kept as GrainlineVolume)).toEqual(expectedSpots());
      expect(await spots(source)).toEqual(expectedSpots());
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );

  it(
    'a snapshot: made, started and stopped as a mapping; absent removes it (a re-run changes nothing)',
    async () => {
      await createVolume('ans_snap_src');
      const run = await play('create-and-start.yml', {
        mapping_name: 'ans_snap',
        source: 'ans_snap_src',
        target: 'ans_snap_tgt',
        copytype: 'snapshot',
        copyrate: '0',
      });
      expectSucceeded(run, [true, true]);
      const made = await requireCopy('ans_snap');
      expect(made).toMatchObject({ state: 'preparing', options: { copyRate: 0, autoDelete: false } });
      expect(await volumeNamed('ans_snap_tgt')).toMatchObject({ capacityBytes: VOLUME_BYTES });
      await advance(3);
      expect((await requireCopy('ans_snap')).state).toBe('copying');

      const stopped = expectSucceeded(await play('start-stop.yml', { fc_name: 'ans_snap', state: 'stopped' }), [true]);
      expect(stopped[0]?.msg).toBe('fc [ans_snap] has been stopped');
      expect((await requireCopy('ans_snap')).state).toBe('stopping');
      await advance(2);
      expect((await requireCopy('ans_snap')).state).toBe('stopped');

      // A stopped mapping goes only with -force (IBM's rmfcmap), which the module sends with force: true.
      const removed = expectSucceeded(await play('flashcopy.yml', { mapping_name: 'ans_snap', state: 'absent', force: true, twice: true }), [true, false]);
      expect(removed.map((task) => task.msg)).toEqual(['mapping [ans_snap] has been deleted', 'mapping [ans_snap] does not exist']);
      expect(await copyNamed('ans_snap')).toBeUndefined();
      expect(await volumeNamed('ans_snap_tgt')).toBeDefined();
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );

  it(
    'a consistency group: present (re-run: no change), a snapshot in it keeps the point in time, started and stopped with isgroup, copyrate changed, group absent with force',
    async () => {
      const group = expectSucceeded(await play('consistgrp.yml', { group_name: 'ans_grp', state: 'present', twice: true }), [true, false]);
      expect(group.map((task) => task.msg)).toEqual(['fc consistgrp [ans_grp] has been created', 'fc consistgrp [ans_grp] already exists']);
      expect(await groupNamed('ans_grp')).toMatchObject({ state: 'empty', memberIds: [] });

      const source = await createVolume('ans_grp_src');
      await writeSpots(source);
      expectSucceeded(
        await play('flashcopy.yml', {
          mapping_name: 'ans_grp_snap',
          state: 'present',
          source: 'ans_grp_src',
          target: 'ans_grp_tgt',
          copytype: 'snapshot',
          consistgrp: 'ans_grp',
        }),
        [true],
      );
      // A second member, made over REST, so the group starts two mappings at one point in time.
      await createVolume('ans_grp_src2');
      await createVolume('ans_grp_tgt2');
      expect(
        (await svc.run('mkfcmap', null, { source: 'ans_grp_src2', target: 'ans_grp_tgt2', name: 'ans_grp_snap2', copyrate: '0', consistgrp: 'ans_grp' }))
          .status,
      ).toBe(200);
      const grainlineGroup = await groupNamed('ans_grp');
      expect(grainlineGroup?.memberIds).toHaveLength(2);
      expect(await requireCopy('ans_grp_snap')).toMatchObject({ consistencyGroupId: grainlineGroup?.id, options: { copyRate: 0, autoDelete: false } });

      const started = expectSucceeded(await play('start-stop.yml', { fc_name: 'ans_grp', state: 'started', isgroup: true }), [true]);
      expect(started[0]?.msg).toBe('fc [ans_grp] has been started');
      expect((await groupNamed('ans_grp'))?.state).toBe('preparing');
      await advance(3);
      expect((await groupNamed('ans_grp'))?.state).toBe('copying');
      const [first, second] = [await requireCopy('ans_grp_snap'), await requireCopy('ans_grp_snap2')];
      expect(first.lastStarted).not.toBeNull();
      expect(second.lastStarted).toBe(first.lastStarted);

      // The target shows the source as it was at the start, whatever is written to the source after.
      const target = (await volumeNamed('ans_grp_tgt')) as GrainlineVolume;
      await writeSpots(source, 100);
      expect(await spots(source)).toEqual(expectedSpots(100));
      expect(await spots(target)).toEqual(expectedSpots());

      const faster = expectSucceeded(
        await play('flashcopy.yml', { mapping_name: 'ans_grp_snap', state: 'present', copyrate: '100', consistgrp: 'ans_grp', twice: true }),
        [true, false],
      );
      expect(faster[0]?.msg).toBe('mapping [ans_grp_snap] has been modified');
      expect((await requireCopy('ans_grp_snap')).options.copyRate).toBe(100);
      // Rate 100 = 64 MiB/s: the 16 MiB are copied within a second; the target keeps the start's bytes.
      await advance(2);
      expect((await requireCopy('ans_grp_snap')).state).toBe('idle_or_copied');
      expect((await requireCopy('ans_grp_snap')).progress.percent).toBe(100);
      expect(await spots(target)).toEqual(expectedSpots());

      // ans_grp_snap2 still copies at rate 0, so the group can be stopped.
      expect((await svc.run('chfcmap', 'ans_grp_snap', { consistgrp: '0' })).status).toBe(200);
      const stopped = expectSucceeded(await play('start-stop.yml', { fc_name: 'ans_grp', state: 'stopped', isgroup: true }), [true]);
      expect(stopped[0]?.msg).toBe('fc [ans_grp] has been stopped');
      await advance(2);
      expect((await groupNamed('ans_grp'))?.state).toBe('stopped');
      expect((await requireCopy('ans_grp_snap2')).state).toBe('stopped');

      const absent = expectSucceeded(await play('consistgrp.yml', { group_name: 'ans_grp', state: 'absent', force: true }), [true]);
      expect(absent[0]?.msg).toBe('fc consistgrp [ans_grp] has been deleted');
      expect(await groupNamed('ans_grp')).toBeUndefined();
      expect((await requireCopy('ans_grp_snap2')).consistencyGroupId).toBeNull();
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );
});

describe('roles', () => {
  it(
    "a monitor's playbook reads but cannot create a mapping: the module fails on HTTP 403 and nothing is made",
    async () => {
      await createVolume('ans_monitor_src');
      const run = await play(
        'flashcopy.yml',
        { mapping_name: 'ans_monitor', state: 'present', source: 'ans_monitor_src', target: 'ans_monitor_tgt', copytype: 'clone' },
        MONITOR,
      );
      expect(run.code, run.output).not.toBe(0);
      const task = run.results[0] as TaskResult;
      expect(task.failed, run.output).toBe(true);
      expect(JSON.stringify(task.result)).toMatch(/403/);
      expect(await copyNamed('ans_monitor')).toBeUndefined();
      expect((await volumes()).filter((v) => v.name.startsWith('ans_monitor_tgt'))).toEqual([]);
    },
    PLAYBOOK_TEST_TIMEOUT_MS,
  );
});
