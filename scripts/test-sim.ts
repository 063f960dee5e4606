// `npm run test:sim -- --seeds N` runs N seeds of the engine simulation (default 5,000);
// `--seed S` replays one seed and prints its failure in full.
import { runSeed, SIMULATION_STEPS } from '../engine/simulation/run';

function flag(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer`);
  return value;
}

const single = flag('seed');
const first = single ?? flag('from') ?? 1;
const count = single === undefined ? (flag('seeds') ?? 5_000) : 1;
const steps = flag('steps') ?? SIMULATION_STEPS;
const startedMs = Date.now();
let failed = 0;
let transitions = 0;
const chain = { moves: 0, cleaningStops: 0, restores: 0, layer2Pairs: 0 };
const snapshots = { taken: 0, restored: 0, failed: 0 };
for (let seed = first; seed < first + count; seed += 1) {
  const result = runSeed(seed, steps);
  transitions += result.transitions;
  chain.moves += result.chain.moves;
  chain.cleaningStops += result.chain.cleaningStops;
  chain.restores += result.chain.restores;
  chain.layer2Pairs += result.chain.layer2Pairs;
  snapshots.taken += result.snapshots.taken;
  snapshots.restored += result.snapshots.restored;
  snapshots.failed += result.snapshots.failed;
  if (result.failure !== null) {
    failed += 1;
    console.log(`seed ${seed} FAILED — replay: npm run test:sim -- --seed ${seed}\n${result.failure}\n`);
  }
}
const seconds = (Date.now() - startedMs) / 1000;
console.log(`simulation: ${count} seeds × ${steps} steps, ${transitions} state changes, ${seconds.toFixed(1)} s`);
console.log(
  `chains: ${chain.moves} pushes of chain work onto other relationships, ${chain.cleaningStops} Storwize stops that cleaned, ${chain.restores} restores started, ${chain.layer2Pairs} XP7 layer-2 pairs`,
);
console.log(`snapshots: ${snapshots.taken} taken, ${snapshots.restored} restored onto their base, ${snapshots.failed} failed (repository full or a fault)`);
console.log(`${count - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
