// `npm run bench:ui`: the live console in headless Chromium with 1,000 copies active at 100×,
// each figure against a baseline measured in the same run (one server, one browser):
//   latency — engine state change → DOM: a ShadowImage action sent from inside the page (fetch),
//             until the pair's row in the Copies table shows the new state (MutationObserver), all
//             on the page's clock. Baseline: 10 copies, simulation paused. Target p95 < 100 ms.
//   scroll  — rAF-driven scrollTop sweeps of the Copies table, top → bottom → top: frames per
//             second (mean, and the 5th percentile: 1 / the 95th-percentile frame) and the longest
//             frame. Baseline: the same 1,000 copies paused. Target mean ≥ 58 fps, p5 ≥ 50 fps.
//   socket  — bytes and messages per second one client (a console on the Copies page) receives
//             over its websocket. Baseline: 10 copies at 100×. Target ≤ 150 KB/s.
// The floor of the latency is the push's coalescing (FLUSH_INTERVAL_MS, lib/realtime/live-push.ts)
// plus one animation frame (lib/client/live-updates.tsx). Benchmarks report; they never fail a build.
// `--copies N`, `--page-profile FILE` (the page's CPU profile while scrolling loaded), `--trace FILE`
// (a Chromium trace of that scroll: style, layout, paint and raster, which the profile lumps
// together as "(program)"), `--no-build`.
import fs from 'node:fs';
import os from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CSRF_COOKIE } from '../lib/client/auth-constants';
import { FLUSH_INTERVAL_MS } from '../lib/realtime/live-push';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { adminToken, bearer } from '../tests/support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../tests/support/server';
import { buildIfNeeded } from './build-if-needed';

const GiB = 1024 ** 3;
/** `--copies N` runs a smaller (or larger) fleet, e.g. while working on the console. */
const copiesArg = process.argv.indexOf('--copies');
const COPIES = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 1_000;
/** `--page-profile FILE`: the page's JavaScript CPU profile during the loaded scroll (open in DevTools). */
const pageProfileArg = process.argv.indexOf('--page-profile');
const PAGE_PROFILE = pageProfileArg > 0 ? process.argv[pageProfileArg + 1] : undefined;
/** `--trace FILE`: a Chromium performance trace of the loaded scroll (open in DevTools' Performance panel). */
const traceArg = process.argv.indexOf('--trace');
const TRACE = traceArg > 0 ? process.argv[traceArg + 1] : undefined;
/** What DevTools' Performance panel records: enough to split a frame into script, style, layout, paint and raster. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'toplevel',
  'v8.execute',
];
const BASELINE_COPIES = 10;
const LATENCY_SAMPLES = 40;
const SCROLL_MS = 5_000;
/** A brisk wheel or trackpad scroll: 100 rows a second. */
const SCROLL_PX_PER_SEC = 3_000;
/** A fling: 400 rows a second, every frame replacing a dozen rows. */
const FLING_PX_PER_SEC = 12_000;
const SOCKET_MS = 10_000;
const CONCURRENCY = 6;
const VIEWPORT = { width: 1440, height: 900 };

// ---------------------------------------------------------------------------------------------
// The API, with an admin bearer token.

interface Pool {
  id: string;
  name: string;
  lss?: number;
  capacityBytes: number | string;
  usedBytes: number | string;
}
interface ArrayDto {
  id: string;
  name: string;
  model: 'santricity' | 'xp7' | 'storwize' | 'ds6000';
  pools: Pool[];
}
interface CopyDto {
  id: string;
  state: string;
}

export class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown, expected = [200, 201, 204]): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...bearer(this.token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!expected.includes(response.status)) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  speed(speed: 0 | 100): Promise<unknown> {
    return this.call('PUT', '/api/simulation', { speed });
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// The fleet: which copies, on which volumes, in which pools. Each copy stays active through the
// ~60 s the run spends at 100× (6,000 simulated seconds), and bitmaps stay modest, because the
// server counts every copy's differential bitmap on each push (engine/copy/progress.ts):
//   storwize FlashCopy, copyRate 10 (128 KiB/s), 8 GiB, 256 KiB grains: ~18 simulated hours
//   xp7 ShadowImage, pace slower (32 MiB/s), 256 GiB: ~2.3 h
//   ds6000 FlashCopy, copy mode (100 MiB/s), 1 TiB: ~2.9 h
//   santricity volume copy, priority lowest (16 MiB/s), 128 GiB: ~2.3 h; 8 run, the rest queue

interface VolumePlan {
  name: string;
  arrayId: string;
  capacityBytes: number;
  /** Volumes of one group go in one pool (ds6000: source and target share the LSS). */
  group: string;
  poolId?: string;
  id?: string;
}
interface CopyPlan {
  type: string;
  source: VolumePlan;
  target: VolumePlan;
  options: Record<string, unknown>;
}

export function planFleet(arrays: ArrayDto[]): { plans: CopyPlan[]; shortfall: string[] } {
  const byModel = (model: ArrayDto['model']) => {
    const found = arrays.find((a) => a.model === model);
    if (found === undefined) throw new Error(`the demo fleet has no ${model} array`);
    return found;
  };
  const xp7 = byModel('xp7');
  const ds6000 = byModel('ds6000');
  const santricity = byModel('santricity');
  const storwize = byModel('storwize');
  const volume = (array: ArrayDto, name: string, gib: number, group = name): VolumePlan => ({ name, arrayId: array.id, capacityBytes: gib * GiB, group });

  const shadowImage: CopyPlan[] = [];
  for (let p = 0; p < 4; p++) {
    const pvol = volume(xp7, `bench_si_p${p}`, 256);
    for (let s = 0; s < 3; s++)
      shadowImage.push({ type: 'shadowimage', source: pvol, target: volume(xp7, `bench_si_p${p}_s${s}`, 256), options: { pace: 'slower' } });
  }
  const ds: CopyPlan[] = Array.from({ length: 4 }, (_, i) => ({
    type: 'flashcopy',
    source: volume(ds6000, `bench_ds_${i}_src`, 1024, `ds${i}`),
    target: volume(ds6000, `bench_ds_${i}_tgt`, 1024, `ds${i}`),
    options: { mode: 'copy' },
  }));
  const volumeCopies: CopyPlan[] = Array.from({ length: 16 }, (_, i) => ({
    type: 'volume-copy',
    source: volume(santricity, `bench_vc_${i}_src`, 128),
    target: volume(santricity, `bench_vc_${i}_tgt`, 128),
    options: { priority: 'lowest' },
  }));
  const mappingsWanted = COPIES - shadowImage.length - ds.length - volumeCopies.length;
  const perSource = 50;
  const mappings: CopyPlan[] = [];
  for (let i = 0; i < mappingsWanted; i++) {
    const source = Math.floor(i / perSource);
    const src = mappings[source * perSource]?.source ?? volume(storwize, `bench_fc_${source}_src`, 8);
    mappings.push({ type: 'flashcopy', source: src, target: volume(storwize, `bench_fc_${source}_t${i % perSource}`, 8), options: { copyRate: 10 } });
  }
  // The baseline's 10 copies first (the latency probe is shadowImage[0]), of every service.
  const ordered = [
    ...shadowImage.slice(0, 3),
    ...ds.slice(0, 2),
    ...volumeCopies.slice(0, 2),
    ...mappings.slice(0, 3),
    ...shadowImage.slice(3),
    ...ds.slice(2),
    ...volumeCopies.slice(2),
    ...mappings.slice(3),
  ];
  return placeVolumes(arrays, ordered);
}

/** Puts every volume in a pool with room (a group's volumes in one pool); copies that do not fit are dropped. */
function placeVolumes(arrays: ArrayDto[], plans: CopyPlan[]): { plans: CopyPlan[]; shortfall: string[] } {
  const free = new Map<string, number>();
  for (const array of arrays) for (const pool of array.pools) free.set(pool.id, Number(pool.capacityBytes) - Number(pool.usedBytes));
  const poolOfGroup = new Map<string, string>();
  const placed = new Map<VolumePlan, string>();
  const kept: CopyPlan[] = [];
  const dropped = new Map<string, number>();
  for (const plan of plans) {
    const needs = [plan.source, plan.target].filter((v) => !placed.has(v));
    const trial = new Map(free);
    const choice = new Map<VolumePlan, string>();
    let fits = true;
    for (const v of needs) {
      const array = arrays.find((a) => a.id === v.arrayId)!;
      const fixed =
        poolOfGroup.get(`${v.arrayId}/${v.group}`) ?? [...choice.entries()].find(([other]) => other.group === v.group && other.arrayId === v.arrayId)?.[1];
      const candidates = fixed !== undefined ? [fixed] : [...array.pools].sort((a, b) => trial.get(b.id)! - trial.get(a.id)!).map((p) => p.id);
      const pool = candidates.find((id) => trial.get(id)! >= v.capacityBytes);
      if (pool === undefined) {
        fits = false;
        break;
      }
      trial.set(pool, trial.get(pool)! - v.capacityBytes);
      choice.set(v, pool);
    }
    if (!fits) {
      dropped.set(plan.type, (dropped.get(plan.type) ?? 0) + 1);
      continue;
    }
    for (const [v, pool] of choice) {
      placed.set(v, pool);
      poolOfGroup.set(`${v.arrayId}/${v.group}`, pool);
    }
    for (const [id, bytes] of trial) free.set(id, bytes);
    kept.push(plan);
  }
  for (const [v, pool] of placed) v.poolId = pool;
  return { plans: kept, shortfall: [...dropped].map(([type, n]) => `${n} ${type} copies did not fit in the demo fleet's pools`) };
}

export async function createCopies(api: Api, plans: CopyPlan[]): Promise<string[]> {
  const volumes = [...new Set(plans.flatMap((p) => [p.source, p.target]))].filter((v) => v.id === undefined);
  await pooled(volumes, CONCURRENCY, async (v) => {
    const created = await api.call<{ id: string }>('POST', '/api/volumes', {
      arrayId: v.arrayId,
      poolId: v.poolId,
      name: v.name,
      capacityBytes: v.capacityBytes,
    });
    v.id = created.id;
  });
  const copies = await pooled(plans, CONCURRENCY, (p) =>
    api.call<CopyDto>('POST', '/api/copies', { type: p.type, sourceVolumeId: p.source.id, targetVolumeId: p.target.id, options: p.options }),
  );
  return copies.map((c) => c.id);
}

// ---------------------------------------------------------------------------------------------
// Measurements in the page.

interface LatencySample {
  /** Request sent → DOM shows the new state (an upper bound on engine → DOM). */
  sendToDom: number;
  /** Request sent → the websocket frame with the new state reached the browser (server side of it). */
  sendToFrame: number;
  /** That frame → the DOM (the page's side: parse, cache, render). */
  frameToDom: number;
  /** API acknowledged → DOM (0 when the DOM already showed it: the push can beat the response). */
  ackToDom: number;
  ack: number;
}

/**
 * One action on the probe pair, sent from inside the page, timed on the page's own clock: every
 * change of the row's State cell is logged from just before the request, so a push that beats the
 * API's answer still counts from the moment it reached the DOM.
 */
interface PageSample {
  sendToDom: number;
  ackToDom: number;
  ack: number;
  state: string;
  before: string;
  /** Wall-clock times (ms since the epoch), comparable with Node's Date.now(). */
  sentWall: number;
  domWall: number;
}

function measureAction(page: Page, args: { copyId: string; action: string; mode?: string; csrf: string }): Promise<PageSample> {
  return page.evaluate(async ({ copyId, action, mode, csrf }) => {
    const table = document.querySelector('table[aria-label="Copy relationships"]');
    if (table === null) throw new Error('no Copies table');
    const headers = [...(table as HTMLTableElement).tHead!.rows[0]!.cells];
    const stateColumn = headers.findIndex((th) => th.textContent?.trim() === 'State');
    const shown = () => table.querySelector(`a[href="/copies/${copyId}"]`)?.closest('tr')?.cells[stateColumn]?.textContent?.trim();
    const initially = shown();
    if (initially === undefined) throw new Error('the probe pair is not in view');
    const changes: { at: number; text: string | undefined }[] = [];
    const before = shown();
    // The action's own change is the first the row shows (a quick split may even go on to PSUS
    // before the next push).
    const isChange = (text: string | undefined) => text !== undefined && text !== before;
    let found: (() => void) | null = null;
    const observer = new MutationObserver(() => {
      const text = shown();
      if (text === changes.at(-1)?.text) return;
      changes.push({ at: performance.now(), text });
      if (isChange(text)) found?.();
    });
    observer.observe(table, { subtree: true, childList: true, characterData: true });
    try {
      const sentAt = performance.now();
      const response = await fetch(`/api/copies/${copyId}/actions/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(mode === undefined ? {} : { mode }),
      });
      const ackAt = performance.now();
      const body = (await response.json()) as { state?: string };
      if (!response.ok || body.state === undefined) throw new Error(`${action}: ${response.status} ${JSON.stringify(body)}`);
      const state = body.state;
      if (state === before) throw new Error(`${action} left the pair in ${state}`);
      if (!changes.some((change) => isChange(change.text))) {
        await new Promise<void>((resolve, reject) => {
          found = resolve;
          setTimeout(() => reject(new Error(`the row never showed ${state} (shows ${shown()})`)), 15_000);
        });
      }
      const domAt = changes.find((change) => isChange(change.text))!.at;
      const wall = (at: number) => performance.timeOrigin + at;
      return {
        sendToDom: domAt - sentAt,
        ackToDom: Math.max(0, domAt - ackAt),
        ack: ackAt - sentAt,
        state,
        before: initially,
        sentWall: wall(sentAt),
        domWall: wall(domAt),
      };
    } finally {
      observer.disconnect();
    }
  }, args);
}

/** The probe's next action from its state: split (quick) → suspend (PSUE) → resync → split … */
function nextAction(state: string): { action: string; mode?: string } {
  if (state === 'PSUE') return { action: 'resync', mode: 'normal' };
  if (['PAIR', 'COPY(PD)', 'COPY(RS)'].includes(state)) return { action: 'split', mode: 'quick' };
  return { action: 'suspend' };
}

export async function latency(page: Page, api: Api, socket: SocketCounter, copyId: string, csrf: string): Promise<LatencySample[]> {
  await page.evaluate(() => document.querySelector('[role="region"][aria-label="Copies table"]')?.scrollTo(0, 0));
  await page.waitForFunction((id) => document.querySelector(`a[href="/copies/${id}"]`) !== null, copyId);
  const samples: LatencySample[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    // Asked each time: the simulation may have moved the pair on (a split finishing, say).
    const state = (await api.call<CopyDto>('GET', `/api/copies/${copyId}`)).state;
    const frames: Frame[] = [];
    socket.watch = { copyId, frames };
    const sample = await measureAction(page, { copyId, csrf, ...nextAction(state) });
    socket.watch = null;
    // The first push of the probe in another state than before, after the request left.
    const frameAt = frames.find((frame) => frame.at >= sample.sentWall - 1 && frame.state !== sample.before)?.at ?? sample.domWall;
    samples.push({
      sendToDom: sample.sendToDom,
      ackToDom: sample.ackToDom,
      ack: sample.ack,
      sendToFrame: Math.max(0, frameAt - sample.sentWall),
      frameToDom: Math.max(0, sample.domWall - frameAt),
    });
    // Off the flush interval's beat, so samples fall anywhere in it.
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * FLUSH_INTERVAL_MS));
  }
  return samples;
}

interface ScrollResult {
  frames: number;
  seconds: number;
  frameMs: number[];
  maxRows: number;
  rowsAtEnd: number;
  sweeps: number;
}

/**
 * Scrolls the Copies table at a steady `pxPerSec` for SCROLL_MS, bouncing at the ends, one step
 * per animation frame. The speed is fixed, not the time to cross the list: a longer list must not
 * mean a faster scroll (and more rows replaced per frame) than a shorter one.
 */
export function scroll(page: Page, pxPerSec: number): Promise<ScrollResult> {
  return page.evaluate(
    async ({ durationMs, speed }) => {
      const region = document.querySelector('[role="region"][aria-label="Copies table"]');
      if (region === null) throw new Error('no Copies table region');
      const range = region.scrollHeight - region.clientHeight;
      const frameMs: number[] = [];
      let maxRows = 0;
      return new Promise<ScrollResult>((resolve) => {
        let first: number | null = null;
        let last = 0;
        const frame = (now: number) => {
          if (first === null) first = now;
          else frameMs.push(now - last);
          last = now;
          maxRows = Math.max(maxRows, region.querySelectorAll('tbody tr').length);
          const t = now - first;
          if (t >= durationMs) {
            resolve({
              frames: frameMs.length,
              seconds: t / 1000,
              frameMs,
              maxRows,
              rowsAtEnd: region.querySelectorAll('tbody tr').length,
              sweeps: Math.floor((speed * t) / 1000 / Math.max(1, range)),
            });
            return;
          }
          // Down, then back up, then down again…: a triangle wave of the distance travelled.
          const travelled = (speed * t) / 1000;
          const lap = travelled % (2 * range);
          region.scrollTop = lap <= range ? lap : 2 * range - lap;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
    { durationMs: SCROLL_MS, speed: pxPerSec },
  );
}

interface Frame {
  /** Date.now() when Playwright reported the frame. */
  at: number;
  state: string;
}

export interface SocketCounter {
  bytes: number;
  messages: number;
  /** While set, frames carrying this copy are noted with the state they carry. */
  watch: { copyId: string; frames: Frame[] } | null;
}

export function countSocket(page: Page): SocketCounter {
  const counter: SocketCounter = { bytes: 0, messages: 0, watch: null };
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => {
      const at = Date.now();
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
      counter.bytes += typeof frame.payload === 'string' ? Buffer.byteLength(frame.payload) : frame.payload.length;
      counter.messages += 1;
      const watch = counter.watch;
      const index = watch === null ? -1 : text.indexOf(`{"id":"${watch.copyId}"`);
      if (watch === null || index < 0) return;
      // A Copy's fields come in the REST order: its own `state` is the first after its id.
      const state = /"state":"([^"]*)"/.exec(text.slice(index))?.[1];
      if (state !== undefined) watch.frames.push({ at, state });
    });
  });
  return counter;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks; the command name (field 2) may hold spaces.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Socket traffic one client receives over `ms`, and the server's CPU share meanwhile (1 = one core). */
export async function socketRate(
  counter: SocketCounter,
  ms: number,
  serverPid: number | undefined,
): Promise<{ bytesPerSec: number; messagesPerSec: number; serverCpu: number }> {
  const before = { ...counter };
  const cpuBefore = cpuSecondsOf(serverPid);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const seconds = (performance.now() - started) / 1000;
  return {
    bytesPerSec: (counter.bytes - before.bytes) / seconds,
    messagesPerSec: (counter.messages - before.messages) / seconds,
    serverCpu: (cpuSecondsOf(serverPid) - cpuBefore) / seconds,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures.

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface ScrollFigures {
  meanFps: number;
  p5Fps: number;
  minFps: number;
  longestMs: number;
  maxRows: number;
}
export function scrollFigures(result: ScrollResult): ScrollFigures {
  const longest = Math.max(...result.frameMs);
  return {
    meanFps: result.frames / result.seconds,
    p5Fps: 1000 / percentile(result.frameMs, 95),
    minFps: 1000 / longest,
    longestMs: longest,
    maxRows: result.maxRows,
  };
}

interface Row {
  metric: string;
  baseline: number;
  loaded: number;
  unit: string;
  digits: number;
  target?: { text: string; pass: (loaded: number) => boolean };
}

function printTable(rows: Row[]): void {
  const cells = rows.map((row) => {
    const ratio = row.baseline === 0 ? '—' : `${(row.loaded / row.baseline).toFixed(2)}×`;
    const value = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: row.digits, minimumFractionDigits: row.digits })} ${row.unit}`.trim();
    const result = row.target === undefined ? '' : row.target.pass(row.loaded) ? 'pass' : 'MISSED';
    return [row.metric, value(row.baseline), value(row.loaded), ratio, row.target?.text ?? '—', result];
  });
  const header = ['metric', 'baseline', 'loaded', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

export async function openCopies(page: Page, baseUrl: string, expectRows: number): Promise<void> {
  await page.goto(`${baseUrl}/copies`);
  await page.getByRole('table', { name: 'Copy relationships' }).waitFor();
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="copy-count"]')?.textContent?.startsWith(`${n.toLocaleString('en-US')} `) === true,
    expectRows,
    { timeout: 60_000 },
  );
  // The socket is subscribed once the console says it is live; give the first pushes a moment.
  await page.waitForTimeout(1_000);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadStart = load();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  console.log(`bench:ui — load average ${loadStart} (${os.cpus().length} cores)`);
  if (!process.argv.includes('--no-build')) buildIfNeeded();
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startServer();
    const { baseUrl } = server;
    const api = new Api(baseUrl, await adminToken(baseUrl, server.dataDir));
    await api.speed(0);
    const { plans, shortfall } = planFleet(await api.call<ArrayDto[]>('GET', '/api/arrays'));
    for (const line of shortfall) console.log(`note: ${line}`);

    // Phase 1: a quiet fleet of 10 copies.
    const baselineIds = await createCopies(api, plans.slice(0, BASELINE_COPIES));
    const probe = baselineIds[0]!;
    // The rest are created a simulated second later: the Copies table lists copies by creation
    // time, so the baseline's ten (the probe among them) stay at its top, in view.
    await api.call('POST', '/api/simulation/advance', { seconds: 1 });

    browser = await chromium.launch(CHROMIUM_LAUNCH);
    const signIn = await browser.newContext({ baseURL: baseUrl });
    const signedIn = await signIn.request.post('/api/session', { data: TEST_ADMIN });
    if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
    const storageState = await signIn.storageState();
    await signIn.close();
    const csrf = decodeURIComponent(storageState.cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? '');
    const context = await browser.newContext({ baseURL: baseUrl, storageState, viewport: VIEWPORT });
    // tsx compiles this file with esbuild's keepNames, which wraps the named functions inside the
    // page.evaluate callbacks in a __name(fn, "name") helper that exists only in Node.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    const socket = countSocket(page);

    await openCopies(page, baseUrl, baselineIds.length);
    const quietLatency = await latency(page, api, socket, probe, csrf);
    await api.speed(100);
    const quietSocket = await socketRate(socket, SOCKET_MS, server.process.pid);
    await api.speed(0);
    console.log(`[${seconds()}] baseline measured: latency with ${baselineIds.length} copies paused, socket with them at 100×`);

    // Phase 2: the rest of the 1,000, created paused with the page away.
    await page.goto('about:blank');
    const creating = performance.now();
    const loadedIds = await createCopies(api, plans.slice(BASELINE_COPIES));
    const total = baselineIds.length + loadedIds.length;
    console.log(`[${seconds()}] created ${loadedIds.length} more copies in ${((performance.now() - creating) / 1000).toFixed(1)} s: ${total} in all`);
    await openCopies(page, baseUrl, total);
    const pausedScroll = scrollFigures(await scroll(page, SCROLL_PX_PER_SEC));
    const pausedFling = scrollFigures(await scroll(page, FLING_PX_PER_SEC));
    console.log(`[${seconds()}] scrolled ${total} copies paused`);

    await api.speed(100);
    await page.waitForTimeout(3_000);
    const loadedSocket = await socketRate(socket, SOCKET_MS, server.process.pid);
    console.log(`[${seconds()}] socket measured at 100×`);
    const profiler = PAGE_PROFILE === undefined ? null : await context.newCDPSession(page);
    if (profiler !== null) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    if (TRACE !== undefined) await browser.startTracing(page, { path: TRACE, categories: TRACE_CATEGORIES });
    const loadedScroll = scrollFigures(await scroll(page, SCROLL_PX_PER_SEC));
    if (TRACE !== undefined) {
      await browser.stopTracing();
      console.log(`trace of the loaded scroll: ${TRACE}`);
    }
    if (profiler !== null && PAGE_PROFILE !== undefined) {
      const { profile } = await profiler.send('Profiler.stop');
      fs.writeFileSync(PAGE_PROFILE, JSON.stringify(profile));
      console.log(`page profile of the loaded scroll: ${PAGE_PROFILE}`);
    }
    const loadedFling = scrollFigures(await scroll(page, FLING_PX_PER_SEC));
    console.log(`[${seconds()}] scrolled at 100×`);
    const loadedLatency = await latency(page, api, socket, probe, csrf);
    console.log(`[${seconds()}] latency measured at 100×`);
    const copies = await api.call<CopyDto[]>('GET', '/api/copies');
    const states = new Map<string, number>();
    for (const copy of copies) states.set(copy.state, (states.get(copy.state) ?? 0) + 1);
    await api.speed(0);
    console.log(`[${seconds()}] paused`);

    const loadEnd = load();
    console.log('');
    console.log(`${total} copies at 100× (states at the end: ${[...states].map(([s, n]) => `${s} ${n}`).join(', ')})`);
    console.log(`Copies table <tr> in the DOM while scrolling ${total} rows: at most ${loadedScroll.maxRows} (paused ${pausedScroll.maxRows}) — virtualized`);
    console.log(`latency floor: pushes coalesced every ${FLUSH_INTERVAL_MS} ms, applied on the next animation frame`);
    console.log('');
    const q = (samples: LatencySample[], key: keyof LatencySample, p: number) =>
      percentile(
        samples.map((s) => s[key]),
        p,
      );
    const rows: Row[] = [
      { metric: 'latency send → DOM p50', baseline: q(quietLatency, 'sendToDom', 50), loaded: q(loadedLatency, 'sendToDom', 50), unit: 'ms', digits: 0 },
      {
        metric: 'latency send → DOM p95',
        baseline: q(quietLatency, 'sendToDom', 95),
        loaded: q(loadedLatency, 'sendToDom', 95),
        unit: 'ms',
        digits: 0,
        target: { text: '< 100 ms', pass: (v) => v < 100 },
      },
      { metric: 'latency send → DOM max', baseline: q(quietLatency, 'sendToDom', 100), loaded: q(loadedLatency, 'sendToDom', 100), unit: 'ms', digits: 0 },
      { metric: '  send → socket frame p95', baseline: q(quietLatency, 'sendToFrame', 95), loaded: q(loadedLatency, 'sendToFrame', 95), unit: 'ms', digits: 0 },
      { metric: '  socket frame → DOM p95', baseline: q(quietLatency, 'frameToDom', 95), loaded: q(loadedLatency, 'frameToDom', 95), unit: 'ms', digits: 0 },
      { metric: 'latency ack → DOM p95', baseline: q(quietLatency, 'ackToDom', 95), loaded: q(loadedLatency, 'ackToDom', 95), unit: 'ms', digits: 0 },
      { metric: 'API ack p95', baseline: q(quietLatency, 'ack', 95), loaded: q(loadedLatency, 'ack', 95), unit: 'ms', digits: 0 },
      {
        metric: `scroll fps mean, ${SCROLL_PX_PER_SEC} px/s`,
        baseline: pausedScroll.meanFps,
        loaded: loadedScroll.meanFps,
        unit: 'fps',
        digits: 1,
        target: { text: '≥ 58 fps', pass: (v) => v >= 58 },
      },
      {
        metric: 'scroll fps p5 (95th pct frame)',
        baseline: pausedScroll.p5Fps,
        loaded: loadedScroll.p5Fps,
        unit: 'fps',
        digits: 1,
        target: { text: '≥ 50 fps', pass: (v) => v >= 50 },
      },
      { metric: 'scroll longest frame', baseline: pausedScroll.longestMs, loaded: loadedScroll.longestMs, unit: 'ms', digits: 0 },
      { metric: `fling fps mean, ${FLING_PX_PER_SEC} px/s`, baseline: pausedFling.meanFps, loaded: loadedFling.meanFps, unit: 'fps', digits: 1 },
      {
        metric: `socket bytes/s per client (${baselineIds.length} → ${total})`,
        baseline: quietSocket.bytesPerSec,
        loaded: loadedSocket.bytesPerSec,
        unit: 'B/s',
        digits: 0,
        target: { text: '≤ 150 KB/s', pass: (v) => v <= 150 * 1024 },
      },
      {
        metric: `socket messages/s (${baselineIds.length} → ${total})`,
        baseline: quietSocket.messagesPerSec,
        loaded: loadedSocket.messagesPerSec,
        unit: '/s',
        digits: 1,
      },
      {
        metric: `server CPU at 100× (${baselineIds.length} → ${total})`,
        baseline: quietSocket.serverCpu * 100,
        loaded: loadedSocket.serverCpu * 100,
        unit: '% core',
        digits: 0,
      },
    ];
    printTable(rows);
    console.log('');
    console.log(
      `baselines: latency with ${baselineIds.length} copies paused; scroll with the same ${total} copies paused; socket with ${baselineIds.length} copies at 100×`,
    );
    console.log(`load average (1, 5, 15 min) at start ${loadStart} → end ${loadEnd}; runtime ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser?.close();
    if (server !== null) {
      await server.stop();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
