// Property-based hostile-input test of every API route (fast-check): thousands of random and
// malicious requests (wrong types, huge and negative numbers, unknown and injected ids, raw path
// tricks, oversized and non-JSON bodies, bad credentials) against the real production server.
// For every request: no 5xx, a refusal carries the contract's error shape, and a refused (or
// read-only) request leaves the inventory and the volume contents exactly as they were. At the end
// the server is still healthy and logged no unhandled error.
//
// The simulation is paused and no workload runs, so "unchanged" is exact; an accepted write may
// change state (it re-takes the baseline). Reproduce a failure with FUZZ_SEED=<seed fast-check
// printed>; FUZZ_RUNS sets the number of property runs, each a batch of BATCH (20) requests:
// the default 100 runs send 2000 requests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ChangePasswordBody, CreateTokenBody, CreateUserBody, SetupBody, SignInBody, SignOutQuery, UpdateUserBody } from '../../lib/api/auth-schemas';
import {
  ActionBody,
  AdvanceBody,
  CreateCopyBody,
  CreateGroupBody,
  DataWriteQuery,
  PatchCopyBody,
  PutSimulationBody,
  WorkloadBody,
} from '../../lib/api/copy-schemas';
import { CreateFaultBody } from '../../lib/api/fault-schemas';
import { CreateVolumeBody } from '../../lib/api/fleet-schemas';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer, createTokenAs, sessionHeaders, signIn, type BrowserSession } from '../support/auth';
import { closeRawAgent, rawRequest, type RawBody, type RawResponse } from '../support/raw-http';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const BATCH = 20;
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const MiB = 1024 * 1024;
/** The server's caps (lib/http/request.ts MAX_JSON_BODY_BYTES, lib/api/copy-schemas.ts DATA_REQUEST_BYTES_MAX). */
const MAX_JSON_BODY = MiB;
const MAX_DATA_REQUEST = 16 * MiB;
/** Node's limit on the request line plus headers (--max-http-header-size); beyond it, 431. */
const NODE_MAX_HEADER_BYTES = 16 * 1024;
const FIXTURE_VOLUME_BYTES = MiB;
/** Bodies above this may be left unread by a refusal, so the connection may be reset (see checkResponse). */
const UNREAD_BODY_RESET_BYTES = 64 * 1024;
const PASSWORD = 'fuzz-password-123';

let server: RunningServer;
let token = '';
const admin = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

// ---- the fleet the fuzzer aims at ---------------------------------------------------------------

interface Fixture {
  arrayIds: string[];
  poolIds: string[];
  /** Small volumes with known bytes: their data is part of the fingerprint. */
  dataVolumeIds: string[];
  /** Seeded volumes (metadata fingerprinted only): fair game for DELETE. */
  otherVolumeIds: string[];
  copyIds: string[];
  groupIds: string[];
  /** Faults the fuzzer injected (and may have cleared since): real ids for GET/DELETE /api/faults/:id. */
  faultIds: string[];
  adminUserId: string;
  /** Users and tokens the fuzzer may change or delete; the admin, monitor and operator stay intact. */
  victimUserIds: string[];
  allUserIds: string[];
  disposableTokenIds: string[];
  monitorToken: string;
  operatorToken: string;
  revokedToken: string;
  session: BrowserSession;
}
let fx: Fixture;

interface ArrayDto {
  id: string;
  model: string;
  pools: { id: string }[];
}
interface VolumeDto {
  id: string;
  arrayId: string;
}

function pattern(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed * 2_654_435_761;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

async function ok<T>(result: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const { status: got, body } = await result;
  if (got !== status) throw new Error(`${what}: expected ${status}, got ${got} ${JSON.stringify(body)}`);
  return body;
}

async function buildFixture(): Promise<Fixture> {
  await ok(admin.put('/api/simulation', { speed: 0 }), 200, 'pause the simulation');
  const arrays = await ok(admin.get<ArrayDto[]>('/api/arrays'), 200, 'list arrays');
  const arrayOf = (model: string) => {
    const found = arrays.find((a) => a.model === model);
    if (!found) throw new Error(`no ${model} array`);
    return found;
  };
  const seeded = await ok(admin.get<VolumeDto[]>('/api/volumes'), 200, 'list volumes');
  const volume = async (model: string, name: string) =>
    (await ok(admin.post<VolumeDto>('/api/volumes', { arrayId: arrayOf(model).id, name, capacityBytes: FIXTURE_VOLUME_BYTES }), 201, `create ${name}`)).id;
  const fcSource = await volume('storwize', 'fz_fc_src');
  const fcTarget = await volume('storwize', 'fz_fc_tgt');
  const siPrimary = await volume('xp7', 'fz_si_p');
  const siSecondary = await volume('xp7', 'fz_si_s');
  const vcSource = await volume('santricity', 'fz_vc_src');
  const vcTarget = await volume('santricity', 'fz_vc_tgt');
  const plain = await volume('ds6000', 'fz_plain');
  const dataVolumeIds = [fcSource, fcTarget, siPrimary, siSecondary, vcSource, vcTarget, plain];
  for (const [index, id] of dataVolumeIds.entries()) {
    const written = await admin.putBytes(`/api/volumes/${id}/data?offset=0`, pattern(FIXTURE_VOLUME_BYTES, index + 1));
    if (written.status !== 204) throw new Error(`fill ${id}: ${written.status}`);
  }
  const group = await ok(admin.post<{ id: string }>('/api/consistency-groups', { arrayId: arrayOf('storwize').id, name: 'fz_cg' }), 201, 'create group');
  const flash = await ok(
    admin.post<{ id: string }>('/api/copies', { type: 'flashcopy', sourceVolumeId: fcSource, targetVolumeId: fcTarget, consistencyGroupId: group.id }),
    201,
    'create flashcopy',
  );
  const pair = await ok(
    admin.post<{ id: string }>('/api/copies', { type: 'shadowimage', sourceVolumeId: siPrimary, targetVolumeId: siSecondary }),
    201,
    'create shadowimage',
  );
  const volumeCopy = await ok(
    admin.post<{ id: string }>('/api/copies', { type: 'volume-copy', sourceVolumeId: vcSource, targetVolumeId: vcTarget }),
    201,
    'create volume copy',
  );
  const existingCopies = await ok(admin.get<{ id: string }[]>('/api/copies'), 200, 'list copies');

  const user = async (username: string, role: string) =>
    (await ok(admin.post<{ id: string }>('/api/users', { username, password: PASSWORD, role }), 201, `create ${username}`)).id;
  const monitorId = await user('fz-monitor', 'monitor');
  const operatorId = await user('fz-operator', 'operator');
  const victims = [await user('fz-victim-1', 'operator'), await user('fz-victim-2', 'monitor')];
  const monitorToken = await createTokenAs(server.baseUrl, await signIn(server.baseUrl, 'fz-monitor', PASSWORD), 'fz monitor');
  const operatorToken = await createTokenAs(server.baseUrl, await signIn(server.baseUrl, 'fz-operator', PASSWORD), 'fz operator');
  const session = await signIn(server.baseUrl, TEST_ADMIN.username, TEST_ADMIN.password);
  const disposable: string[] = [];
  for (const name of ['fz-disposable-1', 'fz-disposable-2', 'fz-disposable-3'])
    disposable.push((await ok(admin.post<{ id: string }>('/api/tokens', { name }), 201, `token ${name}`)).id);
  const revoked = await ok(admin.post<{ id: string; secret: string }>('/api/tokens', { name: 'fz-revoked' }), 201, 'token fz-revoked');
  await ok(admin.del(`/api/tokens/${revoked.id}`), 204, 'revoke token');
  return {
    arrayIds: arrays.map((a) => a.id),
    poolIds: arrays.flatMap((a) => a.pools.map((p) => p.id)),
    dataVolumeIds,
    otherVolumeIds: seeded.map((v) => v.id),
    copyIds: [...new Set([flash.id, pair.id, volumeCopy.id, ...existingCopies.map((c) => c.id)])],
    groupIds: [group.id],
    faultIds: [],
    adminUserId: (await ok(admin.get<{ id: string }>('/api/session'), 200, 'who am I')).id,
    victimUserIds: victims,
    allUserIds: [monitorId, operatorId, ...victims],
    disposableTokenIds: [...disposable, revoked.id],
    monitorToken,
    operatorToken,
    revokedToken: revoked.secret,
    session,
  };
}

// ---- fingerprint: everything a refused request must leave as it was -----------------------------

// The event log is left out on purpose: every state-changing request, refused or not, is audited.
// Volume data is hashed for the fixture's small volumes only (the seeded ones are GiBs, and the
// fuzzer aims its data writes at the fixture); every volume's metadata is in /api/volumes.
const JSON_PARTS = [
  '/api/arrays',
  '/api/volumes',
  '/api/copies',
  '/api/consistency-groups',
  '/api/faults',
  '/api/users',
  '/api/tokens?all=true',
  '/api/simulation',
];
/** Touched by the requests themselves (token use, session activity), not by what they ask. */
const VOLATILE_KEYS = new Set(['lastUsedAt', 'lastSeenAt']);

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !VOLATILE_KEYS.has(key))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, inner]) => [key, stable(inner)]),
    );
  }
  return value;
}

async function volumeHash(id: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (let offset = 0; offset < FIXTURE_VOLUME_BYTES; offset += MiB) {
    const read = await admin.getBytes(`/api/volumes/${id}/data?offset=${offset}&length=${Math.min(MiB, FIXTURE_VOLUME_BYTES - offset)}`);
    if (read.status !== 200) return `status ${read.status}: ${read.text}`;
    hash.update(read.bytes);
  }
  return hash.digest('hex');
}

type Fingerprint = Map<string, string>;

let fingerprints = 0;
let fingerprintMs = 0;

async function fingerprint(): Promise<Fingerprint> {
  const started = Date.now();
  fingerprints += 1;
  const json = JSON_PARTS.map(async (path) => {
    const { status, body } = await admin.get<unknown>(path);
    return [path, `${status} ${JSON.stringify(stable(body))}`] as const;
  });
  const data = fx.dataVolumeIds.map(async (id) => [`data of ${id}`, await volumeHash(id)] as const);
  const parts = new Map(await Promise.all([...json, ...data]));
  fingerprintMs += Date.now() - started;
  return parts;
}

function differences(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = [];
  for (const [part, was] of before) {
    const now = after.get(part) ?? '(missing)';
    if (now === was) continue;
    let at = 0;
    while (at < was.length && was[at] === now[at]) at += 1;
    out.push(`${part} changed at char ${at}: was …${was.slice(Math.max(0, at - 120), at + 200)}… now …${now.slice(Math.max(0, at - 120), at + 200)}…`);
  }
  return out;
}

// ---- hostile values ------------------------------------------------------------------------------

/** JSON text spliced in verbatim: numbers JSON.stringify cannot write (1e400, 30-digit integers). */
class RawJson {
  constructor(readonly text: string) {}
}

function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${JSON.stringify(key)}:${toJsonText(inner)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE Volume; --',
  '" OR ""="',
  "admin'--",
  "'; SELECT sqlite_version(); --",
  '{"$ne":null}',
  '{"$gt":""}',
  "this.constructor.constructor('return process')().exit()",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.png',
  '\u0000',
  '\r\nSet-Cookie: pwned=1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  'true',
  '[]',
  '{}',
  '😀💾',
  'ボリューム',
  '\u202Eevil',
  'e\u0301',
  '\uFEFF',
  '\uD800',
  ' ',
  '',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(65), 'a'.repeat(257), 'x'.repeat(100_000), '9'.repeat(400)) },
);

const hugeDecimal = fc.constantFrom(
  '9007199254740993',
  '18446744073709551616',
  '99999999999999999999999',
  '1' + '0'.repeat(40),
  '-1',
  '1.5',
  '1e3',
  '0x10',
  ' 1',
  '+1',
  '00000000000000001',
  '-0',
);

const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      -1,
      0,
      -0,
      0.5,
      1.5,
      511,
      513,
      2 ** 31,
      2 ** 32,
      2 ** 53,
      2 ** 53 + 2,
      2 ** 64,
      1e21,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.EPSILON,
      -(2 ** 53),
    ),
  },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer() },
  {
    weight: 1,
    arbitrary: fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1E2', '-0.0', '0.0000001e7', '5e-324').map((text) => new RawJson(text)),
  },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hugeDecimal },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>([], {}, [1, 2, 3], { $ne: null }, { $gt: '' }, ['admin'], { toString: 'x' }, new Array<number>(50_000).fill(9)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

// ---- requests ------------------------------------------------------------------------------------

type Auth = 'admin' | 'none' | 'malformed' | 'revoked' | 'monitor' | 'operator' | 'cookie-no-csrf' | 'cookie' | 'cross-origin';
type Access = 'public' | 'read' | 'self' | 'operate' | 'admin';

type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; size: number; seed: number }
  /** `depth` nested objects at `path` (e.g. ["options", "copyRate"]) inside an object body. */
  | { kind: 'deep'; depth: number; path: string[] }
  | { kind: 'huge-json'; bytes: number; chunked: boolean }
  | { kind: 'huge-bytes'; bytes: number; chunked: boolean };

interface FuzzRequest {
  route: string;
  method: string;
  path: string;
  /** Path built from ordinary segments only (no raw "..", "%zz"…): it reaches `route`. */
  plainPath: boolean;
  /** The route and method exist (not the catch-all, not a method the route lacks). */
  known: boolean;
  /** Every id in the path names something in the fleet (as far as the fuzzer knows). */
  realIds: boolean;
  /** The route reads a body (JSON or volume data), so an oversized one must be refused. */
  readsBody: boolean;
  /** A method the route does not export (405), or a path no route serves (the catch-all's 404). */
  stray: 'method' | 'path' | null;
  access: Access;
  auth: Auth;
  contentType: string | null;
  body: BodySpec;
}

function describeBody(body: BodySpec): string {
  switch (body.kind) {
    case 'json': {
      const text = toJsonText(body.value);
      return text.length > 300 ? `json ${text.slice(0, 300)}… (${text.length} chars)` : `json ${text}`;
    }
    case 'text':
      return `text ${JSON.stringify(body.text.slice(0, 200))}${body.text.length > 200 ? `… (${body.text.length} chars)` : ''}`;
    default:
      return JSON.stringify(body);
  }
}

function describeRequest(request: FuzzRequest): string {
  const path = request.path.length > 300 ? `${request.path.slice(0, 300)}… (${request.path.length} chars)` : request.path;
  return `${request.method} ${path} [${request.route}; auth ${request.auth}; content-type ${request.contentType ?? 'none'}; body ${describeBody(request.body)}]`;
}

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD first). */
function pct(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Raw path segments sent as they are: traversal, NUL, broken escapes, encoded slashes. */
const RAW_SEGMENTS = [
  '..',
  '.',
  '%00',
  '%zz',
  '%',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '%ff',
  '%0d%0a',
  ';',
  '*',
  '~',
  '$',
  "'",
  '"',
  '%u0041',
  '%%30%30',
  '',
  '//',
];

interface Segment {
  text: string;
  plain: boolean;
  /** An id from the fleet (or a real action name), as opposed to one no route can find. */
  real: boolean;
}

function idSegment(pool: () => string[]): fc.Arbitrary<Segment> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .integer({ min: 0, max: 999 })
        .map((i) => ({ text: pct(pool()[i % Math.max(1, pool().length)] ?? 'none'), plain: true, real: pool().length > 0 })),
    },
    { weight: 2, arbitrary: fc.oneof(fc.uuid(), fc.stringMatching(/^c[a-z0-9]{24}$/)).map((id) => ({ text: id, plain: true, real: false })) },
    { weight: 3, arbitrary: hostileString.map((s) => ({ text: pct(s), plain: !/^\.*$/.test(s), real: false })) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((text) => ({ text, plain: false, real: false })) },
  );
}

const ACTIONS = ['start', 'stop', 'recopy', 'split', 'resync', 'suspend', 'prepare', 'convert-to-copy', 'withdraw', 'delete'];
const MODES = ['quick', 'steady', 'normal', 'reverse', 'copy', 'nocopy'];
const actionSegment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ACTIONS).map((text) => ({ text, plain: true, real: true })) },
  { weight: 2, arbitrary: hostileString.map((s) => ({ text: pct(s), plain: !/^\.*$/.test(s), real: false })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((text) => ({ text, plain: false, real: false })) },
);

const QUERY_NUMBERS = [
  '-1',
  '-0',
  '0',
  '1',
  '1.5',
  '1e3',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '99999999999999999999',
  '9999999999999999',
  '0x10',
  ' 1',
  '+1',
  '00000000000000001',
  '16777216',
  '16777217',
  '1048575',
  '1048576',
  '1048577',
  '512',
  'true',
  '[]',
];

const hostileQueryValue: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUERY_NUMBERS) }, { weight: 3, arbitrary: hostileString });

interface QueryPart {
  text: string;
}

function queryArb(keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const names = Object.keys(keys);
  const knownPair =
    names.length === 0
      ? null
      : fc
          .constantFrom(...names)
          .chain((key) =>
            fc.oneof({ weight: 3, arbitrary: keys[key]! }, { weight: 2, arbitrary: hostileQueryValue }).map((value) => ({ text: `${pct(key)}=${pct(value)}` })),
          );
  const strangePair: fc.Arbitrary<QueryPart> = fc.oneof(
    fc.tuple(hostileString, hostileQueryValue).map(([key, value]) => ({ text: `${pct(key)}=${pct(value)}` })),
    fc.constantFrom(...names, 'x').map((key) => ({ text: `${pct(key)}[]=1&${pct(key)}[]=2` })),
    fc.constantFrom(...names, 'x').map((key) => ({ text: `${pct(key)}[$ne]=1` })),
    fc
      .constantFrom('%zz=1', '=', '==', '&&&', 'a=%', '%00=%00', 'offset', 'length=', '__proto__[admin]=1', 'constructor[prototype][admin]=1')
      .map((text) => ({ text })),
  );
  const pairs = fc.array(knownPair ? fc.oneof({ weight: 4, arbitrary: knownPair }, { weight: 1, arbitrary: strangePair }) : strangePair, { maxLength: 4 });
  return pairs.map((list) => (list.length === 0 ? '' : `?${list.map((p) => p.text).join('&')}`));
}

type Fields = Record<string, fc.Arbitrary<unknown>>;

function jsonBody(fields: Fields | null): fc.Arbitrary<BodySpec> {
  const shaped: fc.Arbitrary<BodySpec> =
    fields === null
      ? fc.constant<BodySpec>({ kind: 'none' })
      : fc
          .tuple(
            fc.record(
              Object.fromEntries(
                Object.entries(fields).map(([key, valid]) => [key, fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileValue })]),
              ),
              { requiredKeys: [] },
            ),
            fc.option(fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'extra')), hostileValue, { maxKeys: 2 }), { freq: 6 }),
          )
          .map(([known, extra]) => ({ kind: 'json', value: { ...known, ...(extra ?? {}) } }));
  const deepPath = fc
    .tuple(fc.constantFrom(...Object.keys(fields ?? {}), 'x'), fc.option(fc.constantFrom('copyRate', 'priority', 'mode', 'x'), { nil: undefined }))
    .map(([first, second]) => (second === undefined ? [first] : [first, second]));
  return fc.oneof(
    { weight: fields === null ? 1 : 14, arbitrary: shaped },
    { weight: 2, arbitrary: hostileValue.map((value): BodySpec => ({ kind: 'json', value })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            '{',
            '{"a":',
            'not json',
            '{"a":1}{"b":2}',
            "{'a':1}",
            '{"a":1,}',
            '\uFEFF{}',
            'null',
            '[]',
            '""',
            '0',
            '\u0000',
            '{"__proto__":{"isAdmin":true}}',
            'NaN',
            '[1,2',
            '\n\n',
          ),
          fc.string({ maxLength: 60 }),
        )
        .map((text): BodySpec => ({ kind: 'text', text })),
    },
    { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1000, max: 150_000 }), deepPath).map(([depth, path]): BodySpec => ({ kind: 'deep', depth, path })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ bytes: fc.constantFrom(MAX_JSON_BODY + 1, 2 * MiB, 3 * MiB), chunked: fc.boolean() })
        .map((b): BodySpec => ({ kind: 'huge-json', ...b })),
    },
  );
}

const dataBody: fc.Arbitrary<BodySpec> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .record({
        size: fc.oneof(fc.constantFrom(0, 1, 511, 512, 513, 4096, 65_536, MiB - 1, MiB, MiB + 1, 2 * MiB), fc.integer({ min: 0, max: 70_000 })),
        seed: fc.nat(),
      })
      .map((b): BodySpec => ({ kind: 'bytes', ...b })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ bytes: fc.constantFrom(MAX_DATA_REQUEST + 1, 20 * MiB), chunked: fc.boolean() })
      .map((b): BodySpec => ({ kind: 'huge-bytes', ...b })),
  },
  { weight: 1, arbitrary: jsonBody(null) },
);

const authArb: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 16, arbitrary: fc.constant<Auth>('admin') },
  { weight: 1, arbitrary: fc.constantFrom<Auth>('none', 'malformed', 'revoked', 'cookie-no-csrf', 'cookie', 'cross-origin') },
  { weight: 2, arbitrary: fc.constantFrom<Auth>('monitor', 'operator') },
);

const MALFORMED_AUTH = [
  'Bearer',
  'Bearer ',
  'Bearer gl_',
  `Bearer gl_${'A'.repeat(43)}`,
  'Bearer null',
  'Basic YWRtaW46dGVzdA==',
  'bearer',
  `Bearer ${'x'.repeat(4000)}`,
  "Bearer ' OR 1=1 --",
  'Token abc',
  'Bearer gl_../../etc/passwd',
];

function authHeaders(auth: Auth, malformedIndex: number): Record<string, string> {
  switch (auth) {
    case 'admin':
      return bearer(token);
    case 'none':
      return {};
    case 'malformed':
      return { authorization: MALFORMED_AUTH[malformedIndex % MALFORMED_AUTH.length]! };
    case 'revoked':
      return bearer(fx.revokedToken);
    case 'monitor':
      return bearer(fx.monitorToken);
    case 'operator':
      return bearer(fx.operatorToken);
    case 'cookie-no-csrf':
      return { cookie: fx.session.cookie };
    case 'cookie':
      return sessionHeaders(fx.session);
    case 'cross-origin':
      return { ...bearer(token), origin: 'https://evil.example' };
  }
}

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=utf-16',
  '*/*; q=;',
];

function contentTypeArb(main: string | null): fc.Arbitrary<string | null> {
  return fc.oneof({ weight: 8, arbitrary: fc.constant(main) }, { weight: 2, arbitrary: fc.constantFrom<string | null>(null, ...JSON_TYPES) });
}

interface RouteSpec {
  method: string;
  template: string;
  access: Access;
  params?: Record<string, fc.Arbitrary<Segment>>;
  query?: Record<string, fc.Arbitrary<string>>;
  /** JSON fields with valid-looking values; null: a JSON route with no body fields of its own. */
  fields?: Fields | null;
  data?: boolean;
}

function routes(): RouteSpec[] {
  const pick = (pool: () => string[]) => fc.integer({ min: 0, max: 999 }).map((i) => pool()[i % Math.max(1, pool().length)] ?? 'none');
  const arrayId = pick(() => fx.arrayIds);
  const poolId = pick(() => fx.poolIds);
  const anyVolume = pick(() => [...fx.dataVolumeIds, ...fx.otherVolumeIds]);
  const fixtureVolume = pick(() => fx.dataVolumeIds);
  const groupId = pick(() => fx.groupIds);
  const offsets = fc.oneof(
    fc.constantFrom('0', '512', '4096', String(FIXTURE_VOLUME_BYTES - 512), String(FIXTURE_VOLUME_BYTES)),
    fc.nat({ max: FIXTURE_VOLUME_BYTES }).map(String),
  );
  const lengths = fc.oneof(
    fc.constantFrom('1', '512', '4096', String(FIXTURE_VOLUME_BYTES), String(MAX_DATA_REQUEST), String(MAX_DATA_REQUEST + 1), '1000000000000'),
    fc.integer({ min: 1, max: 70_000 }).map(String),
  );
  const copyType = fc.constantFrom('volume-copy', 'shadowimage', 'flashcopy');
  const options = fc.dictionary(
    fc.constantFrom('priority', 'targetReadOnly', 'pace', 'copyRate', 'incremental', 'autoDelete', 'grainSize', 'cleanRate', 'mode'),
    fc.oneof(
      fc.constantFrom<unknown>('high', 'lowest', 'faster', 'slower', 'nocopy', 'copy', true, false, 0, 50, 150, 151, 64, 256, 65_536, 262_144),
      hostileValue,
    ),
    { maxKeys: 3 },
  );
  const username = fc.oneof(fc.constantFrom('admin', 'fz-monitor', 'nobody'), fc.stringMatching(/^[a-z][a-z0-9.]{1,12}$/));
  const password = fc.oneof(fc.constantFrom('short', 'x'.repeat(257), 'wrong-password-123'), fc.string({ minLength: 10, maxLength: 30 }));
  const role = fc.constantFrom('admin', 'operator', 'monitor');
  const events = {
    since: fc.constantFrom('2020-01-01T00:00:00Z', '2999-12-31T23:59:59+00:00', 'yesterday', '2020-13-45T99:99:99Z'),
    limit: fc.constantFrom('1', '10', '1000', '1001', '100000', '100001'),
    arrayId,
    kind: fc.constantFrom('volume.created', 'audit', 'copy.state-changed'),
    actor: fc.constantFrom('admin', 'system', 'anonymous'),
    category: fc.constantFrom('audit', 'changes'),
  };
  const volume = { id: idSegment(() => [...fx.dataVolumeIds, ...fx.otherVolumeIds]) };
  const faultKind = fc.constantFrom('volume-io-error', 'metadata-loss', 'controller-failure', 'meteor-strike');
  const slotSegment = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('A', 'B').map((text) => ({ text, plain: true, real: true })) },
    { weight: 1, arbitrary: fc.constantFrom('C', 'a', 'AB').map((text) => ({ text, plain: true, real: false })) },
  );
  const dataVolume = { id: idSegment(() => fx.dataVolumeIds) };
  return [
    { method: 'GET', template: '/api/health', access: 'public' },
    { method: 'GET', template: '/api/openapi.json', access: 'read' },
    { method: 'GET', template: '/api/arrays', access: 'read' },
    { method: 'GET', template: '/api/arrays/:id', access: 'read', params: { id: idSegment(() => fx.arrayIds) } },
    {
      method: 'GET',
      template: '/api/volumes',
      access: 'read',
      query: {
        arrayId,
        poolId,
        role: fc.constantFrom('none', 'source', 'target', 'P-VOL'),
        owner: fc.constantFrom('A', 'B', 'C'),
        q: fc.constantFrom('fz', 'SAP_PRD', '%', '_'),
      },
    },
    {
      method: 'POST',
      template: '/api/volumes',
      access: 'operate',
      fields: {
        arrayId,
        poolId,
        name: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
        capacityBytes: fc.constantFrom<unknown>(MiB, 10 * MiB, '1073741824', MiB + 1, 0),
        preferredOwner: fc.constantFrom('A', 'B', 'C'),
      },
    },
    { method: 'GET', template: '/api/volumes/:id', access: 'read', params: volume },
    // DELETE aims at seeded volumes: a deleted fixture volume would end its data checks.
    {
      method: 'DELETE',
      template: '/api/volumes/:id',
      access: 'operate',
      params: { id: idSegment(() => [...fx.otherVolumeIds, fx.dataVolumeIds[0]!, fx.dataVolumeIds[2]!]) },
    },
    { method: 'GET', template: '/api/volumes/:id/data', access: 'read', params: dataVolume, query: { offset: offsets, length: lengths } },
    { method: 'PUT', template: '/api/volumes/:id/data', access: 'operate', params: dataVolume, query: { offset: offsets }, data: true },
    { method: 'GET', template: '/api/volumes/:id/workload', access: 'read', params: volume },
    {
      method: 'POST',
      template: '/api/volumes/:id/workload',
      access: 'operate',
      params: volume,
      fields: {
        pattern: fc.constantFrom('random', 'sequential'),
        iops: fc.constantFrom(1, 100, 200_000, 200_001),
        blockBytes: fc.constantFrom(512, 4096, MiB, MiB + 512, 1000),
        writePercent: fc.constantFrom(0, 50, 100, 101),
      },
    },
    { method: 'DELETE', template: '/api/volumes/:id/workload', access: 'operate', params: volume },
    {
      method: 'GET',
      template: '/api/copies',
      access: 'read',
      query: { type: copyType, state: fc.constantFrom('PAIR', 'copying', 'in-progress'), arrayId, volumeId: anyVolume },
    },
    {
      method: 'POST',
      template: '/api/copies',
      access: 'operate',
      fields: { type: copyType, sourceVolumeId: fixtureVolume, targetVolumeId: anyVolume, options, start: fc.boolean(), consistencyGroupId: groupId },
    },
    { method: 'GET', template: '/api/copies/eligibility', access: 'read', query: { type: copyType, sourceVolumeId: anyVolume } },
    { method: 'GET', template: '/api/copies/:id', access: 'read', params: { id: idSegment(() => fx.copyIds) } },
    { method: 'PATCH', template: '/api/copies/:id', access: 'operate', params: { id: idSegment(() => fx.copyIds) }, fields: { options } },
    { method: 'DELETE', template: '/api/copies/:id', access: 'operate', params: { id: idSegment(() => fx.copyIds) } },
    {
      method: 'POST',
      template: '/api/copies/:id/actions/:action',
      access: 'operate',
      params: { id: idSegment(() => fx.copyIds), action: actionSegment },
      fields: { mode: fc.constantFrom(...MODES) },
    },
    { method: 'GET', template: '/api/consistency-groups', access: 'read' },
    { method: 'POST', template: '/api/consistency-groups', access: 'operate', fields: { arrayId, name: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/) } },
    {
      method: 'POST',
      template: '/api/consistency-groups/:id/actions/:action',
      access: 'operate',
      params: { id: idSegment(() => fx.groupIds), action: actionSegment },
      fields: { mode: fc.constantFrom(...MODES) },
    },
    { method: 'POST', template: '/api/arrays/:id/controllers/:slot/fail', access: 'operate', params: { id: idSegment(() => fx.arrayIds), slot: slotSegment } },
    {
      method: 'POST',
      template: '/api/arrays/:id/controllers/:slot/restore',
      access: 'operate',
      params: { id: idSegment(() => fx.arrayIds), slot: slotSegment },
    },
    { method: 'GET', template: '/api/faults', access: 'read', query: { arrayId, kind: faultKind } },
    {
      method: 'POST',
      template: '/api/faults',
      access: 'operate',
      fields: { kind: faultKind, volumeId: anyVolume, copyId: pick(() => fx.copyIds), arrayId, slot: fc.constantFrom('A', 'B', 'C') },
    },
    { method: 'GET', template: '/api/faults/:id', access: 'read', params: { id: idSegment(() => fx.faultIds) } },
    { method: 'DELETE', template: '/api/faults/:id', access: 'operate', params: { id: idSegment(() => fx.faultIds) } },
    { method: 'GET', template: '/api/simulation', access: 'read' },
    { method: 'PUT', template: '/api/simulation', access: 'operate', fields: { speed: fc.constantFrom<unknown>(0, 0, 0, 1, 10, 100, 1000, 'max', 7, '0') } },
    {
      method: 'POST',
      template: '/api/simulation/advance',
      access: 'operate',
      fields: { seconds: fc.constantFrom<unknown>(1, 0.001, 60, 604_800, 604_801, 0, -1) },
    },
    { method: 'GET', template: '/api/events', access: 'read', query: events },
    { method: 'GET', template: '/api/events/export', access: 'read', query: events },
    { method: 'GET', template: '/api/events/actors', access: 'read' },
    { method: 'GET', template: '/api/session', access: 'self' },
    { method: 'POST', template: '/api/session', access: 'public', fields: { username, password } },
    { method: 'DELETE', template: '/api/session', access: 'self', query: { everywhere: fc.constantFrom('true', 'false', 'yes') } },
    { method: 'GET', template: '/api/setup', access: 'public' },
    { method: 'POST', template: '/api/setup', access: 'public', fields: { username, password } },
    { method: 'PUT', template: '/api/account/password', access: 'self', fields: { currentPassword: password, newPassword: password } },
    { method: 'GET', template: '/api/tokens', access: 'self', query: { all: fc.constantFrom('true', 'false', '1') } },
    {
      method: 'POST',
      template: '/api/tokens',
      access: 'self',
      fields: { name: fc.stringMatching(/^[a-z][a-z0-9 ]{0,20}$/), role, expiresInDays: fc.constantFrom<unknown>(1, 30, 3650, 3651, 0, 1.5) },
    },
    { method: 'DELETE', template: '/api/tokens/:id', access: 'self', params: { id: idSegment(() => fx.disposableTokenIds) } },
    { method: 'GET', template: '/api/users', access: 'admin' },
    { method: 'POST', template: '/api/users', access: 'admin', fields: { username, password, role } },
    { method: 'PATCH', template: '/api/users/:id', access: 'admin', params: { id: idSegment(() => fx.victimUserIds) }, fields: { role, password } },
    { method: 'DELETE', template: '/api/users/:id', access: 'admin', params: { id: idSegment(() => fx.victimUserIds) } },
    { method: 'POST', template: '/api/users/:id/sign-out', access: 'admin', params: { id: idSegment(() => [...fx.allUserIds, fx.adminUserId]) } },
  ];
}

/** Every method a route file exports, by template: anything else on that path is refused with 405. */
function methodsByTemplate(specs: RouteSpec[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const spec of specs) map.set(spec.template, new Set([...(map.get(spec.template) ?? []), spec.method]));
  return map;
}

function pathOf(template: string, segments: Record<string, Segment>): { path: string; plain: boolean; real: boolean } {
  let plain = true;
  let real = true;
  const path = template.replace(/:(\w+)/g, (_match, name: string) => {
    const segment = segments[name]!;
    plain &&= segment.plain;
    real &&= segment.real;
    return segment.text;
  });
  return { path, plain, real };
}

function requestFor(spec: RouteSpec): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(spec.params ?? {}) as fc.Arbitrary<Record<string, Segment>>;
  const query = spec.query ? queryArb(spec.query) : fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryArb({}) });
  const body: fc.Arbitrary<BodySpec> = spec.data
    ? dataBody
    : spec.fields !== undefined
      ? jsonBody(spec.fields)
      : fc.oneof({ weight: 8, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) }, { weight: 1, arbitrary: jsonBody(null) });
  const contentType = contentTypeArb(spec.data ? 'application/octet-stream' : spec.fields !== undefined ? 'application/json' : null);
  return fc.record({ params, query, body, contentType, auth: authArb }).map(({ params: segments, query: search, body: payload, contentType: type, auth }) => {
    const { path, plain, real } = pathOf(spec.template, segments);
    // A URL near Node's header limit may be refused by its parser before reaching the route.
    return {
      route: `${spec.method} ${spec.template}`,
      method: spec.method,
      path: path + search,
      plainPath: plain && (path + search).length < NODE_MAX_HEADER_BYTES / 2,
      known: true,
      realIds: real,
      readsBody: spec.data === true || spec.fields !== undefined,
      stray: null,
      access: spec.access,
      auth,
      contentType: type,
      body: payload,
    };
  });
}

/** The same paths with methods their route does not export, unusual methods, and paths no route serves. */
function strayRequest(specs: RouteSpec[]): fc.Arbitrary<FuzzRequest> {
  const byTemplate = methodsByTemplate(specs);
  const templates = [...byTemplate.keys()];
  const sample = fc.constantFrom(...specs).chain((spec) => requestFor(spec));
  const specOf = new Map(specs.map((spec) => [`${spec.method} ${spec.template}`, spec]));
  const wrongMethod = fc
    .tuple(sample, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'))
    .map(([request, method]): FuzzRequest => {
      const template = request.route.split(' ')[1]!;
      const exported = byTemplate.get(template)?.has(method === 'HEAD' ? 'GET' : method) ?? false;
      const spec = specOf.get(`${method} ${template}`);
      const stray = exported || method === 'HEAD' || method === 'OPTIONS' ? null : 'method';
      return {
        ...request,
        route: `${method} ${template}${exported ? '' : ' (not exported)'}`,
        method,
        known: spec !== undefined,
        readsBody: spec !== undefined && (spec.data === true || spec.fields !== undefined),
        stray,
        access: spec?.access ?? request.access,
      };
    });
  const segment = fc.oneof(
    fc.stringMatching(/^[a-z-]{1,12}$/).map((text) => ({ text, plain: true })),
    hostileString.map((s) => ({ text: pct(s), plain: !/^\.*$/.test(s) })),
    fc.constantFrom(...RAW_SEGMENTS).map((text) => ({ text, plain: false })),
  );
  const unknownPath = fc
    .tuple(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .array(segment, { minLength: 1, maxLength: 4 })
            .map((list) => ({ path: `/api/${list.map((s) => s.text).join('/')}`, plain: list.every((s) => s.plain) })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              idSegment(() => fx.arrayIds),
              fc.constantFrom('A', 'B'),
              fc.constantFrom('break', 'reboot'),
            )
            .map(([id, slot, what]) => ({ path: `/api/arrays/${id.text}/controllers/${slot}/${what}`, plain: id.plain })),
        },
        { weight: 1, arbitrary: fc.constantFrom('/api/faults/1/clear', '/api/fault', '/api/faults/%00/x').map((path) => ({ path, plain: true })) },
        { weight: 1, arbitrary: fc.constantFrom(...templates).map((template) => ({ path: template.replace(/:(\w+)/g, () => '%zz'), plain: false })) },
      ),
      fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE'),
      jsonBody({ kind: fc.constantFrom('volume-io-error', 'metadata-loss'), target: fc.string() }),
      contentTypeArb('application/json'),
      authArb,
    )
    .map(([{ path, plain }, method, body, contentType, auth]): FuzzRequest => ({
      route: `${method} (no such route)`,
      method,
      path,
      plainPath: plain && path.length < NODE_MAX_HEADER_BYTES / 2,
      known: false,
      realIds: false,
      readsBody: false,
      stray: 'path',
      access: 'read',
      auth,
      contentType,
      body: method === 'GET' ? { kind: 'none' } : body,
    }));
  return fc.oneof(wrongMethod, unknownPath);
}

function requestArb(): fc.Arbitrary<FuzzRequest> {
  const specs = routes();
  const known = fc.constantFrom(...specs).chain(requestFor);
  return fc
    .oneof({ weight: 9, arbitrary: known }, { weight: 1, arbitrary: strayRequest(specs) })
    .map((request) => Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) }));
}

// ---- sending -------------------------------------------------------------------------------------

function hugeJson(bytes: number): Buffer {
  const filler = 'a'.repeat(Math.max(0, bytes - 20));
  return Buffer.from(`{"name":"${filler}"}`);
}

function rawBodyOf(body: BodySpec): RawBody {
  switch (body.kind) {
    case 'none':
      return { kind: 'none' };
    case 'json':
      return { kind: 'bytes', data: Buffer.from(toJsonText(body.value)) };
    case 'text':
      return { kind: 'bytes', data: Buffer.from(body.text) };
    case 'bytes':
      return { kind: 'bytes', data: pattern(body.size, body.seed) };
    case 'deep': {
      const open = body.path.map((key) => `{${JSON.stringify(key)}:`).join('');
      return { kind: 'bytes', data: Buffer.from(`${open}${'{"a":'.repeat(body.depth)}1${'}'.repeat(body.depth + body.path.length)}`) };
    }
    case 'huge-json':
      return body.chunked
        ? { kind: 'stream', chunk: Buffer.from('[1,'.repeat(21_846)), totalBytes: body.bytes }
        : { kind: 'bytes', data: hugeJson(body.bytes) };
    case 'huge-bytes':
      return body.chunked ? { kind: 'stream', chunk: pattern(MiB, 7), totalBytes: body.bytes } : { kind: 'bytes', data: pattern(body.bytes, 9) };
  }
}

let sent = 0;
const statusCounts = new Map<number, number>();
const routeCounts = new Map<string, number>();

async function send(request: FuzzRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { ...authHeaders(request.auth, request.path.length) };
  if (request.contentType !== null) headers['content-type'] = request.contentType;
  const response = await rawRequest(server.port, { method: request.method, path: request.path, headers, body: rawBodyOf(request.body) });
  sent += 1;
  statusCounts.set(response.status, (statusCounts.get(response.status) ?? 0) + 1);
  routeCounts.set(request.route, (routeCounts.get(request.route) ?? 0) + 1);
  return response;
}

function parseError(response: RawResponse): ApiErrorBody['error'] | string {
  const type = String(response.headers['content-type'] ?? '');
  if (!type.includes('application/json')) return `content-type ${type || 'none'}, body ${JSON.stringify(response.body.toString('utf8').slice(0, 200))}`;
  try {
    const parsed = JSON.parse(response.body.toString('utf8')) as Partial<ApiErrorBody>;
    const error = parsed.error;
    if (
      typeof error !== 'object' ||
      error === null ||
      typeof error.code !== 'string' ||
      error.code === '' ||
      typeof error.message !== 'string' ||
      error.message.trim() === ''
    ) {
      return `not the error shape: ${response.body.toString('utf8').slice(0, 200)}`;
    }
    return error;
  } catch {
    return `unparseable JSON: ${response.body.toString('utf8').slice(0, 200)}`;
  }
}

function isOversized(body: BodySpec): boolean {
  return body.kind === 'huge-json' || body.kind === 'huge-bytes';
}

/** Whether the path, once "..", "%2e%2e" and the like are resolved, still names an API path (not a page). */
function staysInApi(path: string): boolean {
  const resolved = new URL(path, 'http://localhost').pathname;
  return resolved === '/api' || resolved.startsWith('/api/');
}

/** What the response must be, beyond "no 5xx" and "unchanged when refused". */
function checkResponse(request: FuzzRequest, response: RawResponse): void {
  const what = `${describeRequest(request)} → ${response.status} ${response.body.toString('utf8').slice(0, 300)}`;
  if (response.status === 0) {
    // A server that refuses a large upload without reading it closes the connection, and the unread
    // bytes turn that close into a reset which can cost the client the answer: fine for a big body
    // (nothing was buffered), a bug for anything else.
    expect(response.bodyBytes, `connection reset: ${what}`).toBeGreaterThan(UNREAD_BODY_RESET_BYTES);
    return;
  }
  expect(response.status, what).toBeGreaterThanOrEqual(200);
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400 && request.method !== 'HEAD' && staysInApi(request.path)) {
    const error = parseError(response);
    expect(typeof error === 'string' ? error : 'ok', what).toBe('ok');
  }
  if (isOversized(request.body) && request.readsBody && request.plainPath)
    expect(response.status, `oversized bodies are refused: ${what}`).toBeGreaterThanOrEqual(400);
  if (response.status === 413) {
    const error = parseError(response);
    expect(typeof error === 'string' ? error : error.message, what).toMatch(/limit/);
  }
  if (request.path.length > NODE_MAX_HEADER_BYTES) expect(response.status, `a URL over Node's header limit: ${what}`).toBe(431);
  if (!request.plainPath) return;
  if (request.method === 'TRACE') expect(response.status, `no route takes TRACE: ${what}`).toBe(405);
  if (request.stray === 'method' && request.method !== 'TRACE') {
    // Refused whoever asks (credentials that fail to authenticate, or a cross-site write, may be refused first).
    expect([401, 403, 405], `a method the route does not take: ${what}`).toContain(response.status);
    if (request.auth === 'admin') expect(response.status, `a method the route does not take: ${what}`).toBe(405);
    if (response.status === 405) expect(response.headers.allow, `405 names what the route takes: ${what}`).toMatch(/^[A-Z, ]+$/);
  }
  if (request.stray === 'path' && request.method !== 'TRACE' && request.auth === 'admin') expect(response.status, `no such route: ${what}`).toBe(404);
  if (!request.known) return;
  const writes = request.method !== 'GET';
  const expected =
    request.auth === 'none' && request.access !== 'public'
      ? 401
      : (request.auth === 'revoked' || request.auth === 'malformed') && request.access !== 'public'
        ? 401
        : request.auth === 'monitor' && (request.access === 'operate' || request.access === 'admin')
          ? 403
          : request.auth === 'operator' && request.access === 'admin'
            ? 403
            : request.auth === 'cross-origin' && writes
              ? 403
              : null;
  if (expected !== null) expect(response.status, `credentials decide first: ${what}`).toBe(expected);
  // Without its CSRF token a session cookie writes nothing (401 once the fuzzer has ended that session;
  // on a public route an ended session is just no session).
  if (request.auth === 'cookie-no-csrf' && writes && request.access !== 'public')
    expect([401, 403], `credentials decide first: ${what}`).toContain(response.status);
}

// ---- keeping "unchanged" exactly checkable -------------------------------------------------------

interface Ledger {
  baseline: Fingerprint;
}

/** After an accepted write: undo what would keep changing state on its own, then re-take the baseline. */
async function settleAfterSuccess(request: FuzzRequest, response: RawResponse, ledger: Ledger): Promise<void> {
  if ((await ok(admin.get<{ speed: unknown }>('/api/simulation'), 200, 'simulation speed')).speed !== 0)
    await ok(admin.put('/api/simulation', { speed: 0 }), 200, 'pause again');
  if (request.route === 'POST /api/faults' && response.status === 201) {
    fx.faultIds.push((JSON.parse(response.body.toString('utf8')) as { id: string }).id);
  }
  if (request.route === 'POST /api/volumes/:id/workload' && response.status === 201) {
    const { volumeId } = JSON.parse(response.body.toString('utf8')) as { volumeId: string };
    await ok(admin.del(`/api/volumes/${encodeURIComponent(volumeId)}/workload`), 204, 'stop the workload');
  }
  ledger.baseline = await fingerprint();
}

async function expectUnchanged(ledger: Ledger, cause: string): Promise<void> {
  const now = await fingerprint();
  const changed = differences(ledger.baseline, now);
  expect(changed, `state changed by ${cause}`).toEqual([]);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The schemas the write routes validate with (body, and what an empty body stands for), to tell a doomed request up front. */
const WRITE_SCHEMAS: Record<string, { body?: z.ZodType; emptyAs?: unknown; query?: z.ZodType; bytes?: true }> = {
  'POST /api/volumes': { body: CreateVolumeBody },
  'POST /api/volumes/:id/workload': { body: WorkloadBody },
  'PUT /api/volumes/:id/data': { query: DataWriteQuery, bytes: true },
  'POST /api/copies': { body: CreateCopyBody },
  'PATCH /api/copies/:id': { body: PatchCopyBody },
  'POST /api/copies/:id/actions/:action': { body: ActionBody, emptyAs: {} },
  'POST /api/faults': { body: CreateFaultBody },
  'POST /api/consistency-groups': { body: CreateGroupBody },
  'POST /api/consistency-groups/:id/actions/:action': { body: ActionBody, emptyAs: {} },
  'PUT /api/simulation': { body: PutSimulationBody },
  'POST /api/simulation/advance': { body: AdvanceBody },
  'POST /api/session': { body: SignInBody },
  'DELETE /api/session': { query: SignOutQuery },
  'POST /api/setup': { body: SetupBody },
  'PUT /api/account/password': { body: ChangePasswordBody },
  'POST /api/tokens': { body: CreateTokenBody },
  'POST /api/users': { body: CreateUserBody },
  'PATCH /api/users/:id': { body: UpdateUserBody },
};

/** Whether the route's own schema refuses this body or query (as lib/http/request.ts reads them). */
function failsValidation(request: FuzzRequest): boolean {
  const schemas = WRITE_SCHEMAS[request.route];
  if (schemas === undefined) return false;
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(request.path, 'http://localhost').searchParams) if (value !== '') query[key] = value;
  if (schemas.query && !schemas.query.safeParse(query).success) return true;
  const body = rawBodyOf(request.body);
  if (schemas.bytes) {
    // Every volume the data routes aim at is a fixture volume of FIXTURE_VOLUME_BYTES.
    const size = body.kind === 'bytes' ? body.data.byteLength : 0;
    return size === 0 || Number(query.offset) + size > FIXTURE_VOLUME_BYTES;
  }
  if (!schemas.body) return false;
  const text = body.kind === 'bytes' ? Buffer.from(body.data).toString('utf8') : '';
  if (text.trim() === '') return schemas.emptyAs === undefined || !schemas.body.safeParse(schemas.emptyAs).success;
  try {
    return !schemas.body.safeParse(JSON.parse(text)).success;
  } catch {
    return true;
  }
}

/** A request the server refuses before it can change anything: bad credentials or role, no such route, oversized, or invalid. */
function refusedUpFront(request: FuzzRequest): boolean {
  if (request.path.length > NODE_MAX_HEADER_BYTES) return true; // Node's parser refuses it: 431
  if (!request.plainPath) return false; // ".." and friends may lead anywhere
  if (!request.known) return true;
  const writes = !READ_METHODS.has(request.method);
  if (request.access !== 'public' && (request.auth === 'none' || request.auth === 'malformed' || request.auth === 'revoked')) return true;
  if (request.auth === 'monitor' && (request.access === 'operate' || request.access === 'admin')) return true;
  if (request.auth === 'operator' && request.access === 'admin') return true;
  if (writes && request.auth === 'cross-origin') return true;
  if (writes && request.auth === 'cookie-no-csrf' && request.access !== 'public') return true;
  if (isOversized(request.body)) return request.readsBody;
  if (!request.realIds) return true; // an unknown id: 404 (or 400), whatever the body
  if (request.route === 'DELETE /api/volumes/:id/workload') return true; // none runs: settleAfterSuccess stops each one started
  return failsValidation(request);
}

/**
 * Sends a batch, checking "unchanged" as cheaply as exactness allows: requests that cannot succeed
 * (reads, and writes refused up front) are verified together at the next checkpoint; before a write
 * that might succeed, a checkpoint verifies everything since the last baseline, so each refused
 * request is still checked against the state just before it. A success re-takes the baseline.
 */
async function runBatch(batch: FuzzRequest[], ledger: Ledger): Promise<void> {
  let unverified: string[] = [];
  const checkpoint = async () => {
    if (unverified.length === 0) return;
    await expectUnchanged(ledger, unverified.join(' | '));
    unverified = [];
  };
  for (const request of batch) {
    const readOnly = READ_METHODS.has(request.method);
    const mayChange = !readOnly && !refusedUpFront(request);
    if (mayChange) await checkpoint();
    const response = await send(request);
    checkResponse(request, response);
    const outcome = `${describeRequest(request)} → ${response.status} ${response.body.toString('utf8').slice(0, 300)}`;
    if (readOnly || response.status >= 300 || response.status === 0) {
      unverified.push(readOnly ? `read-only ${outcome}` : `refused ${outcome}`);
    } else {
      expect(mayChange, `a request refused up front succeeded: ${outcome}`).toBe(true);
      await settleAfterSuccess(request, response, ledger);
    }
  }
  await checkpoint();
}

// ---- the tests -----------------------------------------------------------------------------------

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  fx = await buildFixture();
});

afterAll(async () => {
  closeRawAgent();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('hostile input, targeted', () => {
  it('starts paused with no workload running, so "unchanged" is exact', async () => {
    expect((await admin.get<{ speed: number }>('/api/simulation')).body.speed).toBe(0);
    for (const id of [...fx.dataVolumeIds, ...fx.otherVolumeIds])
      expect(await admin.get(`/api/volumes/${id}/workload`)).toMatchObject({ status: 200, body: null });
    const first = await fingerprint();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(differences(first, await fingerprint())).toEqual([]);
  });

  // The refusal races the upload: Node closes a connection whose request body is unread when the
  // answer ends, and a client still sending can lose the 413 to that reset. On SQLite the answer
  // wins; on PostgreSQL the token lookup before it is a network round trip and, on a busy machine,
  // the reset often wins (status 0). The property-based run below still sends oversized bodies there.
  it.skipIf(process.env.GRAINLINE_TEST_DATABASE === 'postgresql')(
    'refuses a data write over the cap with 413 before reading it all, and leaves the volume as it was',
    async () => {
      const ledger = { baseline: await fingerprint() };
      const volumeId = fx.dataVolumeIds[6]!;
      const declared = await rawRequest(server.port, {
        method: 'PUT',
        path: `/api/volumes/${volumeId}/data?offset=0`,
        headers: { ...bearer(token), 'content-type': 'application/octet-stream' },
        body: { kind: 'bytes', data: pattern(MAX_DATA_REQUEST + 1, 3) },
      });
      expect(declared.status).toBe(413);
      expect(parseError(declared)).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/16777216-byte limit/) });
      // Chunked, so the server cannot know the size up front: it must stop reading at the cap.
      const streamed = await rawRequest(server.port, {
        method: 'PUT',
        path: `/api/volumes/${volumeId}/data?offset=0`,
        headers: { ...bearer(token), 'content-type': 'application/octet-stream' },
        body: { kind: 'stream', chunk: pattern(MiB, 4), totalBytes: 256 * MiB },
      });
      expect(streamed.status).toBe(413);
      expect(parseError(streamed)).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/limit/) });
      expect(streamed.sentBeforeResponse).toBeLessThan(64 * MiB);
      await expectUnchanged(ledger, 'oversized writes');
    },
  );

  it('refuses writes and reads that do not fit the volume, and reads longer than the cap, with a clear 400', async () => {
    const ledger = { baseline: await fingerprint() };
    const volumeId = fx.dataVolumeIds[6]!;
    const tooBig = await admin.putBytes(`/api/volumes/${volumeId}/data?offset=0`, pattern(2 * MiB, 5));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body?.error.message).toMatch(/do not fit/);
    for (const query of ['offset=-1', 'offset=1.5', 'offset=1e3', 'offset=9999999999999999', 'offset=99999999999999999999', 'offset=', 'offset=0&offset=x']) {
      const refused = await admin.putBytes(`/api/volumes/${volumeId}/data?${query}`, pattern(512, 1));
      expect(refused.status, query).toBe(400);
      expect(refused.body?.error.message, query).toMatch(/offset|do not fit/);
    }
    for (const query of [
      'offset=0&length=1000000000000',
      `offset=0&length=${MAX_DATA_REQUEST + 1}`,
      'offset=0&length=0',
      'offset=0&length=-5',
      `offset=${FIXTURE_VOLUME_BYTES}&length=1`,
    ]) {
      const refused = await admin.getBytes(`/api/volumes/${volumeId}/data?${query}`);
      expect(refused.status, query).toBe(400);
      expect((JSON.parse(refused.text) as ApiErrorBody).error.message, query).toMatch(/length|do not fit/);
    }
    await expectUnchanged(ledger, 'out-of-range I/O');
  });

  it('refuses an oversized JSON body with 413, streamed or declared', async () => {
    const ledger = { baseline: await fingerprint() };
    for (const body of [
      { kind: 'bytes', data: hugeJson(4 * MiB) },
      { kind: 'stream', chunk: Buffer.from('[1,'.repeat(21_846)), totalBytes: 64 * MiB },
    ] as RawBody[]) {
      const refused = await rawRequest(server.port, {
        method: 'POST',
        path: '/api/volumes',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body,
      });
      expect(refused.status).toBe(413);
      expect(parseError(refused)).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/1048576-byte limit/) });
    }
    await expectUnchanged(ledger, 'oversized JSON');
  });

  it('answers raw path tricks and unknown methods with a JSON error, never a 5xx', async () => {
    const ledger = { baseline: await fingerprint() };
    const cases: [string, string][] = [
      ['GET', '/api/arrays/%zz'],
      ['GET', '/api/volumes/%E0%A4%A/data?offset=0&length=1'],
      ['POST', '/api/copies/%ZZ/actions/start'],
      ['TRACE', '/api/arrays'],
      ['PATCH', '/api/arrays'],
      ['DELETE', '/api/health'],
      ['PUT', `/api/volumes/${fx.dataVolumeIds[0]}`],
    ];
    for (const [method, path] of cases) {
      const response = await rawRequest(server.port, { method, path, headers: bearer(token), body: { kind: 'none' } });
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      expect(parseError(response), `${method} ${path}`).toMatchObject({ message: expect.any(String) });
    }
    await expectUnchanged(ledger, 'raw path tricks');
  });
});

describe('hostile input, property-based', () => {
  it(
    `every route survives ${RUNS * BATCH} random and hostile requests (seed ${SEED})`,
    async () => {
      const started = Date.now();
      const ledger: Ledger = { baseline: await fingerprint() };
      await fc.assert(
        fc.asyncProperty(fc.array(requestArb(), { minLength: BATCH, maxLength: BATCH }), (batch) => runBatch(batch, ledger)),
        { seed: SEED, numRuns: RUNS },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const statuses = [...statusCounts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ');
      console.info(
        `fuzz: ${sent} requests over ${routeCounts.size} route/method pairs in ${seconds} s (seed ${SEED}); ${fingerprints} fingerprints took ${(fingerprintMs / 1000).toFixed(1)} s; statuses ${statuses}`,
      );
      expect(sent).toBeGreaterThanOrEqual(RUNS * BATCH);
      if (RUNS * BATCH >= 1000) {
        const unsent = routes()
          .map((spec) => `${spec.method} ${spec.template}`)
          .filter((route) => !routeCounts.has(route));
        expect(unsent, 'every route and method got requests').toEqual([]);
      }
    },
    15 * 60_000,
  );

  it('leaves the server healthy, with no unhandled error in its log', async () => {
    expect(server.process.exitCode).toBeNull();
    const health = await admin.get<{ status: string }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const logs = server.logs();
    expect(logs).not.toMatch(/unhandled error in route handler|uncaught|unhandledRejection|⨯|Internal Server Error|engine tick failed|FATAL/i);
  });
});
