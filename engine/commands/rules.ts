// The checks every copy command and every preview share: which table row an action takes now
// (unless a fault or a sibling pair refuses it), and the eligibility context of a source volume.
import assert from 'node:assert';
import type { EligibilityContext } from '../copy/eligibility';
import type { Relationship } from '../copy/relationship';
import { REVERSE_RESYNC_STATE, siblingBlock, siblingsOf } from '../copy/shadowimage-siblings';
import { findTransition, stateSpec, type TransitionLookup } from '../copy/tables';
import type { CopyType, Transition } from '../copy/types';
import type { EngineState } from '../core/state';
import { EngineError } from '../errors';
import { COPY_TYPE_BY_MODEL } from '../model';
import { frozenSourceBlock } from './freeze';

/** The table's row for an action, unless a sibling pair or a fault in force refuses it. */
export function lookupAction(s: EngineState, relationship: Relationship, action: string, mode: string | undefined): TransitionLookup {
  const table = s.tableOf(relationship);
  const lookup = findTransition(table, action, relationship.state, mode);
  if (!lookup.ok) return lookup;
  if (lookup.transition.guard === 'recording' && !('persistent' in relationship.options && relationship.options.incremental)) {
    const why = `${action}${mode ? ` (${mode})` : ''} needs change recording: create the relationship with incremental (and persistent) on`;
    return { ok: false, status: 409, reason: why };
  }
  // A quick restore rewrites the P-VOL as a reverse resync does, so the same sibling rule holds.
  const to = lookup.transition.effect === 'quick-restore' ? REVERSE_RESYNC_STATE : lookup.transition.to;
  const sibling = siblingBlock(to, stateSpec(table, to), siblingsOf(relationship, s.copiesOf(relationship.sourceVolumeId)));
  if (sibling !== null) return { ok: false, status: 409, reason: sibling };
  const layer1 = layer1Block(s, relationship, lookup.transition);
  if (layer1 !== null) return { ok: false, status: 409, reason: layer1 };
  const frozen = frozenSourceBlock(s, relationship, lookup.transition.effect);
  if (frozen !== null) return { ok: false, status: 409, reason: `${action}${mode ? ` (${mode})` : ''} is refused while ${frozen}` };
  const blocked = faultBlock(s, relationship, lookup.transition);
  return blocked === null ? lookup : { ok: false, status: 409, reason: `${action} is refused while ${blocked}: clear the fault first` };
}

/**
 * XP7 cascades: a layer-2 pair's P-VOL is a layer-1 S-VOL, which changes while its own pair is not
 * split; a split of the layer-2 pair, or anything rewriting that S-VOL from below, waits for it.
 */
function layer1Block(s: EngineState, relationship: Relationship, transition: Transition): string | null {
  if (relationship.type !== 'shadowimage') return null;
  const rewritesPvol = transition.effect === 'resync-reverse' || transition.effect === 'quick-restore';
  if (transition.effect !== 'split' && !rewritesPvol) return null;
  const layer1 = s.copiesOf(relationship.sourceVolumeId).find((r) => r.type === 'shadowimage' && r.targetVolumeId === relationship.sourceVolumeId);
  if (layer1 === undefined || layer1.state === 'PSUS' || layer1.state === 'PSUE') return null;
  return `pair ${relationship.name} is a layer-2 pair: its layer-1 pair ${layer1.name} is ${layer1.state} and must be split first`;
}

function faultBlock(s: EngineState, relationship: Relationship, transition: Transition): string | null {
  const to = stateSpec(s.tableOf(relationship), transition.to);
  // Stopping, suspending and withdrawing move no data and stay possible; a prepare (a state with
  // a timer that leads on to copying) flushes the source cache.
  const movesData = transition.effect !== 'none' || to.copier !== 'none' || to.after?.event === 'prepared';
  if (!movesData) return null;
  for (const volumeId of [relationship.sourceVolumeId, relationship.targetVolumeId]) {
    const ioError = s.faultBook.ioErrorOn(volumeId);
    if (ioError !== undefined) return `volume ${s.requireVolume(volumeId).name} has an I/O error (fault ${ioError.id})`;
  }
  const lost = s.faultBook.metadataLossOf(relationship.id);
  if (lost !== undefined) return `mapping ${relationship.name} has no access to its metadata (fault ${lost.id})`;
  if (!s.arrayUp(relationship.arrayId)) return 'no controller of the array is online';
  return null;
}

export function eligibilityContext(s: EngineState, type: CopyType, sourceVolumeId: string): EligibilityContext {
  const source = s.requireVolume(sourceVolumeId);
  const array = s.fleet.array(source.arrayId);
  assert(array !== undefined, `volume ${source.name} names array ${source.arrayId}, which does not exist`);
  const offered = COPY_TYPE_BY_MODEL[array.model];
  if (offered !== type) {
    throw new EngineError('rule', `array ${array.name} (${array.model}) offers ${offered}, not ${type}`, [
      `array ${array.name} offers ${offered} copies, not ${type}`,
    ]);
  }
  // A snapshot's base and snapshot volume may both take part in volume copies (the seed: "restore
  // snapshot data to the primary volume"); only a snapshot as the target is refused (eligibility.ts).
  const heldOn = (volumeId: string): Relationship[] =>
    [...(s.byVolume.get(volumeId) ?? [])].flatMap((id) => {
      const r = s.relationships.get(id);
      return r !== undefined && r.arrayId === array.id && r.type !== 'snapshot' && s.specOf(r).holdsVolumes ? [r] : [];
    });
  return { model: array.model, source, lssOf: (poolId) => s.fleet.pool(poolId)?.lss ?? null, heldOn };
}
