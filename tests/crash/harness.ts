// The crash harness (docs/architecture.md#crash-safety): the real server with copies of every
// service and host writes in flight, killed with SIGKILL at random moments and restarted on the
// same data, again and again.
// After each restart every volume's bytes and every relationship are compared with a model the
// harness keeps from what the server acknowledged:
//   - every acknowledged host write is there (docs/domain.md#invariants, 4); a write that was in
//     flight at the kill may be there, absent, or torn (as on a disk), never anything else;
//   - FlashCopy targets (storwize and ds6000) read the source as it was at T0 (invariant 1);
//   - a split ShadowImage S-VOL equals the P-VOL at the split (invariant 2);
//   - a completed volume copy's target equals its source (invariant 3); an in-progress one has
//     source and target on one controller (invariant 5);
//   - no relationship is lost and each is in a state its service has.
// Deterministic in what it writes (seeded); the kill moments come from the same seed, so a
// failing seed can be run again (`npm run test:crash -- --seed N`).
import fs from 'node:fs';
import { Prng } from '../../engine/data/prng';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { singleServer, TAKEOVER_SLACK_MS, twoNodeCluster, type Topology } from './topology';

const MiB = 1024 * 1024;
/** Small enough to read back whole every round, large enough for many grains. */
const VOLUME_BYTES = 16 * MiB;
/** The volume copy's source is larger so a kill often lands while it runs (lowest priority). */
const VOLUME_COPY_BYTES = 64 * MiB;
const READ_PIECE_BYTES = 16 * MiB;
// Slow enough that copy-on-write keeps happening over many rounds (each write may hit a new grain).
const WORKLOAD = { pattern: 'random', iops: 5, blockBytes: 4096, writePercent: 100 };
const WRITE_BYTES_MAX = 256 * 1024;
/** Every state the services have (docs/domain.md), to catch a relationship restored as nonsense. */
const KNOWN_STATES = new Set([
  'pending',
  'in-progress',
  'completed',
  'failed',
  'stopped',
  'SMPL',
  'COPY(PD)',
  'PAIR',
  'COPY(SP)',
  'PSUS(SP)',
  'PSUS',
  'COPY(RS)',
  'COPY(RS-R)',
  'PSUE',
  'SMPL(PD)',
  'idle_or_copied',
  'preparing',
  'prepared',
  'copying',
  'stopping',
  'suspended',
  'copy',
  'nocopy',
  'ended',
]);

export interface CrashOptions {
  rounds: number;
  seed: number;
  /** Kill the primary of a two-node cluster on PostgreSQL instead of a lone server (the takeover test). */
  cluster?: { leaseMs: number };
  /** Progress lines (one per round); silent by default. */
  log?: (line: string) => void;
}

export interface CrashReport {
  rounds: number;
  acknowledgedWrites: number;
  inDoubtWrites: number;
  /** Writes the simulated host workload made in the rounds before their kills. */
  workloadWrites: number;
  /** Each a sentence naming the round, volume or relationship, and what differed. */
  violations: string[];
  copyStates: string[];
  /** Cluster: each round's takeover time, kill to the survivor serving as primary. */
  takeoverMs: number[];
}

interface VolumeDto {
  id: string;
  name: string;
  currentOwner: string;
}
interface ArrayDto {
  id: string;
  model: string;
  pools: { id: string }[];
}
interface CopyDto {
  id: string;
  state: string;
  sourceVolumeId: string;
  targetVolumeId: string;
}

/** What the harness believes a volume holds; `inDoubt` ranges were being written at the kill. */
interface VolumeModel {
  id: string;
  name: string;
  /** Hosts write it; otherwise it is a copy target, checked by its service's rule instead. */
  hostWritten: boolean;
  bytes: Buffer;
  inDoubt: { offsetBytes: number; data: Buffer }[];
}

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const prng = new Prng(options.seed);
  const random = (below: number) => prng.u32() % below;
  const dataDir = fs.mkdtempSync(`${process.env.TMPDIR ?? '/tmp'}/grainline-crash-`);
  const topology: Topology = options.cluster === undefined ? await singleServer(dataDir) : await twoNodeCluster(dataDir, options.cluster.leaseMs);
  let token = await adminToken(topology.baseUrl(), dataDir);
  const api = apiClient(topology.baseUrl, () => bearer(token));
  const report: CrashReport = { rounds: 0, acknowledgedWrites: 0, inDoubtWrites: 0, workloadWrites: 0, violations: [], copyStates: [], takeoverMs: [] };
  const violation = (round: number, text: string) => report.violations.push(`round ${round}: ${text}`);

  const must = async <T>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> => {
    const result = await promise;
    if (result.status >= 300) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };

  try {
    // ---- the fleet: one relationship per service, plus a volume with none ---------------------
    await must(api.put('/api/simulation', { speed: 1 }), 'set speed');
    const arrays = await must(api.get<ArrayDto[]>('/api/arrays'), 'list arrays');
    const arrayOf = (model: string) => {
      const found = arrays.find((array) => array.model === model);
      if (found === undefined) throw new Error(`the demo fleet has no ${model} array`);
      return found;
    };
    const models = new Map<string, VolumeModel>();
    const createVolume = async (model: string, name: string, hostWritten: boolean, capacityBytes = VOLUME_BYTES): Promise<VolumeModel> => {
      const array = arrayOf(model);
      // One pool per array: a ds6000 relationship needs both volumes in one LSS.
      const created = await must(
        api.post<VolumeDto>('/api/volumes', { arrayId: array.id, poolId: array.pools[0]?.id, name: `crash_${options.seed}_${name}`, capacityBytes }),
        `create ${name}`,
      );
      const volume: VolumeModel = { id: created.id, name: created.name, hostWritten, bytes: Buffer.alloc(capacityBytes), inDoubt: [] };
      models.set(volume.id, volume);
      return volume;
    };
    const write = async (volume: VolumeModel, offsetBytes: number, data: Buffer): Promise<boolean> => {
      const result = await api.putBytes(`/api/volumes/${volume.id}/data?offset=${offsetBytes}`, data);
      if (result.status !== 204) return false;
      data.copy(volume.bytes, offsetBytes);
      report.acknowledgedWrites += 1;
      return true;
    };
    const randomWrite = (volume: VolumeModel): [number, Buffer] => {
      const length = 1 + random(WRITE_BYTES_MAX);
      const offsetBytes = random(volume.bytes.length - length);
      const data = Buffer.alloc(length);
      for (let i = 0; i < length; i += 4) data.writeUInt32LE(prng.u32(), Math.min(i, length - 4));
      return [offsetBytes, data];
    };
    const fill = async (volume: VolumeModel) => {
      for (let i = 0; i < 8; i++) await write(volume, ...randomWrite(volume));
    };

    const plain = await createVolume('storwize', 'plain', true);
    const fcSource = await createVolume('storwize', 'fc_src', true);
    const fcTarget = await createVolume('storwize', 'fc_tgt', false);
    const dsSource = await createVolume('ds6000', 'ds_src', true);
    const dsTarget = await createVolume('ds6000', 'ds_tgt', false);
    const pvol = await createVolume('xp7', 'si_p', true);
    const svol = await createVolume('xp7', 'si_s', false);
    const vcSource = await createVolume('santricity', 'vc_src', true, VOLUME_COPY_BYTES);
    const vcTarget = await createVolume('santricity', 'vc_tgt', false, VOLUME_COPY_BYTES);
    for (const volume of [plain, fcSource, dsSource, pvol, vcSource]) await fill(volume);

    // T0 is the start, with no write in flight: the snapshot is exactly what the target must read.
    // Created started: it prepares first and triggers (T0) when prepared, with no write meanwhile.
    const waitUntilCopying = async (created: CopyDto) => {
      for (let state = created.state; state !== 'copying'; state = (await must(api.get<CopyDto>(`/api/copies/${created.id}`), 'get mapping')).state) {
        if (!['preparing', 'prepared'].includes(state)) throw new Error(`mapping ${created.id} went ${state} instead of copying`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const mapping = await must(
      api.post<CopyDto>('/api/copies', { type: 'flashcopy', sourceVolumeId: fcSource.id, targetVolumeId: fcTarget.id, options: { copyRate: 20 } }),
      'create mapping',
    );
    await waitUntilCopying(mapping);
    const mappingT0 = Buffer.from(fcSource.bytes);
    // nocopy: the relationship lives on copy-on-write alone, so every round's source writes test it.
    const relationship = await must(
      api.post<CopyDto>('/api/copies', { type: 'flashcopy', sourceVolumeId: dsSource.id, targetVolumeId: dsTarget.id, options: { mode: 'nocopy' } }),
      'create ds6000 relationship',
    );
    const relationshipT0 = Buffer.from(dsSource.bytes);
    // A simulated host writes to this mapping's source all along (workload writes go through the
    // same held-back path as API writes); only its target's T0 image is checked.
    const workloadSource = await createVolume('storwize', 'wl_src', false);
    const workloadTarget = await createVolume('storwize', 'wl_tgt', false);
    await write(workloadSource, 0, Buffer.alloc(VOLUME_BYTES, 0x5a));
    const workloadMapping = await must(
      api.post<CopyDto>('/api/copies', { type: 'flashcopy', sourceVolumeId: workloadSource.id, targetVolumeId: workloadTarget.id, options: { copyRate: 10 } }),
      'create workload mapping',
    );
    await waitUntilCopying(workloadMapping);
    const workloadT0 = Buffer.alloc(VOLUME_BYTES, 0x5a);
    await must(api.post(`/api/volumes/${workloadSource.id}/workload`, WORKLOAD), 'start workload');
    const pair = await must(
      api.post<CopyDto>('/api/copies', { type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: svol.id, options: { pace: 'slower' } }),
      'create pair',
    );
    let splitSnapshot: Buffer | null = null;
    const volumeCopy = await must(
      api.post<CopyDto>('/api/copies', { type: 'volume-copy', sourceVolumeId: vcSource.id, targetVolumeId: vcTarget.id, options: { priority: 'lowest' } }),
      'create volume copy',
    );
    const copyIds = [mapping.id, relationship.id, pair.id, volumeCopy.id, workloadMapping.id];

    // ---- rounds ---------------------------------------------------------------------------------
    for (let round = 1; round <= options.rounds; round++) {
      const copies = new Map((await must(api.get<CopyDto[]>('/api/copies'), 'list copies')).map((copy) => [copy.id, copy]));
      // The pair is split once it is in sync; from then on the S-VOL must hold the split instant.
      const pairState = copies.get(pair.id)?.state;
      if (splitSnapshot === null && pairState === 'PAIR') {
        await must(api.post(`/api/copies/${pair.id}/actions/split`, { mode: 'quick' }), 'split');
        splitSnapshot = Buffer.from(pvol.bytes);
      }
      // A completed volume copy gets new source data and runs again, so kills land mid-copy.
      const vcState = copies.get(volumeCopy.id)?.state;
      if (vcState === 'completed') {
        await write(vcSource, ...randomWrite(vcSource));
        await must(api.post(`/api/copies/${volumeCopy.id}/actions/recopy`, {}), 'recopy');
      }

      const workloadLastRound = round === options.rounds;
      const workloadBefore = await api.get<{ stats: { writes: number } }>(`/api/volumes/${workloadSource.id}/workload`);
      await topology.prepare(token);
      // Host writes keep coming until the kill; whatever is in flight then is in doubt.
      const writable = [plain, fcSource, dsSource, pvol];
      let killed = false;
      const inFlight = new Map<number, { volume: VolumeModel; offsetBytes: number; data: Buffer }>();
      let nextWrite = 0;
      // Two writes in flight at once over the same bytes may be applied in either order, and their
      // answers arrive in either order too: the model could not say which one the volume holds.
      // So a writer never starts a write overlapping one still in flight on that volume.
      const overlapsInFlight = (volume: VolumeModel, offsetBytes: number, length: number) =>
        [...inFlight.values()].some(
          (other) => other.volume === volume && offsetBytes < other.offsetBytes + other.data.length && other.offsetBytes < offsetBytes + length,
        );
      const writer = async () => {
        while (!killed) {
          const volume = writable[random(writable.length)]!;
          const [offsetBytes, data] = randomWrite(volume);
          if (overlapsInFlight(volume, offsetBytes, data.length)) continue;
          const key = nextWrite++;
          inFlight.set(key, { volume, offsetBytes, data });
          try {
            const acknowledged = await write(volume, offsetBytes, data);
            if (!acknowledged && !killed) throw new Error(`a write to ${volume.name} was refused`);
            // Refused once the kill is under way: a backup that forwarded it to the dying primary
            // answers 503 primary_lost, "applied in full or not at all" — in doubt, as a cut connection.
            if (!acknowledged) continue;
          } catch (error) {
            if (!killed) throw error;
            continue; // the connection died with the server: this write stays in doubt
          }
          inFlight.delete(key);
        }
      };
      const writers = [writer(), writer(), writer()];
      await new Promise((resolve) => setTimeout(resolve, 200 + random(2_800)));
      const workloadAtKill = await api.get<{ stats: { writes: number } }>(`/api/volumes/${workloadSource.id}/workload`);
      if (workloadAtKill.status === 200)
        report.workloadWrites += workloadAtKill.body.stats.writes - (workloadBefore.status === 200 ? workloadBefore.body.stats.writes : 0);
      killed = true;
      await topology.kill();
      await Promise.allSettled(writers);
      for (const { volume, offsetBytes, data } of inFlight.values()) volume.inDoubt.push({ offsetBytes, data });
      report.inDoubtWrites += inFlight.size;

      const takeover = await topology.recover();
      token = await adminToken(topology.baseUrl(), dataDir);
      if (takeover !== null && options.cluster !== undefined) {
        report.takeoverMs.push(takeover.tookMs);
        if (takeover.tookMs > options.cluster.leaseMs + TAKEOVER_SLACK_MS) violation(round, `the backup took ${takeover.tookMs} ms to take over`);
        if (!takeover.sawTakeoverEvent) violation(round, 'a console on the surviving node never heard the takeover event');
        if (!takeover.sawCopiesAfter) violation(round, 'a console on the surviving node heard nothing from the new primary’s engine after the takeover');
      }

      // ---- compare --------------------------------------------------------------------------------
      // The restarted server copies on while the volumes are read: a volume copy that completes
      // meanwhile had its target read half copied. Only one completed before the reads is compared.
      const vcBeforeReads = (await must(api.get<CopyDto>(`/api/copies/${volumeCopy.id}`), 'read the volume copy')).state;
      for (const volume of models.values()) {
        const actual = await readWhole(api, volume);
        settleInDoubt(volume, actual, (text) => violation(round, text));
        if (volume.hostWritten && !actual.equals(volume.bytes))
          violation(round, `${volume.name}: ${describeDifference(volume.bytes, actual)} (acknowledged writes lost)`);
        volume.bytes = actual; // carry on from what is there, so one loss is reported once
      }
      const after = new Map((await must(api.get<CopyDto[]>('/api/copies'), 'list copies')).map((copy) => [copy.id, copy]));
      const volumes = new Map((await must(api.get<(VolumeDto & { arrayId: string })[]>('/api/volumes'), 'list volumes')).map((volume) => [volume.id, volume]));
      for (const id of copyIds) {
        const copy = after.get(id);
        if (copy === undefined) violation(round, `relationship ${id} is gone after the restart`);
        else if (!KNOWN_STATES.has(copy.state)) violation(round, `relationship ${id} came back in an unknown state ${copy.state}`);
      }
      const compare = (volume: VolumeModel, expected: Buffer, rule: string) => {
        const actual = models.get(volume.id)!.bytes;
        if (!actual.equals(expected)) violation(round, `${volume.name}: ${describeDifference(expected, actual)} (${rule})`);
      };
      compare(fcTarget, mappingT0, 'a FlashCopy target reads the source at T0');
      compare(dsTarget, relationshipT0, 'a FlashCopy target reads the source at T0');
      compare(workloadTarget, workloadT0, 'a FlashCopy target reads the source at T0 while a host workload writes the source');
      // Workloads are not kept across a restart (a simulated host is the console's, not the array's):
      // the harness starts it again, as a host would reconnect.
      if (!workloadLastRound) {
        await must(api.post(`/api/volumes/${workloadSource.id}/workload`, WORKLOAD), 'restart workload');
      }
      if (splitSnapshot !== null && ['PSUS', 'PSUS(SP)'].includes(after.get(pair.id)?.state ?? ''))
        compare(svol, splitSnapshot, 'a split S-VOL holds the P-VOL at the split');
      const vc = after.get(volumeCopy.id);
      if (vcBeforeReads === 'completed' && vc?.state === 'completed') compare(vcTarget, vcSource.bytes, 'a completed volume copy target equals its source');
      // The server runs again while the harness reads: the copy may complete (and its target go
      // back to its controller) between the copies and the volumes. In progress before and after
      // the volumes were read, it was in progress while they were.
      const vcAgain = (await must(api.get<CopyDto>(`/api/copies/${volumeCopy.id}`), 'read the volume copy')).state;
      if (vc?.state === 'in-progress' && vcAgain === 'in-progress' && volumes.get(vcSource.id)?.currentOwner !== volumes.get(vcTarget.id)?.currentOwner) {
        violation(round, 'an in-progress volume copy has source and target on different controllers');
      }
      report.rounds = round;
      report.copyStates = copyIds.map((id) => after.get(id)?.state ?? 'missing');
      log(
        `round ${round}: ${report.acknowledgedWrites} writes acknowledged, ${report.inDoubtWrites} in doubt, states ${report.copyStates.join(' / ')}, violations ${report.violations.length}`,
      );
    }
  } finally {
    await topology.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}

async function readWhole(api: ReturnType<typeof apiClient>, volume: VolumeModel): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let offsetBytes = 0; offsetBytes < volume.bytes.length; offsetBytes += READ_PIECE_BYTES) {
    const length = Math.min(READ_PIECE_BYTES, volume.bytes.length - offsetBytes);
    const result = await api.getBytes(`/api/volumes/${volume.id}/data?offset=${offsetBytes}&length=${length}`);
    if (result.status !== 200) throw new Error(`reading ${volume.name} at ${offsetBytes}: ${result.status} ${result.text}`);
    pieces.push(Buffer.from(result.bytes));
  }
  return Buffer.concat(pieces);
}

/**
 * Writes that were in flight at the kill: each byte they cover may hold the old or the new value
 * (a torn write), nothing else. The model takes what is there; anything else is a violation.
 */
function settleInDoubt(volume: VolumeModel, actual: Buffer, report: (text: string) => void): void {
  for (const { offsetBytes, data } of volume.inDoubt) {
    for (let i = 0; i < data.length; i++) {
      const at = offsetBytes + i;
      const value = actual[at]!;
      if (value !== volume.bytes[at] && value !== data[i]) {
        report(`${volume.name}: byte ${at} of a write in flight at the kill holds ${value}, neither old (${volume.bytes[at]}) nor new (${data[i]})`);
        break;
      }
      volume.bytes[at] = value;
    }
  }
  volume.inDoubt = [];
}

function describeDifference(expected: Buffer, actual: Buffer): string {
  let first = -1;
  let count = 0;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] === actual[i]) continue;
    if (first < 0) first = i;
    count += 1;
  }
  return `${count} bytes differ, the first at offset ${first}`;
}
