// Storwize's cleaning (docs/domain.md#storwize-chains): a mapping leaves its chain only once no
// other mapping reads grains through it. "Stopping: the mapping is in the process of copying data
// to another mapping" (the IBM Flex System V7000 guide). A copying mapping whose copy is complete
// becomes copied only once it has no dependent mappings; a stopping one becomes stopped then.
import { GrainBitmap } from '../data/grain-bitmap';
import type { Relationship } from '../copy/relationship';
import { tableFor } from '../copy/tables';
import { chainOf, isLive, isMember, materialise, type ChainWorld } from './chain';
import type { Holding } from './access';

/** Grains a dependent mapping still has to receive before `relationship` may leave its chain. */
export interface CleaningWork {
  dependent: Relationship;
  grains: GrainBitmap;
}

/**
 * Walks members newest first with the grains they would read from the leaving mapping (`mask`):
 * the first live one needs them; a stopping one does not, but those behind it read through it.
 */
function firstLiveNeeds(members: readonly Holding[], mask: GrainBitmap, out: CleaningWork[]): void {
  for (const holding of members) {
    const dependent = holding.relationship;
    // Mappings sharing volumes use one grain size (create refuses others); anything else is read whole.
    const comparable = dependent.grainCount === mask.grainCount;
    if (isLive(holding)) {
      const grains = dependent.toCopy.clone();
      if (comparable) grains.intersection(mask);
      if (grains.count() > 0) out.push({ dependent, grains });
      return;
    }
    if (comparable) mask.intersection(dependent.toCopy);
  }
}

/**
 * What must be copied to other mappings before this one may leave its chain; empty when nothing.
 * `cascade`: also count mappings copying from its target while it is not stopping (who depends on
 * it now, rather than what a stop must copy).
 */
export function cleaningWork(world: ChainWorld, holding: Holding, cascade = false): CleaningWork[] {
  const { relationship, spec } = holding;
  if (tableFor(relationship.model).chained !== true || !isMember(relationship, spec)) return [];
  const out: CleaningWork[] = [];
  // Older members of its own chain read its target's own bytes where it has copied.
  const chain = chainOf(world, relationship.sourceVolumeId);
  const older = chain.slice(chain.findIndex((h) => h.relationship === relationship) + 1);
  // Asked on every push of a mapping: the bitmaps are built only when someone could need them.
  if (older.length > 0) {
    const copied = new GrainBitmap(relationship.grainCount);
    copied.setRange(0, relationship.grainCount);
    copied.difference(relationship.toCopy);
    firstLiveNeeds(older, copied, out);
  }
  // Mappings copying from its target read through it where it has not copied; stopped, the
  // target no longer presents those bytes.
  const readers = (spec.cleans === true || cascade) && relationship.toCopy.count() > 0 ? chainOf(world, relationship.targetVolumeId) : [];
  if (readers.length > 0) firstLiveNeeds(readers, relationship.toCopy.clone(), out);
  return out;
}

/** A dependent and how many grains it still needs (cleaningWork, counted). */
export interface CleaningCount {
  dependent: Relationship;
  grains: number;
}

/**
 * cleaningWork as counts, for the console's view of every moving mapping on every push: in the
 * usual chain (the next member is live and counts grains alike) one count over two bitmaps
 * answers, where cleaningWork builds and intersects bitmaps of the whole volume. Anything else
 * (stopping members in between, a grain size apart) is worked out in full.
 */
export function cleaningCounts(world: ChainWorld, holding: Holding, cascade = false): CleaningCount[] {
  const { relationship, spec } = holding;
  if (tableFor(relationship.model).chained !== true || !isMember(relationship, spec)) return [];
  const full = () => cleaningWork(world, holding, cascade).map(({ dependent, grains }) => ({ dependent, grains: grains.count() }));
  const out: CleaningCount[] = [];
  const own = relationship.toCopy;
  const chain = chainOf(world, relationship.sourceVolumeId);
  const next = chain[chain.findIndex((h) => h.relationship === relationship) + 1];
  if (next !== undefined) {
    if (!isLive(next) || next.relationship.grainCount !== relationship.grainCount) return full();
    // What it needs where this one has copied: |next \ own| = |next ∪ own| − |own|.
    const grains = next.relationship.toCopy.countUnion([own]) - own.count();
    if (grains > 0) out.push({ dependent: next.relationship, grains });
  }
  const readers = (spec.cleans === true || cascade) && own.count() > 0 ? chainOf(world, relationship.targetVolumeId) : [];
  const reader = readers[0];
  if (reader !== undefined) {
    if (!isLive(reader) || reader.relationship.grainCount !== relationship.grainCount) return full();
    // What it needs where this one has not copied: |reader ∩ own| = |reader| + |own| − |reader ∪ own|.
    const grains = reader.relationship.toCopy.count() + own.count() - reader.relationship.toCopy.countUnion([own]);
    if (grains > 0) out.push({ dependent: reader.relationship, grains });
  }
  return out;
}

export function cleaningGrainsLeft(world: ChainWorld, holding: Holding): number {
  return cleaningWork(world, holding).reduce((sum, work) => sum + work.grains.count(), 0);
}

export interface CleanStep {
  /** Grains the dependents still needed when the step began. */
  grainsLeftBefore: number;
  accountedBytes: number;
  movedBytes: number;
  dependents: Relationship[];
}

/** Budget beyond this many seconds of cleaning is not carried over (as the copier). */
const BUDGET_CARRY_SECONDS = 1;

/** Copies dependents' grains at `rateBytesPerSec` for `elapsedMs`, within `movedBytesMax` of real work. */
export function cleanStep(world: ChainWorld, holding: Holding, rateBytesPerSec: number, elapsedMs: number, movedBytesMax: number): CleanStep {
  const relationship = holding.relationship;
  const work = cleaningWork(world, holding);
  const step: CleanStep = { grainsLeftBefore: work.reduce((sum, item) => sum + item.grains.count(), 0), accountedBytes: 0, movedBytes: 0, dependents: [] };
  if (work.length === 0 || rateBytesPerSec <= 0) {
    relationship.budgetBytes = 0;
    return step;
  }
  const carryMax = (rateBytesPerSec * Math.max(BUDGET_CARRY_SECONDS * 1000, elapsedMs)) / 1000 + relationship.grainBytes;
  relationship.budgetBytes = Math.min(relationship.budgetBytes + (rateBytesPerSec * elapsedMs) / 1000, carryMax);
  for (const { dependent, grains } of work) {
    let grain = grains.nextSet(0);
    while (grain >= 0 && step.movedBytes < movedBytesMax) {
      const affordable = Math.floor(relationship.budgetBytes / dependent.grainBytes);
      if (affordable === 0) break;
      const clear = grains.nextClear(grain);
      const stop = Math.min(clear < 0 ? dependent.grainCount : clear, grain + affordable);
      step.movedBytes += materialise(world, dependent, grain, stop - grain);
      const endBytes = Math.min(stop * dependent.grainBytes, dependent.sourceCapacityBytes);
      step.accountedBytes += endBytes - grain * dependent.grainBytes;
      relationship.budgetBytes -= (stop - grain) * dependent.grainBytes;
      grain = grains.nextSet(stop);
    }
    step.dependents.push(dependent);
  }
  return step;
}

/** Cleans at once, whatever the rate: a mapping leaving its chain by a fault or a forced delete. */
export function cleanNow(world: ChainWorld, holding: Holding): Relationship[] {
  const dependents: Relationship[] = [];
  for (const { dependent, grains } of cleaningWork(world, holding, true)) {
    let grain = grains.nextSet(0);
    while (grain >= 0) {
      const clear = grains.nextClear(grain);
      const stop = clear < 0 ? dependent.grainCount : clear;
      materialise(world, dependent, grain, stop - grain);
      grain = grains.nextSet(stop);
    }
    dependents.push(dependent);
  }
  return dependents;
}
