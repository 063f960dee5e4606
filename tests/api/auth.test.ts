// docs/api.md#access over HTTP against the real server: roles against every route class,
// API tokens, sessions and CSRF, sign-in throttling, first-run setup, the audit trail, security
// headers and socket.io authentication. One server with the usual admin; a second one, started
// without any user and with low sign-in limits, for first-run setup and throttling.
import fs from 'node:fs';
import { io as connectSocket, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db/client';
import { apiClient, type ApiErrorBody, type ApiResult } from '../support/api';
import { adminToken, bearer, createTokenAs, sessionHeaders, signIn, type BrowserSession } from '../support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';

type Role = 'admin' | 'operator' | 'monitor';
type Who = 'anonymous' | Role;
type Access = 'read' | 'self' | 'operate' | 'admin';
type HeaderMap = Record<string, string>;

/** What each role may do, as docs/api.md#access and the Users page promise it (not imported). */
const MAY: Record<Role, readonly Access[]> = {
  admin: ['read', 'self', 'operate', 'admin'],
  operator: ['read', 'self', 'operate'],
  monitor: ['read', 'self'],
};

interface User {
  id: string;
  username: string;
  role: Role;
}
interface Token {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  username: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  secret?: string;
}
interface Volume {
  id: string;
  name: string;
}
interface Copy {
  id: string;
  state: string;
}
interface AuditDetails {
  method: string;
  path: string;
  status: number;
  outcome: 'succeeded' | 'refused' | 'failed';
  address: string;
  via: string;
  role?: Role;
  message?: string;
}
interface AuditEvent {
  id: string;
  time: string;
  kind: string;
  actor: string;
  subjectType: string;
  subjectId: string;
  details: AuditDetails;
}
interface SessionView {
  id: string;
  username: string;
  role: Role;
  via: 'session' | 'token';
  tokenName?: string;
}

const OPERATOR = { username: 'olivia', password: 'operator-password-1' } as const;
const MONITOR = { username: 'mona', password: 'monitor-password-1' } as const;
const PASSWORDS: Record<Role, string> = { admin: TEST_ADMIN.password, operator: OPERATOR.password, monitor: MONITOR.password };
const USERNAMES: Record<Role, string> = { admin: TEST_ADMIN.username, operator: OPERATOR.username, monitor: MONITOR.username };
const MiB = 1024 ** 2;
/** Loopback as the server sees it, whichever family `localhost` resolved to. */
const LOOPBACK = /^(::1|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/;

let server: RunningServer;
let fresh: RunningServer;
let adminTok = '';
let arrayId = '';
const userIds: Partial<Record<Role, string>> = {};
/** The fresh server's first admin, signed in by the setup test. */
let rootSession: BrowserSession = { cookie: '', csrfToken: '' };
/** Failed sign-ins from this test process's address on the fresh server so far. */
let freshAddressFailures = 0;

const base = () => server.baseUrl;
/** A client for the main server sending `headers` on every request. */
const client = (headers: () => HeaderMap = () => ({})) => apiClient(base, headers);
const admin = client(() => bearer(adminTok));
const anonymous = client();

async function volumeCount(): Promise<number> {
  return (await admin.get<Volume[]>('/api/volumes')).body.length;
}
async function createVolume(name: string): Promise<Volume> {
  const created = await admin.post<Volume>('/api/volumes', { arrayId, name, capacityBytes: 4 * MiB });
  expect(created.status).toBe(201);
  return created.body;
}
async function createUser(username: string, password: string, role: Role): Promise<User> {
  const created = await admin.post<User>('/api/users', { username, password, role });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}
/** GET /api/session with these credentials: the user they stand for, or the refusal's status. */
async function whoAmI(headers: HeaderMap, on: () => string = base): Promise<ApiResult<SessionView | ApiErrorBody>> {
  return apiClient(on, () => headers).get<SessionView | ApiErrorBody>('/api/session');
}
async function signInStatus(username: string, password: string, on: () => string = base, extra: HeaderMap = {}): Promise<ApiResult<ApiErrorBody>> {
  return apiClient(on).call<ApiErrorBody>('POST', '/api/session', { username, password }, undefined, extra);
}
function expectError(result: ApiResult<unknown>, status: number, code: string, message?: RegExp): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  const body = result.body as ApiErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  if (message) expect(body.error.message).toMatch(message);
}
function setCookies(headers: Headers): Map<string, { value: string; attributes: string[] }> {
  const cookies = new Map<string, { value: string; attributes: string[] }>();
  for (const line of headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), { value: decodeURIComponent(pair.slice(at + 1)), attributes: attributes.map((a) => a.toLowerCase()) });
  }
  return cookies;
}
beforeAll(async () => {
  // Both servers boot at once: the fresh one has no user and low sign-in limits.
  [server, fresh] = await Promise.all([
    startServer(),
    startServer({ env: { GRAINLINE_ADMIN_USER: '', GRAINLINE_ADMIN_PASSWORD: '', GRAINLINE_SIGNIN_USER_LIMIT: '3', GRAINLINE_SIGNIN_ADDRESS_LIMIT: '10' } }),
  ]);
  adminTok = await adminToken(server.baseUrl, server.dataDir);
  expect((await admin.put('/api/simulation', { speed: 0 })).status).toBe(200);
  const arrays = (await admin.get<{ id: string; model: string }[]>('/api/arrays')).body;
  arrayId = arrays.find((a) => a.model === 'santricity')?.id ?? '';
  expect(arrayId).not.toBe('');
  userIds.operator = (await createUser(OPERATOR.username, OPERATOR.password, 'operator')).id;
  userIds.monitor = (await createUser(MONITOR.username, MONITOR.password, 'monitor')).id;
  userIds.admin = ((await admin.get<SessionView>('/api/session')).body as SessionView).id;
});

afterAll(async () => {
  await Promise.all([server?.stop(), fresh?.stop()]);
  for (const s of [server, fresh]) if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('each role against each route class', () => {
  const WHO: readonly Who[] = ['anonymous', 'monitor', 'operator', 'admin'];
  const sessions: Partial<Record<Role, BrowserSession>> = {};
  /** Per caller: a volume to delete and a running copy to stop, so each row starts alike. */
  const fixtures = {} as Record<Who, { volumeId: string; copyId: string }>;

  function credentialsOf(who: Who): HeaderMap {
    if (who === 'anonymous') return {};
    const session = sessions[who];
    if (!session) throw new Error(`no session for ${who}`);
    return sessionHeaders(session);
  }

  interface Case {
    label: string;
    access: Access;
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: (who: Who) => string;
    body?: (who: Who) => unknown;
    ok: number;
    /** What the request would change, read as the admin: a refused request must leave it alone. */
    state?: (who: Who) => Promise<unknown>;
    /** Puts back what a successful call changed. */
    undo?: () => Promise<void>;
  }

  const tokenCount = async () => (await admin.get<Token[]>('/api/tokens?all=true')).body.length;
  const userCount = async () => (await admin.get<User[]>('/api/users')).body.length;

  const CASES: Case[] = [
    { label: 'GET /api/arrays', access: 'read', method: 'GET', path: () => '/api/arrays', ok: 200 },
    { label: 'GET /api/copies', access: 'read', method: 'GET', path: () => '/api/copies', ok: 200 },
    { label: 'GET /api/events', access: 'read', method: 'GET', path: () => '/api/events', ok: 200 },
    { label: 'GET /api/session', access: 'self', method: 'GET', path: () => '/api/session', ok: 200 },
    {
      label: 'POST /api/tokens',
      access: 'self',
      method: 'POST',
      path: () => '/api/tokens',
      body: (who) => ({ name: `matrix ${who}` }),
      ok: 201,
      state: tokenCount,
    },
    {
      label: 'PUT /api/account/password',
      access: 'self',
      method: 'PUT',
      path: () => '/api/account/password',
      // The same password again: a real change that leaves the next rows able to sign in.
      body: (who) =>
        who === 'anonymous'
          ? { currentPassword: 'whatever-it-was', newPassword: 'new-password-123' }
          : { currentPassword: PASSWORDS[who], newPassword: PASSWORDS[who] },
      ok: 204,
    },
    {
      label: 'POST /api/volumes',
      access: 'operate',
      method: 'POST',
      path: () => '/api/volumes',
      body: (who) => ({ arrayId, name: `matrix-new-${who}`, capacityBytes: 4 * MiB }),
      ok: 201,
      state: volumeCount,
    },
    {
      label: 'POST /api/copies/:id/actions/stop',
      access: 'operate',
      method: 'POST',
      path: (who) => `/api/copies/${fixtures[who].copyId}/actions/stop`,
      ok: 200,
      state: async (who) => (await admin.get<Copy>(`/api/copies/${fixtures[who].copyId}`)).body.state,
    },
    {
      label: 'PUT /api/simulation',
      access: 'operate',
      method: 'PUT',
      path: () => '/api/simulation',
      body: () => ({ speed: 10 }),
      ok: 200,
      state: async () => (await admin.get<{ speed: number }>('/api/simulation')).body.speed,
      undo: async () => void expect((await admin.put('/api/simulation', { speed: 0 })).status).toBe(200),
    },
    {
      label: 'DELETE /api/volumes/:id',
      access: 'operate',
      method: 'DELETE',
      path: (who) => `/api/volumes/${fixtures[who].volumeId}`,
      ok: 204,
      state: async (who) => (await admin.get(`/api/volumes/${fixtures[who].volumeId}`)).status,
    },
    { label: 'GET /api/users', access: 'admin', method: 'GET', path: () => '/api/users', ok: 200 },
    {
      label: 'POST /api/users',
      access: 'admin',
      method: 'POST',
      path: () => '/api/users',
      body: (who) => ({ username: `matrix-${who}`, password: 'matrix-password-1', role: 'monitor' }),
      ok: 201,
      state: userCount,
    },
    { label: 'GET /api/tokens?all=true', access: 'admin', method: 'GET', path: () => '/api/tokens?all=true', ok: 200 },
  ];

  function expectedStatus(who: Who, c: Case): number {
    if (who === 'anonymous') return 401;
    return MAY[who].includes(c.access) ? c.ok : 403;
  }

  const ROWS = CASES.flatMap((c) => WHO.map((who) => ({ who, c, expected: expectedStatus(who, c), name: `${who} ${c.label} (${c.access})` })));

  beforeAll(async () => {
    for (const role of ['admin', 'operator', 'monitor'] as const) sessions[role] = await signIn(base(), USERNAMES[role], PASSWORDS[role]);
    for (const who of WHO) {
      const doomed = await createVolume(`matrix-del-${who}`);
      const source = await createVolume(`matrix-src-${who}`);
      const target = await createVolume(`matrix-tgt-${who}`);
      const copy = await admin.post<Copy>('/api/copies', { type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id });
      expect(copy.status, JSON.stringify(copy.body)).toBe(201);
      expect(copy.body.state).toBe('in-progress');
      fixtures[who] = { volumeId: doomed.id, copyId: copy.body.id };
    }
  });

  it('covers every role against every route', () => {
    expect(ROWS).toHaveLength(CASES.length * WHO.length);
    expect(new Set(CASES.map((c) => c.access))).toEqual(new Set(['read', 'self', 'operate', 'admin']));
  });

  it.each(ROWS)('$name → $expected', async ({ who, c, expected }) => {
    const before = c.state ? await c.state(who) : undefined;
    const result = await client(() => credentialsOf(who)).call(c.method, c.path(who), c.body?.(who));
    expect(result.status, JSON.stringify(result.body)).toBe(expected);
    if (expected === 401) expectError(result, 401, 'unauthorized', /sign in/);
    if (expected === 403) expectError(result, 403, 'forbidden', new RegExp(`your role \\(${who}\\) may not`));
    if (expected >= 400 && c.state) expect(await c.state(who)).toEqual(before);
    if (expected < 400 && c.state && c.method !== 'GET') expect(await c.state(who)).not.toEqual(before);
    if (expected < 400) await c.undo?.();
  });

  it('GET /api/session answers the caller', async () => {
    for (const role of ['admin', 'operator', 'monitor'] as const) {
      const me = await whoAmI(credentialsOf(role));
      expect(me.body).toMatchObject({ id: userIds[role], username: USERNAMES[role], role, via: 'session' });
    }
  });

  it('lets anyone read /api/health', async () => {
    const health = await anonymous.get<{ status: string }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
  });

  it('answers unknown /api paths 401 to anonymous callers and 404 to signed-in ones', async () => {
    expectError(await anonymous.get('/api/no-such-route'), 401, 'unauthorized');
    expectError(await anonymous.post('/api/no-such-route', {}), 401, 'unauthorized');
    for (const role of ['admin', 'operator', 'monitor'] as const) {
      expectError(await client(() => credentialsOf(role)).get('/api/no-such-route/deeper'), 404, 'not_found');
      expectError(await client(() => credentialsOf(role)).post('/api/no-such-route', {}), 404, 'not_found');
    }
  });

  it('caps a token below its owner: an admin’s monitor token reads but may not operate or administer', async () => {
    const capped = await createTokenAs(base(), sessions.admin as BrowserSession, 'dashboard', 'monitor');
    const viaCapped = client(() => bearer(capped));
    expect((await whoAmI(bearer(capped))).body).toMatchObject({ username: TEST_ADMIN.username, role: 'monitor', via: 'token', tokenName: 'dashboard' });
    expect((await viaCapped.get('/api/arrays')).status).toBe(200);
    const before = await volumeCount();
    expectError(
      await viaCapped.post('/api/volumes', { arrayId, name: 'capped-token-volume', capacityBytes: 4 * MiB }),
      403,
      'forbidden',
      /your role \(monitor\)/,
    );
    expectError(await viaCapped.put('/api/simulation', { speed: 10 }), 403, 'forbidden');
    expectError(await viaCapped.get('/api/users'), 403, 'forbidden');
    expectError(await viaCapped.get('/api/tokens?all=true'), 403, 'forbidden');
    expect(await volumeCount()).toBe(before);
    const listed = (await admin.get<Token[]>('/api/tokens')).body.find((t) => t.name === 'dashboard');
    expect(listed?.role).toBe('monitor');
  });

  it('never lets a capped token mint a token stronger than itself', async () => {
    const capped = await createTokenAs(base(), sessions.admin as BrowserSession, 'capped minter', 'monitor');
    const viaCapped = client(() => bearer(capped));
    expectError(await viaCapped.post('/api/tokens', { name: 'escalate', role: 'admin' }), 403, 'forbidden');
    const child = await viaCapped.post<Token>('/api/tokens', { name: 'child of capped' });
    expect(child.status).toBe(201);
    expect(child.body.role).toBe('monitor');
    const viaChild = client(() => bearer(child.body.secret as string));
    expectError(await viaChild.post('/api/volumes', { arrayId, name: 'escalated-volume', capacityBytes: 4 * MiB }), 403, 'forbidden');
    expectError(await viaChild.get('/api/users'), 403, 'forbidden');
  });

  it('refuses a token above its owner’s role', async () => {
    const before = (await admin.get<Token[]>('/api/tokens?all=true')).body.length;
    const monitor = client(() => credentialsOf('monitor'));
    expectError(await monitor.post('/api/tokens', { name: 'promote me', role: 'operator' }), 403, 'forbidden', /cannot carry more than your own role/);
    expectError(await monitor.post('/api/tokens', { name: 'promote me', role: 'admin' }), 403, 'forbidden');
    expect((await admin.get<Token[]>('/api/tokens?all=true')).body.length).toBe(before);
  });

  it('lets a token follow its owner down when the owner is demoted', async () => {
    const dora = await createUser('dora', 'dora-password-12', 'operator');
    const doraToken = await createTokenAs(base(), await signIn(base(), 'dora', 'dora-password-12'), 'dora automation');
    const viaDora = client(() => bearer(doraToken));
    expect((await viaDora.put('/api/simulation', { speed: 0 })).status).toBe(200);
    expect((await admin.patch(`/api/users/${dora.id}`, { role: 'monitor' })).status).toBe(200);
    expectError(await viaDora.put('/api/simulation', { speed: 0 }), 403, 'forbidden', /your role \(monitor\)/);
    expect((await viaDora.get('/api/arrays')).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------

describe('API tokens', () => {
  let operator: BrowserSession;
  let monitor: BrowserSession;
  const viaOperator = client(() => sessionHeaders(operator));
  const viaMonitor = client(() => sessionHeaders(monitor));

  beforeAll(async () => {
    operator = await signIn(base(), OPERATOR.username, OPERATOR.password);
    monitor = await signIn(base(), MONITOR.username, MONITOR.password);
  });

  it('creates, lists, uses, touches and revokes a token; the secret is shown once', async () => {
    const created = await viaOperator.post<Token>('/api/tokens', { name: 'ci pipeline', expiresInDays: 30 });
    expect(created.status).toBe(201);
    const token = created.body;
    const secret = token.secret as string;
    expect(secret).toMatch(/^gl_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'ci pipeline', role: 'operator', username: OPERATOR.username, prefix: secret.slice(0, 10), lastUsedAt: null });
    expect(Date.parse(token.expiresAt as string) - Date.parse(token.createdAt)).toBe(30 * 86_400_000);
    expect(token).not.toHaveProperty('secretHash');

    const listResponse = await fetch(`${base()}/api/tokens`, { headers: sessionHeaders(operator) });
    const listText = await listResponse.text();
    expect(listText).not.toContain(secret);
    const listed = (JSON.parse(listText) as Token[]).find((t) => t.id === token.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('secret');
    expect(listed).not.toHaveProperty('secretHash');
    expect(listed?.prefix).toBe(secret.slice(0, 10));
    const everyone = await admin.call('GET', '/api/tokens?all=true');
    expect(JSON.stringify(everyone.body)).not.toContain(secret);

    const me = await whoAmI(bearer(secret));
    expect(me.body).toMatchObject({ id: userIds.operator, username: OPERATOR.username, role: 'operator', via: 'token', tokenName: 'ci pipeline' });
    const used = (await viaOperator.get<Token[]>('/api/tokens')).body.find((t) => t.id === token.id);
    expect(used?.lastUsedAt).not.toBeNull();
    expect(Date.parse(used?.lastUsedAt as string)).toBeGreaterThanOrEqual(Date.parse(token.createdAt));

    const revoked = await viaOperator.del(`/api/tokens/${token.id}`);
    expect(revoked.status).toBe(204);
    expectError(await whoAmI(bearer(secret)), 401, 'unauthorized', /unknown, revoked or expired/);
    expect((await viaOperator.get<Token[]>('/api/tokens')).body.some((t) => t.id === token.id)).toBe(false);
    expectError(await viaOperator.del(`/api/tokens/${token.id}`), 404, 'not_found');
  });

  it('hides another user’s token from a non-admin (404) and leaves it working', async () => {
    const secret = await createTokenAs(base(), operator, 'not yours');
    const id = (await viaOperator.get<Token[]>('/api/tokens')).body.find((t) => t.name === 'not yours')?.id as string;
    expect((await viaMonitor.get<Token[]>('/api/tokens')).body.some((t) => t.id === id)).toBe(false);
    expectError(await viaMonitor.del(`/api/tokens/${id}`), 404, 'not_found');
    expectError(await viaMonitor.get('/api/tokens?all=true'), 403, 'forbidden');
    expectError(await viaOperator.get('/api/tokens?all=true'), 403, 'forbidden');
    expect((await whoAmI(bearer(secret))).status).toBe(200);
  });

  it('lets an admin list everyone’s tokens and revoke another user’s', async () => {
    const secret = await createTokenAs(base(), operator, 'admin will revoke');
    const all = (await admin.get<Token[]>('/api/tokens?all=true')).body;
    const theirs = all.find((t) => t.name === 'admin will revoke');
    expect(theirs).toMatchObject({ username: OPERATOR.username, role: 'operator' });
    expect(all.some((t) => t.username === MONITOR.username || t.username === TEST_ADMIN.username)).toBe(true);
    // Without ?all the admin sees only their own.
    expect((await admin.get<Token[]>('/api/tokens')).body.every((t) => t.username === TEST_ADMIN.username)).toBe(true);
    expect((await admin.del(`/api/tokens/${theirs?.id}`)).status).toBe(204);
    expectError(await whoAmI(bearer(secret)), 401, 'unauthorized');
  });

  it('judges a request by its Authorization header alone: a bad bearer is 401 even beside a valid cookie', async () => {
    const cookieOnly = { cookie: operator.cookie };
    expect((await whoAmI(cookieOnly)).status).toBe(200);
    const garbage = `gl_${'x'.repeat(43)}`;
    for (const authorization of [`Bearer ${garbage}`, 'Bearer not-a-token', 'Basic b2xpdmlhOnBhc3N3b3Jk', 'Bearer']) {
      expectError(await whoAmI({ ...cookieOnly, authorization }), 401, 'unauthorized');
    }
    const before = await volumeCount();
    const write = await client(() => ({ ...sessionHeaders(operator), authorization: `Bearer ${garbage}` })).post('/api/volumes', {
      arrayId,
      name: 'garbage-bearer',
      capacityBytes: 4 * MiB,
    });
    expectError(write, 401, 'unauthorized');
    expect(await volumeCount()).toBe(before);
  });

  it('sets expiresAt from expiresInDays and refuses a token once it has expired', async () => {
    const created = await viaOperator.post<Token>('/api/tokens', { name: 'short lived', expiresInDays: 1 });
    expect(created.status).toBe(201);
    expect(Date.parse(created.body.expiresAt as string) - Date.parse(created.body.createdAt)).toBe(86_400_000);
    const secret = created.body.secret as string;
    expect((await whoAmI(bearer(secret))).status).toBe(200);
    // Real time cannot be fast-forwarded in the server; its inventory can: move the expiry into the past.
    const db = openDb(server.databaseUrl);
    try {
      await db.apiToken.update({ where: { id: created.body.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    } finally {
      await db.$disconnect();
    }
    expectError(await whoAmI(bearer(secret)), 401, 'unauthorized', /expired/);
    const never = await viaOperator.post<Token>('/api/tokens', { name: 'forever' });
    expect(never.body.expiresAt).toBeNull();
    expectError(await viaOperator.post('/api/tokens', { name: 'too long', expiresInDays: 0 }), 400, 'bad_request');
    expectError(await viaOperator.post('/api/tokens', { name: '' }), 400, 'bad_request');
  });
});

// ---------------------------------------------------------------------------------------------

describe('sessions and CSRF', () => {
  it('signs in with an httpOnly session cookie and a readable CSRF cookie, both SameSite with Path=/', async () => {
    const response = await fetch(`${base()}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MONITOR) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SessionView & { csrfToken: string };
    expect(body).toMatchObject({ id: userIds.monitor, username: MONITOR.username, role: 'monitor' });
    expect(body).not.toHaveProperty('passwordHash');
    const cookies = setCookies(response.headers);
    const session = cookies.get('grainline_session');
    const csrf = cookies.get('grainline_csrf');
    expect(session?.value).toBeTruthy();
    expect(session?.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'max-age=604800']));
    expect(csrf?.value).toBe(body.csrfToken);
    expect(csrf?.attributes).toEqual(expect.arrayContaining(['samesite=strict', 'path=/']));
    expect(csrf?.attributes).not.toContain('httponly');
    // Plain http here, so not Secure (a browser would drop a Secure cookie set over http).
    expect(session?.attributes).not.toContain('secure');
  });

  it('refuses a wrong password and an unknown user alike, with a generic message and no cookie', async () => {
    const wrong = await signInStatus(MONITOR.username, 'not-the-password');
    const unknown = await signInStatus('nobody-here', 'not-the-password');
    for (const result of [wrong, unknown]) {
      expectError(result, 401, 'unauthorized');
      expect(result.headers.getSetCookie()).toEqual([]);
    }
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe('wrong username or password');
    expectError(await signInStatus('', ''), 400, 'bad_request');
    // Nor may another site sign a browser in (login CSRF), even with the right password.
    const forged = await signInStatus(MONITOR.username, MONITOR.password, base, { origin: 'http://evil.example' });
    expectError(forged, 403, 'forbidden', /cross-site/);
    expect(forged.headers.getSetCookie()).toEqual([]);
  });

  it('ends a session idle past its expiry, or past its absolute lifetime, whatever the cookie says', async () => {
    await createUser('idle-user', 'idle-password-1', 'monitor');
    const idle = await signIn(base(), 'idle-user', 'idle-password-1');
    expect((await whoAmI({ cookie: idle.cookie })).status).toBe(200);
    const db = openDb(server.databaseUrl);
    try {
      const userId = (await db.user.findUniqueOrThrow({ where: { username: 'idle-user' } })).id;
      // Idle: the server-side expiry has passed.
      await db.session.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
      expectError(await whoAmI({ cookie: idle.cookie }), 401, 'unauthorized');
      expect(await db.session.count({ where: { userId } })).toBe(0);
      // Absolute: signed in more than 7 days ago, though recently used.
      const old = await signIn(base(), 'idle-user', 'idle-password-1');
      await db.session.updateMany({ where: { userId }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000), lastSeenAt: new Date() } });
      expectError(await whoAmI({ cookie: old.cookie }), 401, 'unauthorized');
    } finally {
      await db.$disconnect();
    }
  });

  it('refuses cookie writes without the CSRF token, with a wrong one, or from a foreign Origin, and changes nothing', async () => {
    const operator = await signIn(base(), OPERATOR.username, OPERATOR.password);
    const other = await signIn(base(), MONITOR.username, MONITOR.password);
    const body = { arrayId, name: 'csrf-volume', capacityBytes: 4 * MiB };
    const before = await volumeCount();
    const attempts: HeaderMap[] = [
      { cookie: operator.cookie },
      { cookie: operator.cookie, 'x-csrf-token': 'wrong-token' },
      { cookie: operator.cookie, 'x-csrf-token': '' },
      // A valid token, but another session's.
      { cookie: operator.cookie, 'x-csrf-token': other.csrfToken },
    ];
    for (const headers of attempts) expectError(await client(() => headers).post('/api/volumes', body), 403, 'forbidden', /CSRF/);
    // Same host and port, another scheme, is another origin too.
    for (const origin of ['http://evil.example', `http://localhost:${server.port + 1}`, `https://localhost:${server.port}`, 'null']) {
      expectError(await client(() => ({ ...sessionHeaders(operator), origin })).post('/api/volumes', body), 403, 'forbidden', /cross-site/);
    }
    expect(await volumeCount()).toBe(before);

    const doomed = await createVolume('csrf-doomed');
    expectError(await client(() => ({ cookie: operator.cookie })).del(`/api/volumes/${doomed.id}`), 403, 'forbidden');
    expectError(await client(() => ({ cookie: operator.cookie })).put('/api/simulation', { speed: 10 }), 403, 'forbidden');
    expect((await admin.get(`/api/volumes/${doomed.id}`)).status).toBe(200);
    expect((await admin.get<{ speed: number }>('/api/simulation')).body.speed).toBe(0);

    // The same write with the session's own token, from the console's own origin, goes through.
    const ok = await client(() => ({ ...sessionHeaders(operator), origin: base() })).post<Volume>('/api/volumes', body);
    expect(ok.status).toBe(201);
    expect((await client(() => sessionHeaders(operator)).del(`/api/volumes/${ok.body.id}`)).status).toBe(204);
    // Reads need no token.
    expect((await whoAmI({ cookie: operator.cookie })).status).toBe(200);
  });

  it('signs out: the cookies are cleared and the old cookie no longer works', async () => {
    const session = await signIn(base(), MONITOR.username, MONITOR.password);
    expectError(await client(() => ({ cookie: session.cookie })).del('/api/session'), 403, 'forbidden', /CSRF/);
    expect((await whoAmI({ cookie: session.cookie })).status).toBe(200);
    const out = await client(() => sessionHeaders(session)).del<{ endedSessions: number }>('/api/session');
    expect(out.status).toBe(200);
    expect(out.body.endedSessions).toBe(1);
    const cleared = setCookies(out.headers);
    expect(cleared.get('grainline_session')).toMatchObject({ value: '' });
    expect(cleared.get('grainline_session')?.attributes).toContain('max-age=0');
    expect(cleared.get('grainline_csrf')?.attributes).toContain('max-age=0');
    expectError(await whoAmI({ cookie: session.cookie }), 401, 'unauthorized');
    expectError(await client(() => sessionHeaders(session)).del('/api/session'), 401, 'unauthorized');
  });

  it('signs out everywhere: every session of that user ends, other users stay signed in', async () => {
    const first = await signIn(base(), MONITOR.username, MONITOR.password);
    const second = await signIn(base(), MONITOR.username, MONITOR.password);
    const bystander = await signIn(base(), OPERATOR.username, OPERATOR.password);
    const out = await client(() => sessionHeaders(first)).del<{ endedSessions: number }>('/api/session?everywhere=true');
    expect(out.status).toBe(200);
    expect(out.body.endedSessions).toBeGreaterThanOrEqual(2);
    expectError(await whoAmI({ cookie: first.cookie }), 401, 'unauthorized');
    expectError(await whoAmI({ cookie: second.cookie }), 401, 'unauthorized');
    expect((await whoAmI({ cookie: bystander.cookie })).status).toBe(200);
  });

  it('lets an admin sign another user out of every browser; their tokens stay', async () => {
    const session = await signIn(base(), OPERATOR.username, OPERATOR.password);
    const token = await createTokenAs(base(), session, 'survives sign-out');
    const monitor = await signIn(base(), MONITOR.username, MONITOR.password);
    expectError(await client(() => sessionHeaders(monitor)).post(`/api/users/${userIds.operator}/sign-out`), 403, 'forbidden');
    expect((await whoAmI({ cookie: session.cookie })).status).toBe(200);
    const out = await admin.post<{ endedSessions: number }>(`/api/users/${userIds.operator}/sign-out`);
    expect(out.status).toBe(200);
    expect(out.body.endedSessions).toBeGreaterThanOrEqual(1);
    expectError(await whoAmI({ cookie: session.cookie }), 401, 'unauthorized');
    expect((await whoAmI(bearer(token))).status).toBe(200);
    expectError(await admin.post('/api/users/no-such-user/sign-out'), 404, 'not_found');
  });

  it('creates one user when ten requests race for one username; the others get 409, none a 500', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => admin.post('/api/users', { username: 'racer', password: 'racer-password-1', role: 'monitor' }).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    expect((await admin.get<User[]>('/api/users')).body.filter((u) => u.username === 'racer')).toHaveLength(1);
  });

  it('deleting a user ends their sessions and their tokens', async () => {
    const temp = await createUser('temp-operator', 'temp-password-12', 'operator');
    const session = await signIn(base(), 'temp-operator', 'temp-password-12');
    const token = await createTokenAs(base(), session, 'dies with its owner');
    expect((await whoAmI(bearer(token))).status).toBe(200);
    const deleted = await admin.del<User>(`/api/users/${temp.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: temp.id, username: 'temp-operator' });
    expectError(await whoAmI({ cookie: session.cookie }), 401, 'unauthorized');
    expectError(await whoAmI(bearer(token)), 401, 'unauthorized');
    expectError(await signInStatus('temp-operator', 'temp-password-12'), 401, 'unauthorized');
    expect((await admin.get<User[]>('/api/users')).body.some((u) => u.id === temp.id)).toBe(false);
    expect((await admin.get<Token[]>('/api/tokens?all=true')).body.some((t) => t.username === 'temp-operator')).toBe(false);
    expectError(await admin.del(`/api/users/${temp.id}`), 404, 'not_found');
  });

  it('changes your own password only with the current one; other sessions end, this one stays', async () => {
    await createUser('pat', 'pat-password-old', 'monitor');
    const here = await signIn(base(), 'pat', 'pat-password-old');
    const elsewhere = await signIn(base(), 'pat', 'pat-password-old');
    const viaHere = client(() => sessionHeaders(here));

    expectError(
      await viaHere.put('/api/account/password', { currentPassword: 'not-my-password', newPassword: 'pat-password-new' }),
      403,
      'forbidden',
      /current password is wrong/,
    );
    expectError(await viaHere.put('/api/account/password', { currentPassword: 'pat-password-old', newPassword: 'short' }), 400, 'bad_request');
    const weak = await viaHere.put<ApiErrorBody>('/api/account/password', { currentPassword: 'pat-password-old', newPassword: 'short' });
    expect(weak.body.error.details).toEqual([expect.objectContaining({ path: 'newPassword', message: expect.stringMatching(/at least 10/) })]);
    expectError(
      await client(() => ({ cookie: here.cookie })).put('/api/account/password', { currentPassword: 'pat-password-old', newPassword: 'pat-password-new' }),
      403,
      'forbidden',
      /CSRF/,
    );
    // Nothing changed: the old password still signs in, the other session still works.
    expect((await whoAmI({ cookie: elsewhere.cookie })).status).toBe(200);
    const check = await signIn(base(), 'pat', 'pat-password-old');

    expect((await viaHere.put('/api/account/password', { currentPassword: 'pat-password-old', newPassword: 'pat-password-new' })).status).toBe(204);
    expect((await whoAmI({ cookie: here.cookie })).status).toBe(200);
    expectError(await whoAmI({ cookie: elsewhere.cookie }), 401, 'unauthorized');
    expectError(await whoAmI({ cookie: check.cookie }), 401, 'unauthorized');
    expectError(await signInStatus('pat', 'pat-password-old'), 401, 'unauthorized');
    expect((await signInStatus('pat', 'pat-password-new')).status).toBe(200);
  });

  it('never deletes or demotes the last admin (409); with a second admin it may', async () => {
    const before = (await admin.get<User[]>('/api/users')).body;
    expectError(await admin.del(`/api/users/${userIds.admin}`), 409, 'conflict', /last admin/);
    expectError(await admin.patch(`/api/users/${userIds.admin}`, { role: 'operator' }), 409, 'conflict', /last admin/);
    expectError(await admin.patch(`/api/users/${userIds.admin}`, { role: 'monitor' }), 409, 'conflict', /last admin/);
    expect((await admin.get<User[]>('/api/users')).body).toEqual(before);
    expect((await whoAmI(bearer(adminTok))).body).toMatchObject({ role: 'admin' });

    const second = await createUser('second-admin', 'second-admin-pass', 'admin');
    const demoted = await admin.patch<User>(`/api/users/${second.id}`, { role: 'operator' });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe('operator');
    expect((await admin.del(`/api/users/${second.id}`)).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------

describe('audit trail', () => {
  const FORMULA_USER = "=cmd|' /C calc'!A0";
  let since = '';
  let audit: AuditEvent[] = [];
  let operatorToken = '';
  let createdId = '';

  beforeAll(async () => {
    since = new Date(Date.now() - 1).toISOString();
    const operator = await signIn(base(), OPERATOR.username, OPERATOR.password);
    operatorToken = await createTokenAs(base(), operator, 'audit bot');
    const monitor = await signIn(base(), MONITOR.username, MONITOR.password);
    const viaOperator = client(() => bearer(operatorToken));
    const created = await viaOperator.post<Volume>('/api/volumes', { arrayId, name: 'audited-volume', capacityBytes: 4 * MiB });
    expect(created.status).toBe(201);
    createdId = created.body.id;
    expect((await client(() => sessionHeaders(monitor)).post('/api/volumes', { arrayId, name: 'monitor-volume', capacityBytes: 4 * MiB })).status).toBe(403);
    expect((await anonymous.post('/api/volumes', { arrayId, name: 'anon-volume', capacityBytes: 4 * MiB })).status).toBe(401);
    // A client cannot pick the address the audit records.
    expect(
      (
        await viaOperator.call('POST', '/api/volumes', { arrayId, name: '-bad name' }, undefined, {
          'x-grainline-peer': '203.0.113.9',
          'x-forwarded-for': '203.0.113.9',
        })
      ).status,
    ).toBe(400);
    expect((await viaOperator.del(`/api/volumes/${createdId}`)).status).toBe(204);
    expect((await signInStatus(FORMULA_USER, 'wrong-password')).status).toBe(401);
    expect((await viaOperator.get('/api/arrays')).status).toBe(200);
    audit = (await admin.get<AuditEvent[]>(`/api/events?category=audit&since=${encodeURIComponent(since)}&limit=1000`)).body;
  });

  function entry(actor: string, method: string, path: string, status: number): AuditEvent {
    const found = audit.find((e) => e.actor === actor && e.details.method === method && e.details.path === path && e.details.status === status);
    if (!found) throw new Error(`no audit entry ${actor} ${method} ${path} ${status} in ${JSON.stringify(audit, null, 1)}`);
    return found;
  }

  it('records successful and refused writes with actor, method, path, status, outcome and address', () => {
    expect(audit.every((e) => e.kind === 'audit' && e.subjectType === 'request')).toBe(true);
    expect(entry(OPERATOR.username, 'POST', '/api/volumes', 201)).toMatchObject({
      subjectId: 'POST /api/volumes',
      details: { path: '/api/volumes', outcome: 'succeeded', via: 'token audit bot', role: 'operator' },
    });
    expect(entry(OPERATOR.username, 'DELETE', `/api/volumes/${createdId}`, 204)).toMatchObject({
      subjectId: `DELETE /api/volumes/${createdId}`,
      details: { outcome: 'succeeded' },
    });
    const forbidden = entry(MONITOR.username, 'POST', '/api/volumes', 403);
    expect(forbidden.details).toMatchObject({
      path: '/api/volumes',
      outcome: 'refused',
      via: 'session',
      role: 'monitor',
      message: expect.stringMatching(/may not do this/),
    });
    expect(entry('anonymous', 'POST', '/api/volumes', 401).details).toMatchObject({ path: '/api/volumes', outcome: 'refused', via: 'none' });
    const invalid = entry(OPERATOR.username, 'POST', '/api/volumes', 400);
    expect(invalid.details).toMatchObject({ outcome: 'refused', message: expect.stringMatching(/invalid body/) });
    expect(entry(FORMULA_USER, 'POST', '/api/session', 401).details).toMatchObject({ path: '/api/session', outcome: 'refused', via: 'none' });
    for (const e of audit) expect(e.details.address).toMatch(LOOPBACK);
    // Reads are not audited.
    expect(audit.some((e) => e.details.method === 'GET')).toBe(false);
  });

  it('filters by actor and lists every actor', async () => {
    const byMonitor = (await admin.get<AuditEvent[]>(`/api/events?category=audit&actor=${MONITOR.username}&since=${encodeURIComponent(since)}`)).body;
    expect(byMonitor.length).toBeGreaterThanOrEqual(1);
    expect(byMonitor.every((e) => e.actor === MONITOR.username && e.kind === 'audit')).toBe(true);
    const changes = (await admin.get<AuditEvent[]>(`/api/events?category=changes&actor=${OPERATOR.username}&since=${encodeURIComponent(since)}`)).body;
    expect(changes.map((e) => e.kind)).toEqual(expect.arrayContaining(['volume.created', 'volume.deleted']));
    const actors = await client(() => bearer(operatorToken)).get<string[]>('/api/events/actors');
    expect(actors.status).toBe(200);
    expect(actors.body).toEqual(expect.arrayContaining([TEST_ADMIN.username, OPERATOR.username, MONITOR.username, 'anonymous', FORMULA_USER]));
  });

  it('exports CSV as an attachment with a header row and formula cells neutralised', async () => {
    const response = await fetch(`${base()}/api/events/export?category=audit&since=${encodeURIComponent(since)}`, { headers: bearer(operatorToken) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="grainline-events-[^"]+\.csv"$/);
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(['time', 'actor', 'kind', 'subjectType', 'subjectId', 'arrayId', 'outcome', 'status', 'address', 'details', 'simulatedTime']);
    expect(rows.length - 1).toBe(audit.length);
    const formula = rows.find((row) => row[1]?.includes('cmd|'));
    expect(formula?.[1]).toBe(`'${FORMULA_USER}`);
    expect(formula?.[6]).toBe('refused');
    expect(formula?.[7]).toBe('401');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expectError(await anonymous.get('/api/events/export'), 401, 'unauthorized');
  });
});

/** RFC 4180 as csv-stringify writes it: quoted cells may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

// ---------------------------------------------------------------------------------------------

describe('security headers', () => {
  it('serves pages with a per-request CSP nonce, frame-ancestors none, nosniff and a referrer policy', async () => {
    const first = await fetch(`${base()}/signin`);
    const second = await fetch(`${base()}/signin`);
    expect(first.status).toBe(200);
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(second.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    await second.text();
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends the same protections on API answers, refusals included', async () => {
    for (const result of [await anonymous.get('/api/health'), await anonymous.get('/api/arrays'), await admin.get('/api/arrays')]) {
      expect(result.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(result.headers.get('x-content-type-options')).toBe('nosniff');
      expect(result.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(result.headers.get('cache-control')).toContain('no-store');
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('host data path (answered by server.ts, not Next)', () => {
  interface Usage {
    hostIo: { reads: number; writes: number; readBytes: number; writtenBytes: number; refusals: number; lastRefusal: string | null };
  }
  const put = (volumeId: string, headers: HeaderMap, body = new Uint8Array(4096).fill(5)) =>
    fetch(`${base()}/api/volumes/${volumeId}/data?offset=0`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body });

  it('writes for operators, refuses monitors and forged browser writes, counts both and audits only the refusals', async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const volume = await createVolume('data-path-volume');
    const operator = await signIn(base(), OPERATOR.username, OPERATOR.password);
    const monitor = await signIn(base(), MONITOR.username, MONITOR.password);
    const written = await put(volume.id, sessionHeaders(operator));
    expect(written.status).toBe(204);
    // The same security headers as every API answer Next sends.
    expect(written.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(written.headers.get('x-content-type-options')).toBe('nosniff');
    const forbidden = await put(volume.id, sessionHeaders(monitor), new Uint8Array(4096).fill(6));
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as ApiErrorBody).error.message).toMatch(/may not do this/);
    // A cookie without the CSRF token is a forged request.
    const forged = await put(volume.id, { cookie: operator.cookie }, new Uint8Array(4096).fill(7));
    expect(forged.status).toBe(403);
    const unknownVolume = await put('no-such-volume', bearer(adminTok));
    expect(unknownVolume.status).toBe(404);
    expect(((await unknownVolume.json()) as ApiErrorBody).error.code).toBe('not_found');
    const read = await client(() => sessionHeaders(monitor)).getBytes(`/api/volumes/${volume.id}/data?offset=0&length=4096`);
    expect(read.status).toBe(200);
    expect(read.bytes.every((byte) => byte === 5)).toBe(true);
    const badQuery = await client(() => bearer(adminTok)).getBytes(`/api/volumes/${volume.id}/data?offset=0&length=0`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.text).toMatch(/length/);

    const usage = (await admin.get<Usage>(`/api/volumes/${volume.id}/usage`)).body;
    // Refused: the monitor's write, the forged write and the empty read; the unknown volume is nobody's.
    expect(usage.hostIo).toMatchObject({ writes: 1, writtenBytes: 4096, reads: 1, readBytes: 4096, refusals: 3 });
    expect(usage.hostIo.lastRefusal).toMatch(/length/);

    const audit = (await admin.get<AuditEvent[]>(`/api/events?category=audit&since=${encodeURIComponent(since)}&limit=1000`)).body;
    const path = `/api/volumes/${volume.id}/data?offset=0`;
    const forPath = audit.filter((e) => e.details.path === path);
    expect(forPath.map((e) => [e.actor, e.details.status]).sort()).toEqual([
      [MONITOR.username, 403],
      [OPERATOR.username, 403],
    ]);
    expect(audit.some((e) => e.details.path === '/api/volumes/no-such-volume/data?offset=0' && e.details.status === 404)).toBe(true);
  });
});

describe('socket.io authentication', () => {
  const opened: Socket[] = [];
  let monitorToken = '';

  function open(options: Partial<ManagerOptions & SocketOptions>): Socket {
    const socket = connectSocket(base(), { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5_000, ...options });
    opened.push(socket);
    return socket;
  }
  function connected(socket: Socket): Promise<void> {
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
  }
  function refused(socket: Socket): Promise<string> {
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected, but should have been refused')));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  }
  function disconnected(socket: Socket): Promise<string> {
    return new Promise((resolve) => (socket.disconnected ? resolve('already') : socket.once('disconnect', (reason) => resolve(reason))));
  }
  function received<T>(socket: Socket, event: string, match: (payload: T) => boolean, ms = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
      const listener = (payload: T) => {
        if (!match(payload)) return;
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(payload);
      };
      socket.on(event, listener);
    });
  }
  async function subscribe(socket: Socket, rooms: unknown): Promise<{ rooms?: string[]; error?: { code: string; message: string } }> {
    return (await socket.timeout(5_000).emitWithAck('subscribe', { rooms })) as { rooms?: string[]; error?: { code: string; message: string } };
  }

  beforeAll(async () => {
    monitorToken = await createTokenAs(base(), await signIn(base(), MONITOR.username, MONITOR.password), 'live dashboard');
  });

  afterAll(() => {
    for (const socket of opened) socket.disconnect();
  });

  it('refuses a connection without credentials, or with a bad token', async () => {
    expect(await refused(open({}))).toMatch(/^unauthorized/);
    expect(await refused(open({ auth: { token: `gl_${'y'.repeat(43)}` } }))).toMatch(/^unauthorized: the API token is unknown/);
    expect(await refused(open({ auth: { token: '' } }))).toMatch(/^unauthorized/);
  });

  it('accepts a monitor’s token, joins fleet and pushes its updates', async () => {
    const socket = open({ auth: { token: monitorToken } });
    await connected(socket);
    expect(await subscribe(socket, ['fleet'])).toEqual({ rooms: ['fleet'] });
    const update = received<{ speed: number; simulatedTime: string }>(socket, 'simulation.updated', () => true);
    expect((await admin.post('/api/simulation/advance', { seconds: 5 })).status).toBe(200);
    expect((await update).speed).toBe(0);
    const bad = await subscribe(socket, ['everything']);
    expect(bad.error?.code).toBe('bad_request');
  });

  it('accepts a session cookie from the console’s own origin and refuses it from a foreign one', async () => {
    const session = await signIn(base(), OPERATOR.username, OPERATOR.password);
    const same = open({ extraHeaders: { cookie: session.cookie, origin: base() } });
    await connected(same);
    expect(await subscribe(same, ['fleet'])).toEqual({ rooms: ['fleet'] });
    const foreign = open({ extraHeaders: { cookie: session.cookie, origin: 'http://evil.example' } });
    expect(await refused(foreign)).toMatch(/^forbidden: cross-site/);
    // A token that was sent is judged alone, as on HTTP: a bad one is not rescued by the cookie.
    for (const token of ['not-a-token', 42, 'x'.repeat(300)]) {
      expect(await refused(open({ auth: { token }, extraHeaders: { cookie: session.cookie, origin: base() } }))).toMatch(/^unauthorized/);
    }
    // Signing that session out ends its live feed at once.
    const gone = disconnected(same);
    expect((await client(() => sessionHeaders(session)).del('/api/session')).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(await refused(open({ extraHeaders: { cookie: session.cookie, origin: base() } }))).toMatch(/^unauthorized/);
  });

  it('never joins another user’s private room', async () => {
    const operatorSession = await signIn(base(), OPERATOR.username, OPERATOR.password);
    const operatorSocket = open({ extraHeaders: { cookie: operatorSession.cookie } });
    await connected(operatorSocket);
    const monitorSocket = open({ auth: { token: monitorToken } });
    await connected(monitorSocket);
    for (const room of [`user:${userIds.operator}`, `user:${userIds.admin}`, 'session:anything', 'token:anything']) {
      const answer = await subscribe(monitorSocket, [room]);
      expect(answer.rooms).toBeUndefined();
      expect(answer.error?.code).toBe('bad_request');
    }
    // Had the monitor's socket joined user:<operator>, the admin's sign-out of the operator would drop it too.
    const operatorGone = disconnected(operatorSocket);
    expect((await admin.post(`/api/users/${userIds.operator}/sign-out`)).status).toBe(200);
    expect(await operatorGone).toBe('io server disconnect');
    expect(await subscribe(monitorSocket, ['fleet'])).toEqual({ rooms: ['fleet'] });
    expect(monitorSocket.connected).toBe(true);
  });

  it('ends a token’s live feed when the token is revoked', async () => {
    const session = await signIn(base(), MONITOR.username, MONITOR.password);
    const created = await client(() => sessionHeaders(session)).post<Token>('/api/tokens', { name: 'revoked live' });
    const socket = open({ auth: { token: created.body.secret } });
    await connected(socket);
    const gone = disconnected(socket);
    expect((await client(() => sessionHeaders(session)).del(`/api/tokens/${created.body.id}`)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect(await refused(open({ auth: { token: created.body.secret } }))).toMatch(/^unauthorized/);
  });
});

// ---------------------------------------------------------------------------------------------
// The fresh server: no user at first, then sign-in limits of 3 per user and 10 per address.

describe('first-run setup', () => {
  const freshBase = () => fresh.baseUrl;
  const onFresh = apiClient(freshBase);

  it('needs setup and refuses every other route while no user exists', async () => {
    expect((await onFresh.get('/api/setup')).body).toEqual({ needed: true });
    for (const [method, route] of [
      ['GET', '/api/arrays'],
      ['GET', '/api/session'],
      ['GET', '/api/users'],
      ['GET', '/api/events'],
      ['GET', '/api/tokens'],
      ['GET', '/api/no-such-route'],
      ['POST', '/api/volumes'],
      ['POST', '/api/users'],
      ['PUT', '/api/simulation'],
    ] as const) {
      expectError(await onFresh.call(method, route, method === 'GET' ? undefined : {}), 401, 'unauthorized');
    }
    expect((await onFresh.get('/api/health')).status).toBe(200);
    // There is nobody to sign in as.
    const nobody = await signInStatus(TEST_ADMIN.username, TEST_ADMIN.password, freshBase);
    expectError(nobody, 401, 'unauthorized');
    freshAddressFailures++;
  });

  it('refuses a weak password or a bad username with details, creating nothing', async () => {
    const weak = await onFresh.post<ApiErrorBody>('/api/setup', { username: 'root', password: 'short' });
    expectError(weak, 400, 'bad_request');
    expect(weak.body.error.details).toEqual([expect.objectContaining({ path: 'password', message: expect.stringMatching(/at least 10/) })]);
    const badName = await onFresh.post<ApiErrorBody>('/api/setup', { username: '-root', password: 'root-password-1' });
    expectError(badName, 400, 'bad_request');
    expect(badName.body.error.details).toEqual([expect.objectContaining({ path: 'username' })]);
    expectError(await onFresh.post('/api/setup', {}), 400, 'bad_request');
    expect((await onFresh.get('/api/setup')).body).toEqual({ needed: true });
  });

  it('creates the first admin once, signed in; a second setup is a conflict', async () => {
    const response = await fetch(`${freshBase()}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: 'root-password-1' }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as User & { csrfToken: string };
    expect(body).toMatchObject({ username: 'root', role: 'admin' });
    const cookies = setCookies(response.headers);
    expect(cookies.get('grainline_csrf')?.value).toBe(body.csrfToken);
    rootSession = {
      cookie: response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; '),
      csrfToken: body.csrfToken,
    };
    expect((await whoAmI({ cookie: rootSession.cookie }, freshBase)).body).toMatchObject({ username: 'root', role: 'admin', via: 'session' });

    expectError(await onFresh.post('/api/setup', { username: 'intruder', password: 'intruder-password-1' }), 409, 'conflict', /already set up/);
    expect((await onFresh.get('/api/setup')).body).toEqual({ needed: false });
    const users = await apiClient(freshBase, () => sessionHeaders(rootSession)).get<User[]>('/api/users');
    expect(users.body.map((u) => u.username)).toEqual(['root']);
    expect((await signInStatus('root', 'root-password-1', freshBase)).status).toBe(200);
  });
});

describe('sign-in throttling', () => {
  const USER_LIMIT = 3;
  const ADDRESS_LIMIT = 10;
  const freshBase = () => fresh.baseUrl;
  const asRoot = apiClient(freshBase, () => sessionHeaders(rootSession));

  async function fail(username: string, extra: HeaderMap = {}): Promise<ApiResult<ApiErrorBody>> {
    const result = await signInStatus(username, 'definitely-wrong', freshBase, extra);
    if (result.status === 401) freshAddressFailures++;
    return result;
  }
  function expectLimited(result: ApiResult<ApiErrorBody>): void {
    expectError(result, 429, 'rate_limited', /too many failed sign-ins/);
    const retryAfter = Number(result.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(result.body.error.details).toEqual({ retryAfterSeconds: retryAfter });
  }

  beforeAll(async () => {
    for (const name of ['alice', 'bob'])
      expect((await asRoot.post('/api/users', { username: name, password: `${name}-password-1`, role: 'monitor' })).status).toBe(201);
  });

  it(`blocks a user after ${USER_LIMIT} failures, even with the right password, and not other users`, async () => {
    for (let i = 0; i < USER_LIMIT; i++) expectError(await fail('alice'), 401, 'unauthorized');
    expectLimited(await fail('alice'));
    expectLimited(await signInStatus('alice', 'alice-password-1', freshBase));
    // The per-user key ignores case, so ALICE is alice.
    expectLimited(await signInStatus('ALICE', 'alice-password-1', freshBase));
    expect((await signInStatus('bob', 'bob-password-1', freshBase)).status).toBe(200);
    const refusals = (await asRoot.get<AuditEvent[]>('/api/events?category=audit&actor=alice')).body.filter((e) => e.details.status === 429);
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    expect(refusals[0]?.details).toMatchObject({ outcome: 'refused', path: '/api/session' });
  });

  it(`blocks an address after ${ADDRESS_LIMIT} failures across users, whatever headers it sends`, async () => {
    expect(freshAddressFailures).toBeLessThan(ADDRESS_LIMIT);
    // Each name fails fewer times than the per-user limit: only the address count can block.
    let n = 0;
    while (freshAddressFailures < ADDRESS_LIMIT) expectError(await fail(`guess-${Math.floor(n++ / 2)}`), 401, 'unauthorized');
    expectLimited(await fail('someone-new'));
    expectLimited(await signInStatus('bob', 'bob-password-1', freshBase));
    expectLimited(await signInStatus('bob', 'bob-password-1', freshBase, { 'x-forwarded-for': '198.51.100.7', 'x-grainline-peer': '198.51.100.7' }));
    // Signed-in sessions keep working; only sign-in is throttled.
    expect((await whoAmI({ cookie: rootSession.cookie }, freshBase)).status).toBe(200);
  });
});
