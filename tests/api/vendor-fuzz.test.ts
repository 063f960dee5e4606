// Hostile input against the vendor surfaces (fast-check), on the real production server: random
// and malicious SVC REST calls (every command, unknown ones, wrong option names and values, raw
// bodies, broken paths, bad tokens, a monitor's token). For every request: no server error other
// than SVC's own CMMVC answers, a refusal changes nothing in Grainline's inventory, and at the end
// the server is healthy and logged no unhandled error. The simulation is paused, so "unchanged"
// is exact; an accepted command may change state (the baseline is taken again).
//
// Reproduce a failure with VENDOR_FUZZ_SEED=<seed fast-check printed>; VENDOR_FUZZ_RUNS sets the
// number of property runs, each a batch of BATCH requests.
import https from 'node:https';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SVC_COMMANDS } from '../../lib/vendor/svc/commands';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';

const SEED = Number(process.env.VENDOR_FUZZ_SEED ?? 20_261_204);
const RUNS = Number(process.env.VENDOR_FUZZ_RUNS ?? 40);
const BATCH = 15;
const MONITOR = { username: 'vf-monitor', password: 'vendor-fuzz-pass-1' };

let server: RunningServer;
let token = '';
const admin = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);
const svcTokens: { admin: string; monitor: string } = { admin: '', monitor: '' };

interface Answer {
  status: number;
  body: string;
}

function svcPost(path: string, body: string | null, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      { host: 'localhost', port: server.svcPort, path, method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body ?? undefined);
  });
}

async function svcToken(username: string, password: string): Promise<string> {
  const answer = await svcPost('/rest/auth', 'null', { 'x-auth-username': username, 'x-auth-password': password });
  if (answer.status !== 200) throw new Error(`SVC auth as ${username}: ${answer.status} ${answer.body}`);
  return (JSON.parse(answer.body) as { token: string }).token;
}

/** What any command could change, as Grainline's own API shows it. */
async function fingerprint(): Promise<string> {
  const parts = await Promise.all(['/api/copies', '/api/volumes', '/api/consistency-groups'].map(async (path) => JSON.stringify((await admin.get(path)).body)));
  return parts.join('\n');
}

// ---- hostile values ------------------------------------------------------------------------------

const NAMES = ['vf_src', 'vf_tgt', 'vf_other', 'vf_map', 'vf_grp', 'vdisk_sql01', 'fcmap0', 'fccstgrp1', 'io_grp0', 'mdiskgrp0'];
const OPTION_NAMES = [
  'name',
  'source',
  'target',
  'copyrate',
  'cleanrate',
  'consistgrp',
  'grainsize',
  'autodelete',
  'incremental',
  'prep',
  'force',
  'size',
  'unit',
  'mdiskgrp',
  'pool',
  'iogrp',
  'bytes',
  'filtervalue',
  'delim',
  'nohdr',
  'restore',
  'split',
  'thin',
  'ownershipgroup',
  'noownershipgroup',
  'bogus',
  '__proto__',
  'constructor',
];
const hostileString = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '18446744073709551616',
    '1e308',
    'NaN',
    '*',
    'name=*',
    'name=vf*:status=idle*',
    '\'; DROP TABLE "Volume"; --',
    '../../etc/passwd',
    'ünïcødé',
    '\u0000',
    'on',
    'off',
    'b',
    'pb',
    'GB',
    '64',
    '256',
    '150',
    '151',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 2000, maxLength: 3000 }),
);
const optionValue = fc.oneof(
  hostileString,
  fc.constant(true),
  fc.constant(false),
  fc.integer({ min: -10, max: 10 ** 6 }),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const options = fc.dictionary(fc.constantFrom(...OPTION_NAMES), optionValue, { maxKeys: 6 });
const command = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...Object.keys(SVC_COMMANDS)) },
  { weight: 1, arbitrary: fc.constantFrom('auth', 'lsbogus', 'mkbogus', 'svctask', '%2e%2e', 'LSFCMAP') },
);
const object = fc.option(fc.oneof(fc.constantFrom(...NAMES, '0', '1', '99', '%00', '%2F', '..'), fc.string({ maxLength: 20 }).map(encodeURIComponent)), {
  nil: undefined,
});

const svcCall = fc.record({
  command,
  object,
  body: fc.oneof(
    { weight: 6, arbitrary: options.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.constantFrom('null', '', '[]', '"x"', '{', '{"a":', '1', 'true') },
  ),
  who: fc.constantFrom('admin', 'admin', 'admin', 'monitor', 'none', 'garbage'),
});
type SvcCall = typeof svcCall extends fc.Arbitrary<infer T> ? T : never;

async function send(call: SvcCall): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (call.who === 'admin') headers['x-auth-token'] = svcTokens.admin;
  if (call.who === 'monitor') headers['x-auth-token'] = svcTokens.monitor;
  if (call.who === 'garbage') headers['x-auth-token'] = 'Fe26.2**not-a-token';
  if (call.command === 'auth') {
    headers['x-auth-username'] = call.who === 'monitor' ? MONITOR.username : TEST_ADMIN.username;
    headers['x-auth-password'] = call.who === 'garbage' ? 'wrong password' : call.who === 'monitor' ? MONITOR.password : TEST_ADMIN.password;
  }
  const path = `/rest/${call.command}${call.object === undefined ? '' : `/${call.object}`}`;
  return svcPost(path, call.body, headers);
}

function checkAnswer(call: SvcCall, answer: Answer): void {
  const where = `${call.who} POST /rest/${call.command}/${call.object ?? ''} ${call.body.slice(0, 200)} → ${answer.status} ${answer.body.slice(0, 300)}`;
  // SVC answers a failed command with 500 and its CMMVC message; nothing else may be a 5xx.
  if (answer.status >= 500) {
    expect(answer.body, where).toMatch(/^CMMVC\d{4}E /);
    expect(answer.body, `${where}: an internal error`).not.toMatch(/internal error/);
  }
  if (answer.status === 200 && call.command !== 'auth' && answer.body !== '') expect(() => JSON.parse(answer.body), where).not.toThrow();
  if (call.who === 'none' || call.who === 'garbage')
    expect(answer.status === 403 || answer.status === 404 || (call.command === 'auth' && call.who === 'none'), where).toBe(true);
}

describe('vendor surfaces under hostile input', () => {
  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.baseUrl, server.dataDir);
    await admin.put('/api/simulation', { speed: 0 });
    const created = await admin.post('/api/users', { username: MONITOR.username, password: MONITOR.password, role: 'monitor' });
    if (created.status !== 201) throw new Error(`create monitor: ${created.status}`);
    svcTokens.admin = await svcToken(TEST_ADMIN.username, TEST_ADMIN.password);
    svcTokens.monitor = await svcToken(MONITOR.username, MONITOR.password);
    // Objects the fuzzer's names hit: two volumes of one size, a mapping, a group.
    for (const name of ['vf_src', 'vf_tgt', 'vf_other']) {
      const answer = await svcPost('/rest/mkvdisk', JSON.stringify({ name, mdiskgrp: 'mdiskgrp0', size: '1', unit: 'mb' }), {
        'x-auth-token': svcTokens.admin,
      });
      if (answer.status !== 200) throw new Error(`mkvdisk ${name}: ${answer.body}`);
    }
    await svcPost('/rest/mkfcconsistgrp', JSON.stringify({ name: 'vf_grp' }), { 'x-auth-token': svcTokens.admin });
    await svcPost('/rest/mkfcmap', JSON.stringify({ source: 'vf_src', target: 'vf_tgt', name: 'vf_map' }), { 'x-auth-token': svcTokens.admin });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('SVC REST: no server error but CMMVC answers, refusals change nothing, monitors change nothing', async () => {
    let baseline = await fingerprint();
    await fc.assert(
      fc.asyncProperty(fc.array(svcCall, { minLength: BATCH, maxLength: BATCH }), async (calls) => {
        for (const call of calls) {
          const answer = await send(call);
          checkAnswer(call, answer);
          const after = await fingerprint();
          const where = `${call.who} /rest/${call.command}/${call.object ?? ''} ${call.body.slice(0, 200)} → ${answer.status} ${answer.body.slice(0, 200)}`;
          if (answer.status !== 200 || call.who !== 'admin') expect(after, `${where} changed the inventory`).toBe(baseline);
          baseline = after;
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(server.logs()).not.toMatch(/unhandled error/);
  }, 600_000);
});
