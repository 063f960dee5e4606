// What a point-in-time target presents, and what must be saved before a volume changes, when
// mappings share volumes (docs/domain.md#storwize-chains). Storwize keeps the mappings of one
// source in a chain, newest first: a source write saves its grain only on the newest target that
// has not copied it; an older target reads an uncopied grain from the next newer target that holds
// it, else from the source. A mapping whose source is another mapping's target (a cascade) reads
// that target's presented image. Other services' point-in-time relationships are chains of one.
import assert from 'node:assert';
import { tableFor } from '../copy/tables';
import type { Relationship } from '../copy/relationship';
import type { StateSpec } from '../copy/types';
import { firstWriteCount } from '../data/allocation-map';
import { copyBytes } from '../data/grain-copy';
import type { VolumeStore } from '../data/volume-store';
import type { Holding } from './access';

/** What the chain rules need of the engine: the stores and which relationships hold a volume. */
export interface ChainWorld {
  store(volumeId: string): VolumeStore;
  holdings(volumeId: string): readonly Holding[];
  /** Set while no relationship can change state or chain (see ChainMemo); null otherwise. */
  chainMemo?: ChainMemo | null;
}

/**
 * Chains and read paths, each worked out once during a stretch of work in which no relationship
 * changes state, joins or leaves a chain, or is registered (the copier's and the cleaner's pass of
 * a tick). Worked out afresh, a source with 50 mappings costs each of them a walk of the whole
 * chain that sorts the chain at every step: most of the server's CPU with 1,000 mappings copying.
 */
export interface ChainMemo {
  chains: Map<string, readonly Holding[]>;
  upstreams: Map<Relationship, string>;
  behind: Map<string, readonly string[]>;
  /** The stores of each path in `behind` (a store is replaced only by a volume command, which drops the memo). */
  stores: Map<readonly string[], readonly VolumeStore[]>;
  /** Of those, the ones holding data, as of a firstWriteCount(). */
  written: Map<readonly string[], { firstWrites: number; stores: readonly VolumeStore[] }>;
}

export function newChainMemo(): ChainMemo {
  return { chains: new Map(), upstreams: new Map(), behind: new Map(), stores: new Map(), written: new Map() };
}

/** A run of bytes a volume presents, and the volume whose own bytes hold it. */
export interface Piece {
  volumeId: string;
  startBytes: number;
  endBytes: number;
}

/** Chains longer than this are a bug (a cycle); a real array's tree is at most 256 mappings. */
const RESOLVE_DEPTH_MAX = 1024;

/** In a point-in-time state since its own T0: its target redirects uncopied grains. */
export function isMember(relationship: Relationship, spec: StateSpec): boolean {
  return spec.data === 'point-in-time' && relationship.joinedChain;
}

/** A member whose own image is still wanted (not stopping: a stopping mapping's target is being given up). */
export function isLive(holding: Holding): boolean {
  return isMember(holding.relationship, holding.spec) && holding.spec.cleans !== true;
}

/**
 * Whether a member's target image must stay as it is: it is live, or (stopping) mappings copying
 * from its target still read through it until its cleaning has given them their grains.
 */
function imageWanted(world: ChainWorld, holding: Holding): boolean {
  if (isLive(holding)) return true;
  if (!isMember(holding.relationship, holding.spec)) return false;
  return chainOf(world, holding.relationship.targetVolumeId).some((reader) => reader.relationship.toCopy.count() > 0);
}

function isChained(relationship: Relationship): boolean {
  return tableFor(relationship.model).chained === true;
}

/** The member whose target is `volumeId`, if any (a volume is the target of one relationship at most). */
export function redirectOf(world: ChainWorld, volumeId: string): Holding | undefined {
  return world.holdings(volumeId).find((h) => h.relationship.targetVolumeId === volumeId && isMember(h.relationship, h.spec));
}

/** The members copying from `sourceVolumeId` in one chain, newest T0 first (ties: the higher mapping number). */
export function chainOf(world: ChainWorld, sourceVolumeId: string): readonly Holding[] {
  const known = world.chainMemo?.chains.get(sourceVolumeId);
  if (known !== undefined) return known;
  const chain = world
    .holdings(sourceVolumeId)
    .filter((h) => h.relationship.sourceVolumeId === sourceVolumeId && isChained(h.relationship) && isMember(h.relationship, h.spec))
    .sort((a, b) => (b.relationship.pointInTimeMs ?? 0) - (a.relationship.pointInTimeMs ?? 0) || b.relationship.number - a.relationship.number);
  world.chainMemo?.chains.set(sourceVolumeId, chain);
  return chain;
}

/** The volume a member reads its uncopied grains from: the next newer target in its chain, else its source. */
export function upstreamVolumeOf(world: ChainWorld, relationship: Relationship): string {
  if (!isChained(relationship)) return relationship.sourceVolumeId;
  const memo = world.chainMemo;
  const known = memo?.upstreams.get(relationship);
  if (known !== undefined) return known;
  const chain = chainOf(world, relationship.sourceVolumeId);
  if (memo === undefined || memo === null) {
    const index = chain.findIndex((h) => h.relationship === relationship);
    return index > 0 ? chain[index - 1]!.relationship.targetVolumeId : relationship.sourceVolumeId;
  }
  // Remembered for the whole chain at once: asking member by member would search the chain each time.
  chain.forEach((h, index) => memo.upstreams.set(h.relationship, index > 0 ? chain[index - 1]!.relationship.targetVolumeId : h.relationship.sourceVolumeId));
  return memo.upstreams.get(relationship) ?? relationship.sourceVolumeId;
}

/**
 * The end of the run of grains equal to `grain`'s bit, at most `limit`. Scans no further than
 * `limit`: an unbounded scan from every written grain of a sparse volume walks the rest of its
 * bitmap each time (16 M grains per grain copied, for 1 TiB).
 */
function runEnd(relationship: Relationship, grain: number, isSet: boolean, limit: number): number {
  const bitmap = relationship.toCopy;
  const end = Math.min(limit, relationship.grainCount);
  assert(grain < end);
  if (isSet ? bitmap.testRangeAll(grain, end - grain) : !bitmap.testRangeAny(grain, end - grain)) return end;
  const next = isSet ? bitmap.nextClear(grain) : bitmap.nextSet(grain);
  return Math.min(next, end);
}

/** Appends to `out` the pieces holding what `volumeId` presents at [startBytes, endBytes). */
export function resolveImage(world: ChainWorld, volumeId: string, startBytes: number, endBytes: number, out: Piece[], depth = 0): void {
  assert(depth < RESOLVE_DEPTH_MAX, `the images of ${volumeId} resolve through more than ${RESOLVE_DEPTH_MAX} volumes: a cycle`);
  if (endBytes <= startBytes) return;
  const redirect = redirectOf(world, volumeId)?.relationship;
  if (redirect === undefined || redirect.toCopy.count() === 0) {
    out.push({ volumeId, startBytes, endBytes });
    return;
  }
  const upstream = upstreamVolumeOf(world, redirect);
  const grainBytes = redirect.grainBytes;
  let position = startBytes;
  while (position < endBytes) {
    const grain = Math.floor(position / grainBytes);
    if (grain >= redirect.grainCount) {
      out.push({ volumeId, startBytes: position, endBytes });
      return;
    }
    const isSet = redirect.toCopy.get(grain);
    const stop = Math.min(endBytes, runEnd(redirect, grain, isSet, Math.ceil(endBytes / grainBytes)) * grainBytes);
    if (isSet) resolveImage(world, upstream, position, stop, out, depth + 1);
    else out.push({ volumeId, startBytes: position, endBytes: stop });
    position = stop;
  }
}

/** What a volume presents at [offsetBytes, +lengthBytes), through its chain. */
export function readImage(world: ChainWorld, volumeId: string, offsetBytes: number, lengthBytes: number): Uint8Array {
  const pieces: Piece[] = [];
  resolveImage(world, volumeId, offsetBytes, offsetBytes + lengthBytes, pieces);
  if (pieces.length === 1 && pieces[0]!.volumeId === volumeId) return world.store(volumeId).read(offsetBytes, lengthBytes);
  const buffer = new Uint8Array(lengthBytes);
  for (const piece of pieces) {
    world.store(piece.volumeId).readInto(piece.startBytes, buffer.subarray(piece.startBytes - offsetBytes, piece.endBytes - offsetBytes));
  }
  return buffer;
}

/** The volumes a member's uncopied grains may be read from, nearest first (for the copier's thin skip). */
export function imagePath(world: ChainWorld, relationship: Relationship): readonly string[] {
  return volumesBehind(world, upstreamVolumeOf(world, relationship));
}

/** `volumeId` and the volumes its presented image may be read from, nearest first. */
export function volumesBehind(world: ChainWorld, start: string): readonly string[] {
  const known = world.chainMemo?.behind.get(start);
  if (known !== undefined) return known;
  const path = walkBehind(world, start);
  world.chainMemo?.behind.set(start, path);
  return path;
}

/** The stores of the volumes on a path volumesBehind answered, in its order. */
export function storesAlong(world: ChainWorld, path: readonly string[]): readonly VolumeStore[] {
  const known = world.chainMemo?.stores.get(path);
  if (known !== undefined) return known;
  const stores = path.map((id) => world.store(id));
  world.chainMemo?.stores.set(path, stores);
  return stores;
}

/**
 * The stores on a path (storesAlong) that hold any data: the only ones that can say a grain was
 * written. A long chain is mostly volumes never written, which each of its fifty mappings would
 * otherwise ask at every tick; the answer is kept until some volume, anywhere, is first written.
 */
export function writtenAlong(world: ChainWorld, path: readonly string[]): readonly VolumeStore[] {
  const firstWrites = firstWriteCount();
  const known = world.chainMemo?.written.get(path);
  if (known !== undefined && known.firstWrites === firstWrites) return known.stores;
  const stores = storesAlong(world, path).filter((store) => store.allocatedBytes() > 0);
  world.chainMemo?.written.set(path, { firstWrites, stores });
  return stores;
}

function walkBehind(world: ChainWorld, start: string): string[] {
  const path: string[] = [];
  let volumeId = start;
  // A restore and the mapping it reverses redirect to each other's volumes (on disjoint grains):
  // the path ends where it comes back.
  while (!path.includes(volumeId)) {
    // The walk from here was done before (the mappings of one source share their paths' tails):
    // it is this walk's tail unless it comes back to where this one has been.
    const tail = path.length > 0 ? world.chainMemo?.behind.get(volumeId) : undefined;
    if (tail !== undefined && tail.every((id) => !path.includes(id))) return [...path, ...tail];
    path.push(volumeId);
    const redirect = redirectOf(world, volumeId)?.relationship;
    if (redirect === undefined) {
      // Ended without coming back: every tail of it is the walk from its first volume.
      path.forEach((id, index) => world.chainMemo?.behind.set(id, path.slice(index)));
      return path;
    }
    volumeId = upstreamVolumeOf(world, redirect);
  }
  return path;
}

/**
 * Writes onto the member's target the image it presents for its uncopied grains in
 * [first, first + count), and marks them copied. The target presents the same bytes before and
 * after, so nobody reading through it needs anything saved first. Returns bytes really written.
 */
export function materialise(world: ChainWorld, relationship: Relationship, first: number, count: number): number {
  const end = Math.min(relationship.grainCount, first + count);
  let grain = relationship.toCopy.nextSet(first);
  if (grain < 0 || grain >= end) return 0;
  const upstream = upstreamVolumeOf(world, relationship);
  const target = world.store(relationship.targetVolumeId);
  let movedBytes = 0;
  while (grain >= 0 && grain < end) {
    const stop = runEnd(relationship, grain, true, end);
    const startBytes = grain * relationship.grainBytes;
    const endBytes = Math.min(stop * relationship.grainBytes, relationship.sourceCapacityBytes);
    const pieces: Piece[] = [];
    resolveImage(world, upstream, startBytes, endBytes, pieces);
    for (const piece of pieces) {
      const report = copyBytes(world.store(piece.volumeId), target, piece.startBytes, piece.endBytes);
      movedBytes += report.bytesMoved + report.bytesZeroed;
    }
    relationship.toCopy.clearRange(grain, stop - grain);
    grain = stop >= end ? -1 : relationship.toCopy.nextSet(stop);
  }
  return movedBytes;
}

/** Copies what `fromVolumeId` presents at [startBytes, endBytes) onto the same bytes of `to`; returns bytes written. */
export function copyImage(world: ChainWorld, fromVolumeId: string, to: VolumeStore, startBytes: number, endBytes: number): number {
  const pieces: Piece[] = [];
  resolveImage(world, fromVolumeId, startBytes, endBytes, pieces);
  let written = 0;
  for (const piece of pieces) {
    const report = copyBytes(world.store(piece.volumeId), to, piece.startBytes, piece.endBytes);
    written += report.bytesMoved + report.bytesZeroed;
  }
  return written;
}

/** Byte ranges, kept sorted and disjoint. */
type Ranges = [number, number][];

function subtract(ranges: Ranges, startBytes: number, endBytes: number): Ranges {
  const out: Ranges = [];
  for (const [a, b] of ranges) {
    if (endBytes <= a || startBytes >= b) out.push([a, b]);
    else {
      if (a < startBytes) out.push([a, startBytes]);
      if (endBytes < b) out.push([endBytes, b]);
    }
  }
  return out;
}

/**
 * Walks members newest first over the bytes still exposed: a member whose image is wanted and
 * has not copied a grain gets it now (and protects everyone older); a member that holds a grain
 * already protects everyone older; a stopping member nobody reads through does not need its own
 * grains, so the next one is asked. Adds the members it wrote to to `touched`.
 */
function preserveAlong(world: ChainWorld, members: readonly Holding[], startBytes: number, endBytes: number, touched: Set<Relationship>): void {
  let exposed: Ranges = [[startBytes, endBytes]];
  for (const holding of members) {
    if (exposed.length === 0) return;
    const relationship = holding.relationship;
    const live = imageWanted(world, holding);
    let next: Ranges = exposed;
    for (const [a, b] of exposed) {
      const firstGrain = Math.floor(a / relationship.grainBytes);
      const endGrain = Math.min(relationship.grainCount, Math.ceil(b / relationship.grainBytes));
      let grain = firstGrain;
      while (grain < endGrain) {
        const isSet = relationship.toCopy.get(grain);
        const stop = runEnd(relationship, grain, isSet, endGrain);
        if (isSet && live) {
          materialise(world, relationship, grain, stop - grain);
          touched.add(relationship);
        }
        if (!isSet || live) next = subtract(next, grain * relationship.grainBytes, stop * relationship.grainBytes);
        grain = stop;
      }
    }
    exposed = next;
  }
}

/**
 * Before bytes of `volumeId` change: every member that reads them through this volume gets its
 * copy first. As a source: the chain of mappings copying from it. As a target: the older members
 * of its own mapping's chain, which read through it. Returns the relationships whose bitmaps changed.
 */
export function preserveBeforeWrite(world: ChainWorld, volumeId: string, startBytes: number, endBytes: number): Set<Relationship> {
  const touched = new Set<Relationship>();
  const holdings = world.holdings(volumeId);
  // Relationships of other services are chains of one: each saves its own grains.
  for (const holding of holdings) {
    const relationship = holding.relationship;
    if (relationship.sourceVolumeId === volumeId && !isChained(relationship) && isMember(relationship, holding.spec)) {
      preserveAlong(world, [holding], startBytes, endBytes, touched);
    }
  }
  preserveAlong(world, chainOf(world, volumeId), startBytes, endBytes, touched);
  const redirect = redirectOf(world, volumeId);
  if (redirect !== undefined && isChained(redirect.relationship)) {
    const chain = chainOf(world, redirect.relationship.sourceVolumeId);
    const index = chain.findIndex((h) => h.relationship === redirect.relationship);
    preserveAlong(world, chain.slice(index + 1), startBytes, endBytes, touched);
  }
  return touched;
}

/**
 * Every relationship whose bitmaps a write to `volumeId` consults (preserveBeforeWrite's reach):
 * the volume's own relationships, and, when it is a chained target, the chain it belongs to.
 */
export function relationshipsWrittenThrough(world: ChainWorld, volumeId: string): Relationship[] {
  const own = world.holdings(volumeId).map((h) => h.relationship);
  const redirect = redirectOf(world, volumeId);
  if (redirect === undefined || !isChained(redirect.relationship)) return own;
  return [...new Set([...own, ...chainOf(world, redirect.relationship.sourceVolumeId).map((h) => h.relationship)])];
}

/**
 * Before a volume takes a new point in time (its mapping starts), everything copying from it
 * gets the rest of its image: the volume is about to present other bytes everywhere. The one
 * exception is the mapping being restored (the reverse of the one starting): where it has not
 * copied, the restoring mapping has nothing to copy either (restoreExclusions).
 */
export function preserveBeforeNewImage(world: ChainWorld, starting: Relationship): Set<Relationship> {
  const touched = new Set<Relationship>();
  // Chains of one too: an XP7 layer-2 pair split from a layer-1 S-VOL about to split again.
  const loners = world
    .holdings(starting.targetVolumeId)
    .filter((h) => h.relationship.sourceVolumeId === starting.targetVolumeId && !isChained(h.relationship) && isMember(h.relationship, h.spec));
  for (const holding of [...chainOf(world, starting.targetVolumeId), ...loners]) {
    const relationship = holding.relationship;
    if (restorable(world, relationship, starting)) continue;
    if (relationship.toCopy.count() === 0) continue;
    materialise(world, relationship, 0, relationship.grainCount);
    touched.add(relationship);
  }
  return touched;
}

export function isReverseOf(a: Pick<Relationship, 'sourceVolumeId' | 'targetVolumeId'>, b: Pick<Relationship, 'sourceVolumeId' | 'targetVolumeId'>): boolean {
  return a.sourceVolumeId === b.targetVolumeId && a.targetVolumeId === b.sourceVolumeId;
}

/**
 * Whether `forward`'s uncopied grains are the restore's target's own bytes: it reverses the
 * restore, counts grains alike, and reads straight from its source (the newest of its chain).
 */
function restorable(world: ChainWorld, forward: Relationship, restore: Relationship): boolean {
  return isReverseOf(forward, restore) && forward.grainBytes === restore.grainBytes && upstreamVolumeOf(world, forward) === forward.sourceVolumeId;
}

/**
 * A restore starting while the mapping it reverses still copies: where that mapping has not
 * copied, its target presents the restore's target's own bytes, so the restore has nothing to
 * copy there. Leaves the two mappings' uncopied grains disjoint, so neither redirects into the other.
 */
export function excludeRestoredGrains(world: ChainWorld, restore: Relationship): void {
  for (const holding of chainOf(world, restore.targetVolumeId)) {
    const forward = holding.relationship;
    if (!restorable(world, forward, restore)) continue;
    restore.toCopy.difference(forward.toCopy);
    restore.cycleGrains = restore.toCopy.count();
  }
}
