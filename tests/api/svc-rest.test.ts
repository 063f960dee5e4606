// The IBM Spectrum Virtualize REST API on the demo fleet's Storwize array (V7000-LON-02), driven
// over HTTPS the way IBM's Ansible collection drives it: POST /rest/auth for a token, then
// POST /rest/<command>[/<object>] with a JSON body of options or `null`. Every command that
// changes something is checked on Grainline's own API too (copies, consistency groups, volumes,
// the audit trail). The simulated clock is paused and stepped, so every state is deterministic.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';
import { svcAuth, svcClient, svcRequest, waitListening, type SvcClient, type SvcResponse } from '../support/svc-client';
import type { GrainlineArray, GrainlineCopy, GrainlineEvent, GrainlineGroup, GrainlineVolume } from '../support/grainline-types';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const SMALL_MB = 16;
const SMALL_BYTES = SMALL_MB * MiB;
const MONITOR = { username: 'svc-monitor', password: 'svc-monitor-password-1', role: 'monitor' } as const;
const OPERATOR = { username: 'svc-operator', password: 'svc-operator-password-1', role: 'operator' } as const;

type Row = Record<string, string>;

let server: RunningServer;
let token = '';
const grainline = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);
let svc: SvcClient;
let storwize: GrainlineArray;

async function volumes(): Promise<GrainlineVolume[]> {
  const answer = await grainline.get<GrainlineVolume[]>(`/api/volumes?arrayId=${storwize.id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}
async function volumeNamed(name: string): Promise<GrainlineVolume | undefined> {
  return (await volumes()).find((v) => v.name === name);
}
async function copies(): Promise<GrainlineCopy[]> {
  const answer = await grainline.get<GrainlineCopy[]>(`/api/copies?arrayId=${storwize.id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}
async function copyNamed(name: string): Promise<GrainlineCopy | undefined> {
  return (await copies()).find((c) => c.name === name);
}
async function requireCopy(name: string): Promise<GrainlineCopy> {
  const copy = await copyNamed(name);
  if (copy === undefined) throw new Error(`Grainline has no copy named ${name}`);
  return copy;
}
async function groups(): Promise<GrainlineGroup[]> {
  const answer = await grainline.get<GrainlineGroup[]>('/api/consistency-groups');
  expect(answer.status).toBe(200);
  return answer.body.filter((g) => g.arrayId === storwize.id);
}
async function groupNamed(name: string): Promise<GrainlineGroup | undefined> {
  return (await groups()).find((g) => g.name === name);
}
async function advance(seconds: number): Promise<void> {
  expect((await grainline.post('/api/simulation/advance', { seconds })).status).toBe(200);
}
async function auditEvents(): Promise<GrainlineEvent[]> {
  const answer = await grainline.get<GrainlineEvent[]>('/api/events?kind=audit&limit=1000');
  expect(answer.status).toBe(200);
  return answer.body;
}

/** A command that must succeed; its answer. */
async function ok<T = unknown>(
  command: string,
  object: string | null = null,
  options: Record<string, string | number | boolean> | null = null,
  client: SvcClient = svc,
): Promise<T> {
  const answer = await client.run<T>(command, object, options);
  expect(answer.status, `${command} ${object ?? ''} ${JSON.stringify(options)}: ${answer.text}`).toBe(200);
  return answer.body;
}
/** A command that must be refused with `status` and a body starting with `code`. */
async function refused(
  command: string,
  object: string | null,
  options: Record<string, string | number | boolean> | null,
  status: number,
  code: string,
  client: SvcClient = svc,
): Promise<SvcResponse> {
  const answer = await client.run(command, object, options);
  expect(answer.status, `${command} ${object ?? ''}: ${answer.text}`).toBe(status);
  expect(answer.text.startsWith(code), answer.text).toBe(true);
  return answer;
}
async function lsfcmap(name: string): Promise<Row> {
  return ok<Row>('lsfcmap', name);
}
/** A small volume made with mkvdisk (the Ansible modules' own way), its Grainline view. */
async function makeVolume(name: string, pool = 'mdiskgrp0'): Promise<GrainlineVolume> {
  await ok('mkvdisk', null, { name, mdiskgrp: pool, size: String(SMALL_MB), unit: 'mb' });
  const volume = await volumeNamed(name);
  if (volume === undefined) throw new Error(`mkvdisk ${name} made no Grainline volume`);
  return volume;
}

const pattern = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 13 + seed) & 0xff);
const DATA_SPOTS = [
  [0, 1],
  [5 * MiB + 512, 2],
  [SMALL_BYTES - 4 * KiB, 3],
] as const;

async function writeSpots(volume: GrainlineVolume): Promise<void> {
  for (const [offset, seed] of DATA_SPOTS) {
    expect((await grainline.putBytes(`/api/volumes/${volume.id}/data?offset=${offset}`, pattern(4 * KiB, seed))).status).toBe(204);
  }
}
async function readSpot(volume: GrainlineVolume, offset: number): Promise<Buffer> {
  const read = await grainline.getBytes(`/api/volumes/${volume.id}/data?offset=${offset}&length=${4 * KiB}`);
  expect(read.status, read.text).toBe(200);
  return Buffer.from(read.bytes);
}
async function expectSameSpots(source: GrainlineVolume, target: GrainlineVolume): Promise<void> {
  for (const [offset, seed] of DATA_SPOTS) {
    const expected = Buffer.from(pattern(4 * KiB, seed));
    expect((await readSpot(source, offset)).equals(expected)).toBe(true);
    expect((await readSpot(target, offset)).equals(expected), `target bytes at ${offset}`).toBe(true);
  }
}

const two = (n: number) => String(n).padStart(2, '0');
function yymmddhhmmss(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}
function expectAllStrings(row: Row): void {
  for (const [key, value] of Object.entries(row)) expect(typeof value, key).toBe('string');
}

beforeAll(async () => {
  server = await startServer();
  await waitListening(server.svcPort);
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await grainline.put('/api/simulation', { speed: 0 })).status).toBe(200);
  for (const user of [MONITOR, OPERATOR]) expect((await grainline.post('/api/users', user)).status).toBe(201);
  const arrays = (await grainline.get<GrainlineArray[]>('/api/arrays')).body;
  const found = arrays.find((a) => a.model === 'storwize');
  if (found === undefined) throw new Error('the demo fleet has no storwize array');
  storwize = found;
  svc = await svcClient(server.svcPort, TEST_ADMIN.username, TEST_ADMIN.password);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('authentication and transport', () => {
  it('gives a token for a good password and refuses a bad one or an unknown user with 403', async () => {
    const good = await svcAuth(server.svcPort, TEST_ADMIN.username, TEST_ADMIN.password);
    expect(good.status).toBe(200);
    expect(typeof good.body === 'object' && typeof good.body.token === 'string' && good.body.token.length > 0).toBe(true);
    expect((await svcAuth(server.svcPort, TEST_ADMIN.username, 'wrong-password')).status).toBe(403);
    expect((await svcAuth(server.svcPort, 'nobody-here', 'whatever-password')).status).toBe(403);
  });

  it('refuses a command without a token or with a made-up one (403), and runs nothing', async () => {
    const before = (await copies()).length;
    const none = await svcRequest(server.svcPort, 'POST', '/rest/mkfcmap', {}, JSON.stringify({ source: 'vdisk_sql01', target: 'vdisk_sql02' }));
    expect(none.status).toBe(403);
    const forged = await svcRequest(server.svcPort, 'POST', '/rest/lsvdisk', { 'x-auth-token': 'not-a-token' }, 'null');
    expect(forged.status).toBe(403);
    expect((await copies()).length).toBe(before);
  });

  it('answers an unknown command with 404, another method with 405, and a path outside /rest with 404', async () => {
    await refused('lsmagic', null, null, 404, 'CMMVC6051E');
    await refused('mkmagic', 'x', { a: 'b' }, 404, 'CMMVC6051E');
    expect((await svcRequest(server.svcPort, 'GET', '/rest/lsvdisk', { 'x-auth-token': svc.token }, null)).status).toBe(405);
    expect((await svcRequest(server.svcPort, 'POST', '/api/volumes', { 'x-auth-token': svc.token }, 'null')).status).toBe(404);
  });

  it('refuses a body that is not JSON or not an object, and an option the command does not take (500, CMMVC)', async () => {
    const notJson = await svcRequest(server.svcPort, 'POST', '/rest/lsvdisk', { 'x-auth-token': svc.token }, '{nope');
    expect(notJson.status).toBe(500);
    expect(notJson.text).toMatch(/^CMMVC6070E/);
    const array = await svcRequest(server.svcPort, 'POST', '/rest/lsvdisk', { 'x-auth-token': svc.token }, '["bytes"]');
    expect(array.status).toBe(500);
    expect(array.text).toMatch(/^CMMVC6070E/);
    await refused('lsvdisk', null, { copyrate: '5' }, 500, 'CMMVC5709E');
  });

  it('answers ls of a missing object with 500 CMMVC5753E (what the modules read as "does not exist")', async () => {
    for (const command of ['lsvdisk', 'lsfcmap', 'lsfcconsistgrp', 'lsmdiskgrp', 'lsmdisk', 'lsnode', 'lsuser', 'lsusergrp', 'lsvdiskcopy', 'lsiogrp']) {
      await refused(command, 'no_such_object', null, 500, 'CMMVC5753E');
    }
    await refused('lsvdisk', '999', { bytes: true }, 500, 'CMMVC5753E');
  });
});

describe('ls commands', () => {
  it('lssystem describes the Storwize array as one object of strings', async () => {
    const system = await ok<Row>('lssystem');
    expect(Array.isArray(system)).toBe(false);
    expectAllStrings(system);
    expect(system.name).toBe(storwize.name);
    expect(system.product_name).toMatch(/Storwize/);
    expect(system.code_level).toMatch(/^\d+\.\d+\.\d+\.\d+/);
    expect(system.id).toMatch(/^[0-9A-F]{16}$/);
    expect(system.product_name_serial).toBe(storwize.serial);
    const bytes = await ok<Row>('lssystem', null, { bytes: true });
    expect(Number(bytes.total_mdisk_capacity)).toBe(storwize.pools.reduce((sum, p) => sum + p.capacityBytes, 0));
    expect(await ok<Row>('lscluster')).toEqual(system);
  });

  it('lsiogrp lists io_grp0 with the two nodes, and lsnode the two node canisters', async () => {
    const iogroups = await ok<Row[]>('lsiogrp');
    expect(iogroups.map((g) => g.name)).toEqual(['io_grp0', 'io_grp1', 'io_grp2', 'io_grp3', 'recovery_io_grp']);
    expect(iogroups[0]).toMatchObject({ id: '0', node_count: '2', vdisk_count: String((await volumes()).length) });
    expect(await ok<Row>('lsiogrp', 'io_grp0')).toMatchObject({ id: '0', name: 'io_grp0' });
    const nodes = await ok<Row[]>('lsnode');
    expect(nodes.map((n) => [n.id, n.name, n.status, n.IO_group_name])).toEqual([
      ['1', 'node1', 'online', 'io_grp0'],
      ['2', 'node2', 'online', 'io_grp0'],
    ]);
    expect(nodes.filter((n) => n.config_node === 'yes')).toHaveLength(1);
    expect(await ok<Row>('lsnode', 'node2')).toMatchObject({ id: '2', name: 'node2' });
    expect(await ok<Row>('lsnode', '1')).toMatchObject({ id: '1', name: 'node1' });
  });

  it("lsmdiskgrp and lsmdisk show the array's pools with their capacities", async () => {
    const pools = await ok<Row[]>('lsmdiskgrp', null, { bytes: true });
    const expected = [...storwize.pools].sort((a, b) => a.name.localeCompare(b.name));
    expect(pools.map((p) => p.name)).toEqual(['mdiskgrp0', 'mdiskgrp1']);
    expect(pools.map((p) => Number(p.capacity))).toEqual(expected.map((p) => p.capacityBytes));
    const all = await volumes();
    for (const [index, pool] of pools.entries()) {
      expect(pool.id).toBe(String(index));
      expect(pool.vdisk_count).toBe(String(all.filter((v) => v.poolId === expected[index]?.id).length));
      expect(Number(pool.free_capacity)).toBeLessThanOrEqual(Number(pool.capacity));
    }
    expect((await ok<Row[]>('lsmdiskgrp'))[0]?.capacity).toMatch(/^\d+\.\d\d[KMGTP]?B$/);
    expect(await ok<Row>('lsmdiskgrp', 'mdiskgrp1')).toMatchObject({ id: '1', name: 'mdiskgrp1' });
    const mdisks = await ok<Row[]>('lsmdisk');
    expect(mdisks.map((m) => [m.name, m.mdisk_grp_name, m.status])).toEqual([
      ['mdisk0', 'mdiskgrp0', 'online'],
      ['mdisk1', 'mdiskgrp1', 'online'],
    ]);
  });

  it('lsvdisk lists every volume of the array (concise), in bytes with bytes:true', async () => {
    const listed = await ok<Row[]>('lsvdisk');
    const grainlineVolumes = await volumes();
    expect(listed.map((v) => v.name).sort()).toEqual(grainlineVolumes.map((v) => v.name).sort());
    const sql01 = listed.find((v) => v.name === 'vdisk_sql01') as Row;
    expectAllStrings(sql01);
    expect(sql01).toMatchObject({ capacity: '1.00GB', IO_group_name: 'io_grp0', status: 'online', type: 'striped', RC_name: '', FC_id: '', fc_map_count: '0' });
    expect(['mdiskgrp0', 'mdiskgrp1']).toContain(sql01.mdisk_grp_name);
    expect(listed.find((v) => v.name === 'vdisk_sql03')?.capacity).toBe('10.00GB');
    const inBytes = await ok<Row[]>('lsvdisk', null, { bytes: true });
    for (const volume of grainlineVolumes) expect(inBytes.find((v) => v.name === volume.name)?.capacity).toBe(String(volume.capacityBytes));
    expect(inBytes.find((v) => v.name === 'vdisk_sql02')?.capacity).toBe(String(GiB));
  });

  it('lsvdisk filtervalue matches * wildcards and requires every ":"-joined condition', async () => {
    const names = async (filtervalue: string) => (await ok<Row[]>('lsvdisk', null, { bytes: true, filtervalue })).map((v) => v.name);
    expect(await names('name=vdisk_sql*')).toEqual(['vdisk_sql01', 'vdisk_sql02', 'vdisk_sql03', 'vdisk_sql04', 'vdisk_sql05', 'vdisk_sql06']);
    expect(await names('name=vdisk_*01')).toEqual(['vdisk_sql01', 'vdisk_web01', 'vdisk_fs01', 'vdisk_bkp01']);
    expect(await names('name=vdisk_sql01')).toEqual(['vdisk_sql01']);
    expect(await names('name=vdisk_sql0')).toEqual([]);
    expect(await names(`name=vdisk_sql*:capacity=${10 * GiB}`)).toEqual(['vdisk_sql03', 'vdisk_sql04']);
    expect(await names('name=nothing_temp_*')).toEqual([]);
  });

  it("lsvdisk <name> is a LIST: the volume's fields, then its copy 0 (what the modules index [0] and [1])", async () => {
    const detail = await ok<Row[]>('lsvdisk', 'vdisk_sql01', { bytes: true });
    expect(Array.isArray(detail)).toBe(true);
    expect(detail).toHaveLength(2);
    const [volume, copy] = detail as [Row, Row];
    expectAllStrings(volume);
    expectAllStrings(copy);
    expect(volume).toMatchObject({
      name: 'vdisk_sql01',
      capacity: String(GiB),
      IO_group_name: 'io_grp0',
      type: 'striped',
      RC_name: '',
      volume_group_name: '',
      cloud_backup_enabled: 'no',
    });
    expect(copy).toMatchObject({
      vdisk_name: 'vdisk_sql01',
      copy_id: '0',
      real_capacity: String(GiB),
      compressed_copy: 'no',
      deduplicated_copy: 'no',
      mdisk_grp_name: volume.mdisk_grp_name,
    });
    expect(await ok<Row[]>('lsvdisk', volume.id as string, { bytes: true })).toEqual(detail);
    expect((await ok<Row[]>('lsvdisk', 'vdisk_sql01'))[0]?.capacity).toBe('1.00GB');
  });

  it('lsvdiskcopy and lsvdiskaccess answer per volume', async () => {
    const copiesListed = await ok<Row[]>('lsvdiskcopy');
    expect(copiesListed).toHaveLength((await volumes()).length);
    expect(copiesListed.every((c) => c.copy_id === '0' && c.sync === 'yes')).toBe(true);
    expect(await ok<Row>('lsvdiskcopy', 'vdisk_web02')).toMatchObject({ vdisk_name: 'vdisk_web02', copy_id: '0' });
    expect(await ok<Row[]>('lsvdiskaccess', 'vdisk_web02')).toEqual([expect.objectContaining({ vdisk_name: 'vdisk_web02', IO_group_name: 'io_grp0' })]);
  });

  it("lsuser shows Grainline's users in the user group of their role; lsusergrp the fixed groups", async () => {
    const users = await ok<Row[]>('lsuser');
    const group = (name: string) => users.find((u) => u.name === name)?.usergrp_name;
    expect(group(TEST_ADMIN.username)).toBe('Administrator');
    expect(group(MONITOR.username)).toBe('Monitor');
    expect(group(OPERATOR.username)).toBe('CopyOperator');
    expect(await ok<Row>('lsuser', MONITOR.username)).toMatchObject({ name: MONITOR.username, usergrp_id: '4' });
    const usergroups = await ok<Row[]>('lsusergrp');
    expect(usergroups.map((g) => g.name)).toEqual(['SecurityAdmin', 'Administrator', 'CopyOperator', 'Service', 'Monitor', 'RestrictedAdmin']);
    expect(await ok<Row>('lsusergrp', 'Monitor')).toMatchObject({ id: '4', role: 'Monitor' });
  });

  it('answers an empty list for what the simulated arrays do not have (hosts, remote copy)', async () => {
    for (const command of ['lshost', 'lsrcrelationship', 'lsvdiskhostmap', 'lsportfc', 'lsvolumegroup']) expect(await ok<Row[]>(command)).toEqual([]);
  });
});

describe('volume tasks', () => {
  it('mkvdisk and mkvolume answer {id, message} and make the volume in the named pool with the size asked', async () => {
    const made = await ok<{ id: string; message: string }>('mkvdisk', null, {
      name: 'svc_rest_vd',
      mdiskgrp: 'mdiskgrp1',
      size: '16',
      unit: 'mb',
      iogrp: 'io_grp0',
    });
    expect(made.message).toBe(`Virtual Disk, id [${made.id}], successfully created`);
    const vd = await volumeNamed('svc_rest_vd');
    expect(vd?.capacityBytes).toBe(16 * MiB);
    expect(vd?.poolId).toBe(storwize.pools.find((p) => p.name === 'mdiskgrp1')?.id);
    expect((await ok<Row>('lsvdiskcopy', made.id)).vdisk_name).toBe('svc_rest_vd');

    const volume = await ok<{ id: string; message: string }>('mkvolume', null, { name: 'svc_rest_vol', pool: 'mdiskgrp0', size: '1', unit: 'gb', thin: true });
    expect(volume.message).toBe(`Volume, id [${volume.id}], successfully created`);
    expect((await volumeNamed('svc_rest_vol'))?.capacityBytes).toBe(GiB);
    // SVC's default unit is MB; sizes in bytes are rounded up to whole 512-byte blocks.
    await ok('mkvdisk', null, { name: 'svc_rest_mb', mdiskgrp: '0', size: '2' });
    expect((await volumeNamed('svc_rest_mb'))?.capacityBytes).toBe(2 * MiB);
    await ok('mkvdisk', null, { name: 'svc_rest_odd', mdiskgrp: 'mdiskgrp0', size: String(MiB + 1), unit: 'b' });
    expect((await volumeNamed('svc_rest_odd'))?.capacityBytes).toBe(MiB + 512);
  });

  it('reports a thin volume (mkvolume -thin, mkvdisk -rsize) with real capacity below its capacity until written', async () => {
    const [thick, thin] = (await ok<Row[]>('lsvdisk', null, { bytes: true, filtervalue: 'name=svc_rest_v*' })).sort((a, b) =>
      (a.name as string).localeCompare(b.name as string),
    );
    expect(thick?.name).toBe('svc_rest_vd');
    expect(thin?.name).toBe('svc_rest_vol');
    const thinCopy = (await ok<Row[]>('lsvdisk', 'svc_rest_vol', { bytes: true }))[1] as Row;
    expect(Number(thinCopy.real_capacity)).toBeLessThan(GiB);
    expect(thinCopy.se_copy).toBe('yes');
    const thickCopy = (await ok<Row[]>('lsvdisk', 'svc_rest_vd', { bytes: true }))[1] as Row;
    expect(thickCopy).toMatchObject({ real_capacity: String(16 * MiB), se_copy: 'no' });
    await ok('mkvdisk', null, { name: 'svc_rest_rsize', mdiskgrp: 'mdiskgrp0', size: '16', rsize: '0%', autoexpand: true });
    expect((await ok<Row[]>('lsvdisk', 'svc_rest_rsize', { bytes: true }))[1]?.se_copy).toBe('yes');
    await ok('rmvdisk', 'svc_rest_rsize');
  });

  it('expandvdisksize adds -size in -unit (a number from the modules, too)', async () => {
    await ok('expandvdisksize', 'svc_rest_vd', { size: '16', unit: 'mb' });
    expect((await volumeNamed('svc_rest_vd'))?.capacityBytes).toBe(32 * MiB);
    await ok('expandvdisksize', 'svc_rest_vd', { size: MiB, unit: 'b' });
    expect((await volumeNamed('svc_rest_vd'))?.capacityBytes).toBe(33 * MiB);
    expect((await ok<Row[]>('lsvdisk', 'svc_rest_vd', { bytes: true }))[0]?.capacity).toBe(String(33 * MiB));
    await refused('expandvdisksize', 'svc_rest_vd', null, 500, 'CMMVC5707E');
    await refused('expandvdisksize', 'no_such_vdisk', { size: '1' }, 500, 'CMMVC5753E');
  });

  it('chvdisk -name renames, rmvdisk and rmvolume delete', async () => {
    await ok('chvdisk', 'svc_rest_vd', { name: 'svc_rest_vd_renamed' });
    expect(await volumeNamed('svc_rest_vd')).toBeUndefined();
    expect(await volumeNamed('svc_rest_vd_renamed')).toBeDefined();
    await ok('rmvdisk', 'svc_rest_vd_renamed');
    await ok('rmvolume', 'svc_rest_vol');
    const id = (await ok<Row[]>('lsvdisk', 'svc_rest_mb'))[0]?.id as string;
    await ok('rmvdisk', id);
    await ok('rmvdisk', 'svc_rest_odd', { force: true });
    for (const name of ['svc_rest_vd_renamed', 'svc_rest_vol', 'svc_rest_mb', 'svc_rest_odd']) expect(await volumeNamed(name)).toBeUndefined();
  });

  it('refuses an unknown pool or volume, a taken name, a bad size, a second io group (500 CMMVC), and changes nothing', async () => {
    const before = (await volumes()).length;
    await refused('mkvdisk', null, { name: 'svc_rest_bad', mdiskgrp: 'no_pool', size: '16' }, 500, 'CMMVC5753E');
    await refused('mkvdisk', null, { name: 'vdisk_sql01', mdiskgrp: 'mdiskgrp0', size: '16' }, 500, 'CMMVC6035E');
    await refused('mkvdisk', null, { name: 'svc_rest_bad', mdiskgrp: 'mdiskgrp0', size: 'ten' }, 500, 'CMMVC6070E');
    await refused('mkvdisk', null, { name: 'svc_rest_bad', mdiskgrp: 'mdiskgrp0', size: '16', unit: 'xb' }, 500, 'CMMVC6070E');
    await refused('mkvdisk', null, { name: 'svc_rest_bad', mdiskgrp: 'mdiskgrp0' }, 500, 'CMMVC5707E');
    await refused('mkvdisk', null, { name: 'svc_rest_bad', mdiskgrp: 'mdiskgrp0', size: '16', iogrp: 'io_grp1' }, 500, 'CMMVC5753E');
    await refused('mkvolume', null, { name: 'svc_rest_bad', size: '16' }, 500, 'CMMVC5707E');
    await refused('chvdisk', 'no_such_vdisk', { name: 'x' }, 500, 'CMMVC5753E');
    await refused('chvdisk', 'vdisk_sql01', null, 500, 'CMMVC5707E');
    await refused('chvdisk', 'vdisk_sql01', { name: 'vdisk_sql02' }, 500, 'CMMVC6035E');
    await refused('rmvdisk', 'no_such_vdisk', null, 500, 'CMMVC5753E');
    expect((await volumes()).length).toBe(before);
    expect(await volumeNamed('svc_rest_bad')).toBeUndefined();
  });
});

describe('FlashCopy mappings', () => {
  it('mkfcmap with -name -copyrate -grainsize -autodelete makes the mapping Grainline shows, idle and never started', async () => {
    const made = await ok<{ id: string; message: string }>('mkfcmap', null, {
      source: 'vdisk_sql01',
      target: 'vdisk_sql02',
      name: 'rest_opts',
      copyrate: '70',
      grainsize: '64',
      autodelete: true,
    });
    expect(made.message).toBe(`FlashCopy Mapping, id [${made.id}], successfully created`);
    const copy = await requireCopy('rest_opts');
    expect(copy.state).toBe('idle_or_copied');
    expect(copy.options).toMatchObject({ copyRate: 70, grainSize: 64, autoDelete: true });
    const all = await volumes();
    expect(all.find((v) => v.id === copy.sourceVolumeId)?.name).toBe('vdisk_sql01');
    expect(all.find((v) => v.id === copy.targetVolumeId)?.name).toBe('vdisk_sql02');

    const detail = await lsfcmap('rest_opts');
    expect(Array.isArray(detail)).toBe(false);
    expectAllStrings(detail);
    expect(detail).toMatchObject({
      id: made.id,
      name: 'rest_opts',
      source_vdisk_name: 'vdisk_sql01',
      target_vdisk_name: 'vdisk_sql02',
      group_id: '',
      group_name: '',
      status: 'idle_or_copied',
      progress: '0',
      copy_rate: '70',
      start_time: '',
      autodelete: 'on',
      grain_size: '64',
      IO_group_name: 'io_grp0',
    });
    expect(await lsfcmap(made.id)).toEqual(detail);
    const listed = await ok<Row[]>('lsfcmap');
    const row = listed.find((m) => m.name === 'rest_opts') as Row;
    expect(row).toMatchObject({
      id: made.id,
      source_vdisk_name: 'vdisk_sql01',
      target_vdisk_name: 'vdisk_sql02',
      status: 'idle_or_copied',
      copy_rate: '70',
      start_time: '',
    });
    expect(row.autodelete).toBeUndefined(); // detailed view only
    // The volumes now name their mapping.
    expect((await ok<Row[]>('lsvdisk', 'vdisk_sql01'))[0]).toMatchObject({ FC_id: made.id, FC_name: 'rest_opts', fc_map_count: '1' });
    await ok('rmfcmap', 'rest_opts');
    expect(await copyNamed('rest_opts')).toBeUndefined();
    await refused('lsfcmap', 'rest_opts', null, 500, 'CMMVC5753E');
  });

  it("mkfcmap without options takes SVC's defaults: name fcmapN, copy rate 50, grain 256, autodelete off; numbers are accepted as JSON numbers", async () => {
    const made = await ok<{ id: string; message: string }>('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02' });
    const detail = await lsfcmap(made.id);
    expect(detail).toMatchObject({ name: `fcmap${made.id}`, copy_rate: '50', grain_size: '256', autodelete: 'off' });
    expect((await requireCopy(`fcmap${made.id}`)).options).toMatchObject({ copyRate: 50, grainSize: 256, autoDelete: false });
    await ok('rmfcmap', made.id);
    const numeric = await ok<{ id: string }>('mkfcmap', null, {
      source: 'vdisk_sql01',
      target: 'vdisk_sql02',
      name: 'rest_numeric',
      copyrate: 0,
      autodelete: false,
    });
    expect(await lsfcmap(numeric.id)).toMatchObject({ copy_rate: '0', autodelete: 'off' });
    await ok('rmfcmap', 'rest_numeric');
  });

  it('refuses different sizes, an unknown vdisk, a bad rate or grain and a missing target with 500 CMMVC…, creating nothing', async () => {
    const before = (await copies()).length;
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql03', name: 'rest_bad' }, 500, 'CMMVC5920E');
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'no_such_vdisk', name: 'rest_bad' }, 500, 'CMMVC5753E');
    await refused('mkfcmap', null, { source: 'no_such_vdisk', target: 'vdisk_sql02', name: 'rest_bad' }, 500, 'CMMVC5753E');
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', copyrate: '151' }, 500, 'CMMVC6070E');
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', grainsize: '128' }, 500, 'CMMVC6070E');
    await refused('mkfcmap', null, { source: 'vdisk_sql01' }, 500, 'CMMVC5707E');
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', consistgrp: 'no_such_group' }, 500, 'CMMVC5753E');
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql01' }, 500, 'CMMVC');
    expect((await copies()).length).toBe(before);
  });

  it("copies the source's bytes: prestartfcmap, startfcmap, progress and start_time, chfcmap -copyrate while copying", async () => {
    const source = await makeVolume('rest_src');
    const target = await makeVolume('rest_tgt');
    await writeSpots(source);
    await ok('mkfcmap', null, { source: 'rest_src', target: 'rest_tgt', name: 'rest_copy', copyrate: '40' });
    // startfcmap without -prep needs a prepared mapping.
    await refused('startfcmap', 'rest_copy', null, 500, 'CMMVC5904E');
    expect((await requireCopy('rest_copy')).state).toBe('idle_or_copied');
    expect((await lsfcmap('rest_copy')).start_time).toBe('');

    await ok('prestartfcmap', 'rest_copy');
    expect((await requireCopy('rest_copy')).state).toBe('preparing');
    expect((await lsfcmap('rest_copy')).status).toBe('preparing');
    await advance(3);
    expect((await lsfcmap('rest_copy')).status).toBe('prepared');
    await ok('startfcmap', 'rest_copy');
    const started = await requireCopy('rest_copy');
    expect(started.state).toBe('copying');
    expect(started.lastStarted).not.toBeNull();
    const copying = await lsfcmap('rest_copy');
    expect(copying.status).toBe('copying');
    expect(copying.start_time).toMatch(/^\d{12}$/);
    expect(copying.start_time).toBe(yymmddhhmmss(started.lastStarted as string));

    // Rate 40 = 1 MiB/s: 4 s copy a quarter of 16 MiB.
    await advance(4);
    const part = await lsfcmap('rest_copy');
    expect(Number(part.progress)).toBeGreaterThan(0);
    expect(Number(part.progress)).toBeLessThan(100);
    expect(Math.floor((await requireCopy('rest_copy')).progress.percent)).toBe(Number(part.progress));

    await ok('chfcmap', 'rest_copy', { copyrate: '100' });
    expect((await requireCopy('rest_copy')).options.copyRate).toBe(100);
    expect((await lsfcmap('rest_copy')).copy_rate).toBe('100');
    await advance(2);
    const done = await lsfcmap('rest_copy');
    expect(done).toMatchObject({ status: 'idle_or_copied', progress: '100', start_time: copying.start_time });
    expect((await requireCopy('rest_copy')).state).toBe('idle_or_copied');
    await expectSameSpots(source, target);
  });

  it('chfcmap renames a mapping and moves it into and out of a consistency group', async () => {
    await ok('chfcmap', 'rest_copy', { name: 'rest_copy2' });
    expect(await copyNamed('rest_copy')).toBeUndefined();
    expect((await requireCopy('rest_copy2')).state).toBe('idle_or_copied');
    const group = await ok<{ id: string }>('mkfcconsistgrp', null, { name: 'rest_move_grp' });
    await ok('chfcmap', 'rest_copy2', { consistgrp: 'rest_move_grp' });
    const grainlineGroup = await groupNamed('rest_move_grp');
    expect((await requireCopy('rest_copy2')).consistencyGroupId).toBe(grainlineGroup?.id);
    expect(await lsfcmap('rest_copy2')).toMatchObject({ group_id: group.id, group_name: 'rest_move_grp' });
    await ok('chfcmap', 'rest_copy2', { consistgrp: '0' });
    expect((await requireCopy('rest_copy2')).consistencyGroupId).toBeNull();
    expect((await lsfcmap('rest_copy2')).group_name).toBe('');
    await refused('chfcmap', 'rest_copy2', null, 500, 'CMMVC5707E');
    await refused('chfcmap', 'rest_copy2', { copyrate: '200' }, 500, 'CMMVC6070E');
    await refused('chfcmap', 'no_such_map', { copyrate: '20' }, 500, 'CMMVC5753E');
    await ok('rmfcconsistgrp', 'rest_move_grp');
    expect(await groupNamed('rest_move_grp')).toBeUndefined();
  });

  it('startfcmap -prep prepares and starts; stopfcmap stops; rmfcmap refuses a copying mapping unless -force', async () => {
    // Rate 0: no background copy, so the mapping stays copying until it is stopped.
    await ok('chfcmap', 'rest_copy2', { copyrate: '0' });
    await ok('startfcmap', 'rest_copy2', { prep: true });
    expect((await requireCopy('rest_copy2')).state).toBe('preparing');
    await advance(3);
    expect((await requireCopy('rest_copy2')).state).toBe('copying');
    await ok('stopfcmap', 'rest_copy2');
    expect((await requireCopy('rest_copy2')).state).toBe('stopping');
    await advance(2);
    expect((await lsfcmap('rest_copy2')).status).toBe('stopped');
    expect((await requireCopy('rest_copy2')).state).toBe('stopped');

    await ok('startfcmap', 'rest_copy2', { prep: true });
    await advance(3);
    expect((await requireCopy('rest_copy2')).state).toBe('copying');
    await refused('rmfcmap', 'rest_copy2', null, 500, 'CMMVC');
    expect((await requireCopy('rest_copy2')).state).toBe('copying');
    await ok('rmfcmap', 'rest_copy2', { force: true });
    expect(await copyNamed('rest_copy2')).toBeUndefined();
    await refused('stopfcmap', 'rest_copy2', null, 500, 'CMMVC5753E');
    await ok('rmvdisk', 'rest_src');
    await ok('rmvdisk', 'rest_tgt');
  });

  it('refuses to delete a vdisk that is in a mapping (CMMVC5840E)', async () => {
    await ok('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', name: 'rest_holds' });
    await refused('rmvdisk', 'vdisk_sql02', null, 500, 'CMMVC5840E');
    expect(await volumeNamed('vdisk_sql02')).toBeDefined();
    await ok('rmfcmap', 'rest_holds');
  });
});

// What IBM's CLI reference says these commands do. The Ansible module ibm_svc_start_stop_flashcopy
// (state: stopped) sends stopfcmap for ANY mapping whose start_time is set, so a mapping that
// completed or is already stopping must accept it; ibm_svc_manage_flashcopy (state: absent) sends
// rmfcmap with -force only when the playbook says force: true.
describe('FlashCopy commands as the IBM CLI reference documents them', () => {
  async function startedMapping(name: string, copyrate: string): Promise<void> {
    await makeVolume(`${name}_src`);
    await makeVolume(`${name}_tgt`);
    await ok('mkfcmap', null, { source: `${name}_src`, target: `${name}_tgt`, name, copyrate });
    await ok('startfcmap', name, { prep: true });
    await advance(3);
  }
  async function removeMapping(name: string): Promise<void> {
    await svc.run('stopfcmap', name);
    await advance(2);
    await svc.run('rmfcmap', name, { force: true });
    await svc.run('rmvdisk', `${name}_src`);
    await svc.run('rmvdisk', `${name}_tgt`);
  }

  // "If the mapping is in the idle_or_copied state, the stopfcmap command has no effect and the
  // mapping remains in the idle_or_copied state." (IBM CLI reference, stopfcmap)
  it('stopfcmap on a completed (idle_or_copied) mapping has no effect and succeeds', async () => {
    await startedMapping('rest_done', '100');
    await advance(2);
    try {
      expect((await requireCopy('rest_done')).state).toBe('idle_or_copied');
      expect((await lsfcmap('rest_done')).start_time).not.toBe('');
      await ok('stopfcmap', 'rest_done');
      expect((await requireCopy('rest_done')).state).toBe('idle_or_copied');
    } finally {
      await removeMapping('rest_done');
    }
  });

  // "Use the stopfcmap command to stop all processing that is associated with a FlashCopy mapping
  // that is in one of the following processing states: prepared, copying, stopping, or suspended."
  it('stopfcmap on a stopping mapping is accepted', async () => {
    await startedMapping('rest_stopping', '0');
    try {
      expect((await requireCopy('rest_stopping')).state).toBe('copying');
      await ok('stopfcmap', 'rest_stopping');
      expect((await requireCopy('rest_stopping')).state).toBe('stopping');
      await ok('stopfcmap', 'rest_stopping');
      await advance(2);
      expect((await requireCopy('rest_stopping')).state).toBe('stopped');
    } finally {
      await removeMapping('rest_stopping');
    }
  });

  // "The rmfcmap command deletes the specified mapping if the mapping is in the idle_or_copied or
  // stopped state. If it is in the stopped state, the -force parameter is required."
  it('rmfcmap of a stopped mapping needs -force', async () => {
    await startedMapping('rest_stopped', '0');
    try {
      await ok('stopfcmap', 'rest_stopped');
      await advance(2);
      expect((await requireCopy('rest_stopped')).state).toBe('stopped');
      await refused('rmfcmap', 'rest_stopped', null, 500, 'CMMVC');
      expect((await requireCopy('rest_stopped')).state).toBe('stopped');
      await ok('rmfcmap', 'rest_stopped', { force: true });
      expect(await copyNamed('rest_stopped')).toBeUndefined();
    } finally {
      await removeMapping('rest_stopped');
    }
  });

  // "mkfcconsistgrp -autodelete: Deletes the consistency group when the last mapping that it
  // contains is deleted or removed from the consistency group." (IBM CLI reference)
  it('mkfcconsistgrp -autodelete shows autodelete on, and the group goes with its last mapping', async () => {
    await ok('mkfcconsistgrp', null, { name: 'rest_autogrp', autodelete: true });
    try {
      expect((await ok<Row>('lsfcconsistgrp', 'rest_autogrp')).autodelete).toBe('on');
      await ok('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', name: 'rest_automap', consistgrp: 'rest_autogrp' });
      await ok('rmfcmap', 'rest_automap');
      expect(await groupNamed('rest_autogrp')).toBeUndefined();
    } finally {
      await svc.run('rmfcmap', 'rest_automap', { force: true });
      await svc.run('rmfcconsistgrp', 'rest_autogrp', { force: true });
    }
  });

  // "You can use the stopfcmap command only to stop stand-alone mappings. Use the stopfcconsistgrp
  // command to stop mappings that belong to a consistency group." (IBM CLI reference, stopfcmap)
  it('stopfcmap refuses a mapping that belongs to a consistency group', async () => {
    await makeVolume('rest_member_src');
    await makeVolume('rest_member_tgt');
    await ok('mkfcconsistgrp', null, { name: 'rest_member_grp' });
    await ok('mkfcmap', null, { source: 'rest_member_src', target: 'rest_member_tgt', name: 'rest_member', copyrate: '0', consistgrp: 'rest_member_grp' });
    try {
      await ok('startfcconsistgrp', 'rest_member_grp', { prep: true });
      await advance(3);
      expect((await requireCopy('rest_member')).state).toBe('copying');
      await refused('stopfcmap', 'rest_member', null, 500, 'CMMVC');
      expect((await requireCopy('rest_member')).state).toBe('copying');
    } finally {
      await svc.run('stopfcconsistgrp', 'rest_member_grp');
      await advance(2);
      await svc.run('rmfcconsistgrp', 'rest_member_grp', { force: true });
      await removeMapping('rest_member');
    }
  });

  // rmfcmap of an active mapping is a mapping-state refusal; CMMVC5840E is the sentence for
  // deleting a VDISK that is in a mapping ("The virtual disk (VDisk) was not deleted …").
  it('rmfcmap of a copying mapping is refused as a mapping-state problem, not with the vdisk-deletion sentence', async () => {
    await startedMapping('rest_active', '0');
    try {
      const answer = await refused('rmfcmap', 'rest_active', null, 500, 'CMMVC');
      expect(answer.text).not.toMatch(/^CMMVC5840E/);
      expect(answer.text).toMatch(/^CMMVC5903E/);
    } finally {
      await removeMapping('rest_active');
    }
  });
});

describe('FlashCopy consistency groups', () => {
  it('mkfcconsistgrp answers {id, message}; members added with mkfcmap -consistgrp show in both APIs', async () => {
    const made = await ok<{ id: string; message: string }>('mkfcconsistgrp', null, { name: 'rest_grp' });
    expect(made.message).toBe(`FlashCopy Consistency Group, id [${made.id}], successfully created`);
    expect(await groupNamed('rest_grp')).toMatchObject({ state: 'empty', memberIds: [] });
    expect(await ok<Row>('lsfcconsistgrp', 'rest_grp')).toMatchObject({ id: made.id, name: 'rest_grp', status: 'empty', start_time: '', owner_name: '' });
    const unnamed = await ok<{ id: string }>('mkfcconsistgrp');
    expect((await ok<Row>('lsfcconsistgrp', unnamed.id)).name).toBe(`fccstgrp${unnamed.id}`);
    expect(await groupNamed(`fccstgrp${unnamed.id}`)).toBeDefined();
    await ok('rmfcconsistgrp', unnamed.id);
    expect(await groupNamed(`fccstgrp${unnamed.id}`)).toBeUndefined();
    await refused('mkfcconsistgrp', null, { name: 'rest_grp' }, 500, 'CMMVC6035E');

    for (const pair of ['a', 'b']) {
      await makeVolume(`rest_g${pair}_src`);
      await makeVolume(`rest_g${pair}_tgt`);
      await ok('mkfcmap', null, { source: `rest_g${pair}_src`, target: `rest_g${pair}_tgt`, name: `rest_g${pair}`, copyrate: '0', consistgrp: 'rest_grp' });
    }
    const group = await groupNamed('rest_grp');
    expect(group?.memberIds).toHaveLength(2);
    expect(group?.state).toBe('idle_or_copied');
    for (const name of ['rest_ga', 'rest_gb']) expect((await requireCopy(name)).consistencyGroupId).toBe(group?.id);
    const detail = await ok<Row>('lsfcconsistgrp', 'rest_grp');
    expect(Array.isArray(detail)).toBe(false);
    expect(detail).toMatchObject({ name: 'rest_grp', status: 'idle_or_copied', start_time: '', FC_mapping_name: 'rest_gb' });
    expect((await ok<Row[]>('lsfcconsistgrp')).find((g) => g.name === 'rest_grp')).toMatchObject({ id: made.id, status: 'idle_or_copied' });
    expect((await lsfcmap('rest_ga')).group_name).toBe('rest_grp');
  });

  it('chfcconsistgrp -name renames; start without -prep is refused; prestart, start, stop act on every member', async () => {
    await ok('chfcconsistgrp', 'rest_grp', { name: 'rest_grp2' });
    expect(await groupNamed('rest_grp')).toBeUndefined();
    expect(await groupNamed('rest_grp2')).toBeDefined();
    await refused('chfcconsistgrp', 'rest_grp2', null, 500, 'CMMVC5707E');

    await refused('startfcconsistgrp', 'rest_grp2', null, 500, 'CMMVC5904E');
    expect((await groupNamed('rest_grp2'))?.state).toBe('idle_or_copied');
    await ok('prestartfcconsistgrp', 'rest_grp2');
    expect((await groupNamed('rest_grp2'))?.state).toBe('preparing');
    await advance(3);
    expect((await ok<Row>('lsfcconsistgrp', 'rest_grp2')).status).toBe('prepared');
    await ok('startfcconsistgrp', 'rest_grp2');
    expect((await groupNamed('rest_grp2'))?.state).toBe('copying');
    const [a, b] = [await requireCopy('rest_ga'), await requireCopy('rest_gb')];
    expect([a.state, b.state]).toEqual(['copying', 'copying']);
    expect(a.lastStarted).toBe(b.lastStarted); // one point in time for the group
    expect((await ok<Row>('lsfcconsistgrp', 'rest_grp2')).start_time).toBe(yymmddhhmmss(a.lastStarted as string));

    await ok('stopfcconsistgrp', 'rest_grp2');
    await advance(2);
    expect((await groupNamed('rest_grp2'))?.state).toBe('stopped');
    expect((await requireCopy('rest_ga')).state).toBe('stopped');

    await ok('startfcconsistgrp', 'rest_grp2', { prep: true });
    expect((await groupNamed('rest_grp2'))?.state).toBe('preparing');
    await advance(3);
    expect((await groupNamed('rest_grp2'))?.state).toBe('copying');
  });

  it('rmfcconsistgrp refuses a group with members unless -force, which leaves them stand-alone', async () => {
    await refused('rmfcconsistgrp', 'rest_grp2', null, 500, 'CMMVC');
    expect(await groupNamed('rest_grp2')).toBeDefined();
    await ok('rmfcconsistgrp', 'rest_grp2', { force: true });
    expect(await groupNamed('rest_grp2')).toBeUndefined();
    await refused('lsfcconsistgrp', 'rest_grp2', null, 500, 'CMMVC5753E');
    for (const name of ['rest_ga', 'rest_gb']) {
      const copy = await requireCopy(name);
      expect(copy.consistencyGroupId).toBeNull();
      expect(copy.state).toBe('copying');
      expect((await lsfcmap(name)).group_name).toBe('');
      await ok('stopfcmap', name);
    }
    await advance(2);
    for (const name of ['rest_ga', 'rest_gb']) await ok('rmfcmap', name, { force: true });
    for (const name of ['rest_ga_src', 'rest_ga_tgt', 'rest_gb_src', 'rest_gb_tgt']) await ok('rmvdisk', name);
  });
});

describe('roles and the audit trail', () => {
  it('a monitor may run ls commands but no task: mkfcmap is refused with 403 CMMVC6253E and nothing changes', async () => {
    const monitor = await svcClient(server.svcPort, MONITOR.username, MONITOR.password);
    expect((await ok<Row[]>('lsvdisk', null, null, monitor)).length).toBeGreaterThan(0);
    expect(await ok<Row>('lssystem', null, null, monitor)).toMatchObject({ name: storwize.name });
    const before = await copies();
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', name: 'monitor_map' }, 403, 'CMMVC6253E', monitor);
    await refused('mkvdisk', null, { name: 'monitor_vol', mdiskgrp: 'mdiskgrp0', size: '16' }, 403, 'CMMVC6253E', monitor);
    expect(await copies()).toEqual(before);
    expect(await volumeNamed('monitor_vol')).toBeUndefined();
  });

  it('an operator may create and remove mappings', async () => {
    const operator = await svcClient(server.svcPort, OPERATOR.username, OPERATOR.password);
    await ok('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', name: 'operator_map' }, operator);
    expect(await copyNamed('operator_map')).toBeDefined();
    await ok('rmfcmap', 'operator_map', null, operator);
    expect(await copyNamed('operator_map')).toBeUndefined();
  });

  it('records every task — done, refused by the array, refused by role — as an audit event with who, what and the outcome', async () => {
    await ok('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql02', name: 'audit_map' });
    await refused('mkfcmap', null, { source: 'vdisk_sql01', target: 'vdisk_sql03', name: 'audit_bad' }, 500, 'CMMVC5920E');
    await ok('rmfcmap', 'audit_map');
    const events = await auditEvents();
    const find = (predicate: (event: GrainlineEvent) => boolean) => events.find((event) => event.kind === 'audit' && predicate(event));
    expect(find((e) => e.actor === TEST_ADMIN.username && e.details.path === '/rest/mkfcmap' && e.details.status === 200)).toBeDefined();
    const sizes = find((e) => e.details.path === '/rest/mkfcmap' && e.details.status === 500);
    expect(sizes?.actor).toBe(TEST_ADMIN.username);
    expect(sizes?.details.message).toMatch(/^CMMVC5920E/);
    expect(find((e) => e.details.path === '/rest/rmfcmap/audit_map' && e.details.status === 200)).toBeDefined();
    const role = find((e) => e.actor === MONITOR.username && e.details.path === '/rest/mkfcmap');
    expect(role?.details.status).toBe(403);
    expect(role?.details.message).toMatch(/^CMMVC6253E/);
    expect(find((e) => e.actor === OPERATOR.username && e.details.path === '/rest/rmfcmap/operator_map' && e.details.status === 200)).toBeDefined();
    // Failed sign-ins are on the trail too.
    expect(find((e) => e.details.path === '/rest/auth' && e.details.status === 403)).toBeDefined();
  });
});
