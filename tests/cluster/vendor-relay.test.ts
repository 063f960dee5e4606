// The vendor protocols on every node of a cluster (issue #13): a backup listens on its own SVC
// REST, SVC SSH and NBD ports and relays each connection to the primary, which runs the engine.
// Driven with the real clients (OpenSSH through sshpass, nbdcopy, nbdinfo) and the REST calls the
// IBM collection sends; checked on Grainline's own API. Then the primary is killed: the node that
// takes over serves the protocols itself, and the restarted node relays to it.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startCluster, type ClusterMember, type RunningCluster } from '../support/cluster';
import { TEST_ADMIN, type RunningServer } from '../support/server';
import { runSsh, type SshRun } from '../support/ssh-client';
import { svcClient, waitListening } from '../support/svc-client';
import type { GrainlineEvent, GrainlineVolume } from '../support/grainline-types';

const execFileAsync = promisify(execFile);
const LEASE_MS = 3_000;
const MiB = 1024 * 1024;
/** The client's own source address: distinct from the backup's, so the audit shows whose it kept. */
const CLIENT_ADDRESS = '127.0.0.2';

let cluster: RunningCluster;
let dataDir = '';
let token = '';
let primary: ClusterMember;
let backup: ClusterMember;

function serverOf(member: ClusterMember): RunningServer {
  if (member.server === null) throw new Error(`${member.name} is down`);
  return member.server;
}
const api = (member: () => ClusterMember) =>
  apiClient(
    () => serverOf(member()).baseUrl,
    () => bearer(token),
  );

/** The real ssh client from CLIENT_ADDRESS, as a script logs in. */
function ssh(port: number, command: string): Promise<SshRun> {
  return runSsh({ port, host: '127.0.0.1', bindAddress: CLIENT_ADDRESS }, TEST_ADMIN, command);
}

function nbdUri(member: ClusterMember, volume: string): string {
  return `nbd://127.0.0.1:${serverOf(member).nbdPort}/${encodeURIComponent(`${volume}?token=${token}`)}`;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-relay-'));
  cluster = await startCluster({ dataDir, leaseMs: LEASE_MS });
  token = await adminToken(serverOf(cluster.members[0]!).baseUrl, dataDir);
  primary = await cluster.primary(token);
  backup = cluster.members.find((member) => member !== primary)!;
  await waitListening(serverOf(backup).svcPort);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('vendor protocols on a backup node', () => {
  it('the SVC REST API on the backup answers with the primary engine’s objects', async () => {
    expect(await cluster.roleOf(backup, token)).toBe('backup');
    const viaBackup = await svcClient(serverOf(backup).svcPort, TEST_ADMIN.username, TEST_ADMIN.password);
    const viaPrimary = await svcClient(serverOf(primary).svcPort, TEST_ADMIN.username, TEST_ADMIN.password);
    const names = async (client: typeof viaBackup) => ((await client.run<{ name: string }[]>('lsvdisk')).body as { name: string }[]).map((v) => v.name).sort();
    const fromBackup = await names(viaBackup);
    expect(fromBackup.length).toBeGreaterThan(0);
    expect(fromBackup).toEqual(await names(viaPrimary));
    // A token from the backup's sign-in works on the primary: one session store, one engine.
    const made = await viaBackup.run<{ id: string }>('mkvdisk', null, { name: 'relay_rest', mdiskgrp: 'mdiskgrp0', size: 16, unit: 'mb' });
    expect(made.status, made.text).toBe(200);
    const listed = (await api(() => primary).get<GrainlineVolume[]>('/api/volumes')).body;
    expect(listed.map((v) => v.name)).toContain('relay_rest');
  }, 60_000);

  it('the SVC CLI over SSH on the backup runs commands on the primary; the audit keeps the client’s address', async () => {
    const since = new Date(Date.now() - 1_000).toISOString();
    const made = await ssh(serverOf(backup).sshPort, 'svctask mkvdisk -name relay_ssh -mdiskgrp mdiskgrp0 -size 16 -unit mb');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Virtual Disk, id \[\d+\], successfully created/);
    const listing = await ssh(serverOf(backup).sshPort, 'svcinfo lsvdisk -delim :');
    expect(listing.code, listing.stderr).toBe(0);
    expect(listing.stdout).toContain(':relay_ssh:');
    const audit = (await api(() => primary).get<GrainlineEvent[]>(`/api/events?category=audit&since=${encodeURIComponent(since)}&limit=200`)).body;
    const entry = audit.find((e) => e.details.method === 'SSH' && String(e.details.path).startsWith('svctask mkvdisk -name relay_ssh'));
    expect(entry, JSON.stringify(audit.slice(0, 5))).toBeDefined();
    expect(entry!.details.address).toBe(CLIENT_ADDRESS);
  }, 60_000);

  it('NBD on the backup carries real bytes both ways', async () => {
    const listed = JSON.parse((await execFileAsync('nbdinfo', ['--list', '--json', `nbd://127.0.0.1:${serverOf(backup).nbdPort}`])).stdout) as {
      exports: { 'export-name': string }[];
    };
    expect(listed.exports.map((e) => e['export-name'])).toContain('relay_ssh');
    const image = path.join(dataDir, 'image.raw');
    const bytes = crypto.randomBytes(16 * MiB);
    fs.writeFileSync(image, bytes);
    // --flush: what NBD makes durable is what a flush (or FUA) acknowledged; the takeover below relies on it.
    await execFileAsync('nbdcopy', ['--flush', image, nbdUri(backup, 'relay_ssh')]);
    const volume = (await api(() => primary).get<GrainlineVolume[]>('/api/volumes')).body.find((v) => v.name === 'relay_ssh')!;
    const read = await fetch(`${serverOf(primary).baseUrl}/api/volumes/${volume.id}/data?offset=0&length=${MiB}`, { headers: bearer(token) });
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(bytes.subarray(0, MiB))).toBe(true);
    const out = path.join(dataDir, 'out.raw');
    await execFileAsync('nbdcopy', [nbdUri(backup, 'relay_ssh'), out]);
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
  }, 60_000);

  it('a relay upgrade without the cluster’s signature is refused, forged address or not', async () => {
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request({
          host: '127.0.0.1',
          port: serverOf(primary).port,
          path: '/cluster/relay/nbd?local=&port=0',
          headers: { connection: 'Upgrade', upgrade: 'grainline-relay', ...headers },
        });
        request.on('response', (answer) => resolve(answer.statusCode ?? 0));
        request.on('upgrade', () => resolve(101));
        request.on('error', reject);
        request.end();
      });
    expect(await status({})).toBe(403);
    expect(await status({ 'x-grainline-forwarded-peer': '203.0.113.9', 'x-grainline-forwarded-sig': 'not-a-signature' })).toBe(403);
  });

  it('after kill -9 of the primary the new primary serves them itself and the restarted node relays to it', async () => {
    const old = primary;
    await serverOf(old).stop('SIGKILL');
    old.server = null;
    primary = await cluster.primary(token);
    expect(primary).toBe(backup);
    const listing = await ssh(serverOf(primary).sshPort, 'svcinfo lsvdisk -delim :');
    expect(listing.code, listing.stderr).toBe(0);
    expect(listing.stdout).toContain(':relay_ssh:');
    await cluster.start(old);
    backup = old;
    expect(await cluster.roleOf(backup, token)).toBe('backup');
    await waitListening(serverOf(backup).nbdPort);
    const out = path.join(dataDir, 'after.raw');
    await execFileAsync('nbdcopy', [nbdUri(backup, 'relay_ssh'), out]);
    expect(fs.readFileSync(out).equals(fs.readFileSync(path.join(dataDir, 'image.raw')))).toBe(true);
    const viaBackup = await svcClient(serverOf(backup).svcPort, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await viaBackup.run('lsvdisk', 'relay_rest')).status).toBe(200);
  }, 120_000);
});
