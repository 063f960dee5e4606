import { describe, expect, it } from 'vitest';
import { Prng } from '../data/prng';
import type { Engine } from '../engine';
import { createFixture, MiB, pattern } from '../testing/fixture';
import type { ChainWorld } from './chain';
import { cleaningCounts, cleaningWork } from './cleaning';

const KiB = 1024;

function worldOf(engine: Engine): ChainWorld {
  return {
    store: (id) => engine.store(id),
    holdings: (id) => engine.copiesOf(id).map((relationship) => ({ relationship, spec: engine.specOf(relationship) })),
  };
}

describe('cleaningCounts', () => {
  it('counts what cleaningWork builds, for every mapping of seeded chains and cascades, stopping ones included', () => {
    let dependents = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      const prng = new Prng(seed);
      const fixture = createFixture();
      const { engine } = fixture;
      const volumes = [0, 1, 2, 3, 4].map((i) => fixture.volume('storwize', i));
      const ids = volumes.map((v) => v!.id);
      engine.hostWrite(ids[0]!, 0, pattern(MiB, seed));
      const pairs: [number, number][] = [
        [0, 1],
        [0, 2],
        [0, 3],
        [2, 4],
      ];
      const mappings = pairs.map(([from, to]) => {
        const mapping = engine.createCopy({ type: 'flashcopy', sourceVolumeId: ids[from]!, targetVolumeId: ids[to]!, options: { copyRate: 0, cleanRate: 0 } });
        engine.advance(2_000);
        engine.hostWrite(ids[prng.int(5)]!, prng.int(13) * 64 * KiB, pattern(64 * KiB * (1 + prng.int(3)), seed));
        return mapping;
      });
      if (prng.chance(0.5)) engine.act(mappings[prng.int(mappings.length)]!.id, 'stop');
      const world = worldOf(engine);
      for (const relationship of mappings) {
        const holding = { relationship, spec: engine.specOf(relationship) };
        for (const cascade of [false, true]) {
          const counted = cleaningCounts(world, holding, cascade).map(({ dependent, grains }) => [dependent.id, grains]);
          const built = cleaningWork(world, holding, cascade).map(({ dependent, grains }) => [dependent.id, grains.count()]);
          expect(counted, `seed ${seed}, ${relationship.name}, cascade ${cascade}`).toEqual(built);
          dependents += counted.length;
        }
      }
    }
    expect(dependents).toBeGreaterThan(20);
  });
});
