// Every action of every service in every state: allowed ones reach the table's next state;
// forbidden ones throw and leave state and bitmaps as they were.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { ArrayModel } from '../model';
import { createFixture } from '../testing/fixture';
import { snapshotTable } from './snapshot';
import { SERVICE_TABLES, findTransition, statesInWords } from './tables';
import { COPY_TYPES, copyTypeOf } from './types';

const MODELS: ArrayModel[] = ['santricity', 'xp7', 'storwize', 'ds6000'];

function cases(model: ArrayModel) {
  const table = SERVICE_TABLES[model];
  return Object.keys(table.states).flatMap((state) =>
    Object.entries(table.actions).flatMap(([action, spec]) => (spec.modes ?? [undefined]).map((mode) => ({ state, action, mode }))),
  );
}

describe.each(MODELS)('%s state table', (model) => {
  const table = SERVICE_TABLES[model];

  it('names only its own states as targets, and every state is reachable', () => {
    const targets = new Set<string>(table.created.started.map((row) => row.to));
    if (table.created.unstarted !== null) targets.add(table.created.unstarted);
    for (const spec of Object.values(table.actions)) for (const row of spec.transitions) targets.add(row.to);
    for (const rows of Object.values(table.automatic)) for (const row of rows ?? []) targets.add(row.to);
    for (const target of targets) expect(Object.keys(table.states)).toContain(target);
    // SMPL(PD) is entered by deleting the pair (DELETE), not by an action of the table.
    const unreachable = Object.keys(table.states).filter((state) => !targets.has(state) && !(model === 'xp7' && state === 'SMPL(PD)'));
    expect(unreachable).toEqual([]);
    expect(COPY_TYPES).toContain(table.type);
  });

  it.each(cases(model))('$action ($mode) in $state', ({ state, action, mode }) => {
    const fixture = createFixture();
    const { engine } = fixture;
    const start = model === 'storwize' || model === 'santricity' ? false : true;
    // DS6000 with change recording, so rows guarded by it (resync, reverse normal) are on trial too.
    const options = model === 'ds6000' ? { persistent: true, incremental: true } : {};
    const copy = engine.createCopy({
      type: copyTypeOf(table),
      sourceVolumeId: fixture.volume(model, 0).id,
      targetVolumeId: fixture.volume(model, 1).id,
      start,
      options,
    });
    // Put the relationship in the state under test directly: the table, not a path, is on trial.
    copy.state = state;
    const lookup = findTransition(table, action, state, mode);
    const toCopyBefore = copy.toCopy.count();
    if (lookup.ok) {
      engine.act(copy.id, action, mode);
      const settled = [
        lookup.transition.to,
        ...Object.values(table.automatic).flatMap((rows) => (rows ?? []).filter((r) => r.from.includes(lookup.transition.to)).map((r) => r.to)),
      ];
      expect(settled).toContain(engine.copy(copy.id)?.state ?? 'SMPL');
    } else {
      expect(() => engine.act(copy.id, action, mode)).toThrow(EngineError);
      expect(copy.state).toBe(state);
      expect(copy.toCopy.count()).toBe(toCopyBefore);
    }
  });
});

describe('SANtricity snapshot state table', () => {
  const table = snapshotTable;
  const snapshotCases = Object.keys(table.states).flatMap((state) => Object.keys(table.actions).map((action) => ({ state, action })));

  function snapshotIn(state: string) {
    const fixture = createFixture({ volumesPerArray: 4 });
    const { engine } = fixture;
    const base = fixture.volume('santricity', 0);
    engine.addVolume({ ...base, id: 'snap', name: 'snap', roles: [], snapshot: { baseVolumeId: base.id, repositoryCapacityBytes: base.capacityBytes } });
    const snapshot = engine.createSnapshot('snap');
    snapshot.state = state;
    return { engine, snapshot };
  }

  it('names only its own states as targets, and every state is reachable', () => {
    const targets = new Set<string>(table.created.started.map((row) => row.to));
    for (const spec of Object.values(table.actions)) for (const row of spec.transitions) targets.add(row.to);
    for (const rows of Object.values(table.automatic)) for (const row of rows ?? []) targets.add(row.to);
    expect([...targets].sort()).toEqual(Object.keys(table.states).sort());
  });

  it.each(snapshotCases)('$action in $state', ({ state, action }) => {
    const { engine, snapshot } = snapshotIn(state);
    const lookup = findTransition(table, action, state);
    const toCopyBefore = snapshot.toCopy.count();
    if (lookup.ok) {
      engine.actOnSnapshot('snap', action);
      expect(snapshot.state).toBe(lookup.transition.to);
    } else {
      expect(() => engine.actOnSnapshot('snap', action)).toThrow(EngineError);
      expect(snapshot.state).toBe(state);
      expect(snapshot.toCopy.count()).toBe(toCopyBefore);
    }
  });
});

describe('action names', () => {
  it('refuses names objects inherit (constructor, __proto__, toString) as unknown actions, for a copy and a group', () => {
    const fixture = createFixture();
    const { engine } = fixture;
    const map = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: false,
    });
    const grouped = engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 2).id,
      targetVolumeId: fixture.volume('storwize', 3).id,
      start: false,
      consistencyGroupId: 'g1',
    });
    for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(() => engine.act(map.id, action), action).toThrow(expect.objectContaining({ kind: 'invalid', message: expect.stringMatching(/has no action/) }));
      expect(() => engine.actOnGroup('g1', action), action).toThrow(/has no action/);
    }
    expect(map.state).toBe('idle_or_copied');
    expect(grouped.state).toBe('idle_or_copied');
  });
});

describe('refusals in words', () => {
  it('names states as the vendor does, not as identifiers', () => {
    const lookup = findTransition(SERVICE_TABLES.storwize, 'prepare', 'copying');
    expect(lookup.ok).toBe(false);
    if (lookup.ok) return;
    expect(lookup.reason).toBe('prepare is not allowed while the mapping is copying: it applies only when the mapping is idle or copied, or stopped');
    expect(lookup.reason).not.toMatch(/_/);
  });

  it('joins two plain states with "or" and three with commas', () => {
    expect(statesInWords(['pending', 'in-progress'])).toBe('pending or in-progress');
    expect(statesInWords(['PSUS', 'PSUE', 'SMPL'])).toBe('PSUS, PSUE, or SMPL');
    expect(statesInWords(['stopped'])).toBe('stopped');
  });
});
