// The IBM Spectrum Virtualize CLI over SSH, driven with the real OpenSSH client (through sshpass,
// as scripts that log in with a password do): `ssh -p PORT user@host svcinfo lsfcmap -delim :`.
// Output is checked as the CLI prints it (delimited or aligned columns, "name value" detail
// lines, errors on stderr with exit status 1), and every task is checked on Grainline's own API.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';
import { runSsh, type SshLogin, type SshRun } from '../support/ssh-client';
import { waitListening } from '../support/svc-client';
import type { GrainlineCopy, GrainlineEvent, GrainlineVolume } from '../support/grainline-types';

const MONITOR = { username: 'ssh-monitor', password: 'ssh-monitor-password-1', role: 'monitor' } as const;

type Login = SshLogin;

let server: RunningServer;
let token = '';
let arrayId = '';
const grainline = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

function ssh(command: string | null, login: Login = TEST_ADMIN): Promise<SshRun> {
  return runSsh({ port: server.sshPort }, login, command);
}

async function succeeds(command: string, login: Login = TEST_ADMIN): Promise<string> {
  const run = await ssh(command, login);
  expect(run.code, `${command}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout;
}
async function fails(command: string, code: string, login: Login = TEST_ADMIN): Promise<SshRun> {
  const run = await ssh(command, login);
  expect(run.code, `${command}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.startsWith(code), run.stderr).toBe(true);
  expect(run.stderr.endsWith('\n')).toBe(true);
  return run;
}

/** A -delim table as rows keyed by its header. */
function delimited(text: string, delim: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = (header as string).split(delim);
  return lines.map((line) => {
    const cells = line.split(delim);
    expect(cells).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] as string]));
  });
}
/** "name value" detail lines as [name, value] pairs, in order (values may be empty). */
function detailLines(text: string): [string, string][] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const space = line.indexOf(' ');
      return space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
    });
}

async function copies(): Promise<GrainlineCopy[]> {
  return (await grainline.get<GrainlineCopy[]>(`/api/copies?arrayId=${arrayId}`)).body;
}
async function copyNamed(name: string): Promise<GrainlineCopy | undefined> {
  return (await copies()).find((c) => c.name === name);
}
async function volumeIdOf(name: string): Promise<string> {
  const volume = (await grainline.get<GrainlineVolume[]>(`/api/volumes?arrayId=${arrayId}`)).body.find((v) => v.name === name);
  if (volume === undefined) throw new Error(`no volume ${name}`);
  return volume.id;
}
async function advance(seconds: number): Promise<void> {
  expect((await grainline.post('/api/simulation/advance', { seconds })).status).toBe(200);
}

beforeAll(async () => {
  server = await startServer();
  await waitListening(server.sshPort);
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await grainline.put('/api/simulation', { speed: 0 })).status).toBe(200);
  expect((await grainline.post('/api/users', MONITOR)).status).toBe(201);
  const arrays = (await grainline.get<{ id: string; model: string }[]>('/api/arrays')).body;
  arrayId = arrays.find((a) => a.model === 'storwize')?.id ?? '';
  expect(arrayId).not.toBe('');
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

/** The id of the mapping the first test makes (fcmap<id>), used by the ones after it. */
let mappingId = '';

describe('svctask mkfcmap and the listings over SSH', () => {
  it('svctask mkfcmap -source -target -copyrate 50 prints the CLI sentence and makes the mapping', async () => {
    const out = await succeeds('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -copyrate 50');
    const match = /^FlashCopy Mapping, id \[(\d+)\], successfully created\n$/.exec(out);
    expect(match, out).not.toBeNull();
    mappingId = (match as RegExpExecArray)[1] as string;
    const [source, target] = [await volumeIdOf('vdisk_sql01'), await volumeIdOf('vdisk_sql02')];
    const made = (await copies()).find((c) => c.sourceVolumeId === source && c.targetVolumeId === target);
    expect(made).toMatchObject({ name: `fcmap${mappingId}`, state: 'idle_or_copied', options: { copyRate: 50 } });
  });

  it('svcinfo lsfcmap -delim : prints a header and one row per mapping', async () => {
    const out = await succeeds('svcinfo lsfcmap -delim :');
    const [header] = out.split('\n');
    expect(header).toBe(
      'id:name:source_vdisk_id:source_vdisk_name:target_vdisk_id:target_vdisk_name:group_id:group_name:status:progress:copy_rate:clean_progress:incremental:partner_FC_id:partner_FC_name:restoring:start_time:rc_controlled',
    );
    const rows = delimited(out, ':');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: mappingId,
      name: `fcmap${mappingId}`,
      source_vdisk_name: 'vdisk_sql01',
      target_vdisk_name: 'vdisk_sql02',
      group_name: '',
      status: 'idle_or_copied',
      progress: '0',
      copy_rate: '50',
      start_time: '',
    });
    expect(out.endsWith('\n')).toBe(true);
  });

  it('-nohdr drops the header; another -delim separates with it', async () => {
    const out = await succeeds('svcinfo lsfcmap -nohdr -delim :');
    expect(out.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(out.startsWith(`${mappingId}:fcmap${mappingId}:`)).toBe(true);
    const comma = await succeeds('svcinfo lsfcmap -delim ,');
    expect(comma.split('\n')[0]).toMatch(/^id,name,source_vdisk_id,/);
  });

  it('svcinfo lsfcmap without -delim prints columns aligned under their headers', async () => {
    await succeeds('svctask mkfcmap -source vdisk_web01 -target vdisk_web02 -name a_much_longer_mapping_name -copyrate 7');
    const out = await succeeds('svcinfo lsfcmap');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const header = lines[0] as string;
    expect(header).toMatch(/^id +name +source_vdisk_id +source_vdisk_name +/);
    for (const column of ['name', 'source_vdisk_name', 'target_vdisk_name', 'status', 'copy_rate']) {
      const at = header.indexOf(` ${column} `) + 1;
      for (const line of lines.slice(1)) {
        expect(line[at - 1], `${column} in "${line}"`).toBe(' ');
        expect(line[at], `${column} in "${line}"`).not.toBe(' ');
      }
    }
    const longRow = lines.find((line) => line.includes('a_much_longer_mapping_name')) as string;
    expect(longRow.slice(header.indexOf(' copy_rate ') + 1).split(/ +/)[0]).toBe('7');
    const shortRow = lines.find((line) => line.includes(`fcmap${mappingId}`)) as string;
    expect(shortRow.slice(header.indexOf(' copy_rate ') + 1).split(/ +/)[0]).toBe('50');
    expect(lines.every((line) => line === line.trimEnd())).toBe(true);
    await succeeds('svctask rmfcmap a_much_longer_mapping_name');
  });

  it('svcinfo lsfcmap <name> prints the detailed view as "name value" lines', async () => {
    const out = await succeeds(`svcinfo lsfcmap fcmap${mappingId}`);
    const lines = detailLines(out);
    const fields = Object.fromEntries(lines);
    expect(lines[0]).toEqual(['id', mappingId]);
    expect(fields).toMatchObject({
      name: `fcmap${mappingId}`,
      source_vdisk_name: 'vdisk_sql01',
      target_vdisk_name: 'vdisk_sql02',
      copy_rate: '50',
      autodelete: 'off',
      grain_size: '256',
      status: 'idle_or_copied',
      group_name: '',
      start_time: '',
    });
    expect(out).toContain('\ngroup_name\n'); // an empty value prints the name alone
    expect(await succeeds(`svcinfo lsfcmap -delim : ${mappingId}`)).toContain(`\nname:fcmap${mappingId}\n`);
  });

  it('svcinfo lsvdisk <name> prints the volume block, a blank line, then the copy block', async () => {
    const out = await succeeds('svcinfo lsvdisk -bytes vdisk_sql01');
    const [volume, copy] = out.split('\n\n');
    expect(Object.fromEntries(detailLines(volume as string))).toMatchObject({ name: 'vdisk_sql01', capacity: String(1024 ** 3), FC_name: `fcmap${mappingId}` });
    expect(Object.fromEntries(detailLines(copy as string))).toMatchObject({ vdisk_name: 'vdisk_sql01', copy_id: '0' });
  });

  it('svcinfo lsvdisk -filtervalue with a * wildcard (quoted as a shell would)', async () => {
    const rows = delimited(await succeeds(`svcinfo lsvdisk -delim : -filtervalue "name=vdisk_web*"`), ':');
    expect(rows.map((r) => r.name)).toEqual(['vdisk_web01', 'vdisk_web02', 'vdisk_web03', 'vdisk_web04']);
  });
});

describe('tasks over SSH, seen on Grainline', () => {
  it('starts, stops and removes a mapping; chfcmap changes its rate', async () => {
    await succeeds(`svctask chfcmap -copyrate 0 -name ssh_map fcmap${mappingId}`);
    expect((await copyNamed('ssh_map'))?.options.copyRate).toBe(0);
    expect(await succeeds('svctask startfcmap -prep ssh_map')).toBe('');
    expect((await copyNamed('ssh_map'))?.state).toBe('preparing');
    await advance(3);
    expect((await copyNamed('ssh_map'))?.state).toBe('copying');
    const status = delimited(await succeeds('svcinfo lsfcmap -delim : -filtervalue status=copying'), ':');
    expect(status.map((r) => r.name)).toEqual(['ssh_map']);
    expect(status[0]?.start_time).toMatch(/^\d{12}$/);
    await succeeds('svctask stopfcmap ssh_map');
    await advance(2);
    expect((await copyNamed('ssh_map'))?.state).toBe('stopped');
    await fails('svctask rmfcmap ssh_map', 'CMMVC'); // a stopped mapping goes only with -force
    await succeeds('svctask rmfcmap -force ssh_map');
    expect(await copyNamed('ssh_map')).toBeUndefined();
    expect(await succeeds('svcinfo lsfcmap -delim :')).toBe('');
  });

  it('consistency groups: mkfcconsistgrp, members, the group detail repeating FC_mapping lines, rmfcconsistgrp -force', async () => {
    expect(await succeeds(`svctask mkfcconsistgrp -name 'ssh_grp'`)).toMatch(/^FlashCopy Consistency Group, id \[\d+\], successfully created\n$/);
    await succeeds('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -name ssh_m1 -consistgrp ssh_grp');
    await succeeds('svctask mkfcmap -source vdisk_web01 -target vdisk_web02 -name ssh_m2 -consistgrp ssh_grp');
    const lines = detailLines(await succeeds('svcinfo lsfcconsistgrp ssh_grp'));
    expect(lines.filter(([name]) => name === 'FC_mapping_name').map(([, value]) => value)).toEqual(['ssh_m1', 'ssh_m2']);
    expect(lines.filter(([name]) => name === 'name')).toEqual([['name', 'ssh_grp']]);
    const groups = (await grainline.get<{ name: string; memberIds: string[] }[]>('/api/consistency-groups')).body;
    expect(groups.find((g) => g.name === 'ssh_grp')?.memberIds).toHaveLength(2);
    await fails('svctask rmfcconsistgrp ssh_grp', 'CMMVC');
    await succeeds('svctask rmfcconsistgrp -force ssh_grp');
    expect((await grainline.get<{ name: string }[]>('/api/consistency-groups')).body.find((g) => g.name === 'ssh_grp')).toBeUndefined();
    await succeeds('svctask rmfcmap ssh_m1');
    await succeeds('svctask rmfcmap ssh_m2');
  });

  it('records each SSH task on the audit trail with the command line', async () => {
    await succeeds('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -name ssh_audit');
    await succeeds('svctask rmfcmap ssh_audit');
    const events = (await grainline.get<GrainlineEvent[]>('/api/events?kind=audit&limit=500')).body;
    const made = events.find((e) => e.details.method === 'SSH' && e.details.path === 'svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -name ssh_audit');
    expect(made).toMatchObject({ actor: TEST_ADMIN.username, details: { status: 200 } });
  });
});

describe('errors over SSH', () => {
  it('prints a refused task on stderr with exit status 1 and changes nothing', async () => {
    const before = await copies();
    await fails('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql03', 'CMMVC5920E');
    await fails('svctask mkfcmap -source vdisk_sql01 -target no_such_vdisk', 'CMMVC5753E');
    await fails('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -bogus 1', 'CMMVC5709E');
    await fails('svctask mkfcmap -source vdisk_sql01 -target', 'CMMVC6070E');
    await fails('svctask mkfcmap -name "unclosed', 'CMMVC6070E');
    await fails('svcinfo lsfcmap no_such_mapping', 'CMMVC5753E');
    expect(await copies()).toEqual(before);
  });

  it('answers an unknown command like a restricted shell: exit status 127', async () => {
    const run = await ssh('svcinfo lsnothing');
    expect(run.code).toBe(127);
    expect(run.stderr).toMatch(/lsnothing: command not found/);
    expect((await ssh('rm -rf /')).code).toBe(127);
  });

  it('refuses a wrong password at login (ssh exits 255) and runs nothing', async () => {
    const before = await copies();
    const run = await ssh('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -name wrong_pw', {
      username: TEST_ADMIN.username,
      password: 'wrong-password',
    });
    expect(run.code).toBe(255);
    expect(run.stderr).toMatch(/Permission denied/);
    expect(await copies()).toEqual(before);
  });

  it('lets a monitor list but refuses its svctask with CMMVC6253E', async () => {
    const rows = delimited(await succeeds('svcinfo lsvdisk -delim :', MONITOR), ':');
    expect(rows.map((r) => r.name)).toContain('vdisk_sql01');
    const before = await copies();
    await fails('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -name monitor_map', 'CMMVC6253E', MONITOR);
    expect(await copies()).toEqual(before);
  });

  it('offers no interactive shell: a login without a command is told to send one command', async () => {
    const run = await ssh(null);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/one SVC command per connection/);
  });
});
