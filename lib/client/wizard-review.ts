// What creating the copies will do, before anything is done. The copy services' consequences
// (ownership moves, queueing, host access while copying, overwritten targets, state changes) are
// the engine's, asked with POST /api/preview for exactly the pairs chosen and shown in its words;
// this file adds only what the wizard itself knows and does: the names, and the volumes and the
// consistency group it creates first.
import type { ArrayModel, Consequence, CopyType, Preview, PreviewCommand } from '@/engine/client';
import { formatBytes } from '@/lib/units';
import { RELATIONSHIP_WORDS } from './copy-services';
import type { PairRequest } from './create-pairs';
import { consequenceLine, refusalsOf, type PreviewLine } from './preview-lines';

export interface ReviewVolume {
  name: string;
  capacityBytes: number | string;
  currentOwner: 'A' | 'B';
}

export interface ReviewPair {
  source: ReviewVolume;
  /** An existing volume, or one the wizard creates first (`created`). */
  target: ReviewVolume & { created: boolean; poolName?: string };
}

export type ReviewLine = PreviewLine;

/** What every pair's copy is created with (the wizard's options step). */
export interface ReviewCopy {
  type: CopyType;
  options: Record<string, unknown>;
  start: boolean;
  /** An existing group; a group the wizard creates first has no id yet and is not named here. */
  consistencyGroupId?: string;
  /** DS6000: freeze each source for the group (asked of the engine only with an existing group: a new one has no id yet). */
  freeze?: boolean;
  /** One pair only; absent: the array's default. */
  name?: string;
}

/** The create commands the engine is asked to judge, one per pair, in the order Create sends them. */
export function reviewCommands(copy: ReviewCopy, requests: readonly PairRequest[]): PreviewCommand[] {
  const common = {
    type: copy.type,
    options: copy.options,
    start: copy.start,
    ...(copy.consistencyGroupId === undefined ? {} : { consistencyGroupId: copy.consistencyGroupId }),
    ...(copy.freeze === true && copy.consistencyGroupId !== undefined ? { freeze: true } : {}),
    ...(copy.name === undefined ? {} : { name: copy.name }),
  };
  return requests.map((request): PreviewCommand => {
    const { target } = request;
    if (target.kind === 'existing') return { command: 'create-copy', sourceVolumeId: request.sourceId, targetVolumeId: target.volumeId, ...common };
    const newTarget = { name: target.name, capacityBytes: Number(target.volume.capacityBytes), currentOwner: target.volume.preferredOwner ?? 'A' };
    return { command: 'create-copy-new-target', sourceVolumeId: request.sourceId, newTarget, ...common };
  });
}

export interface ReviewInput {
  model: ArrayModel;
  arrayName: string;
  pairs: readonly ReviewPair[];
  start: boolean;
  /** `freeze`: the sources are frozen for the group (DS6000). */
  group: { name: string; created: boolean; freeze?: boolean } | null;
  /**
   * What the new relationships are called: one pair's name as given, or the array's default for it
   * (`pattern` when the number is not known: "fcmapN"); several pairs each take their default.
   */
  naming?: { kind: 'given' | 'default'; name: string } | { kind: 'defaults'; pattern: string };
  /** The engine's answer, one per pair in order; undefined until it arrives. */
  previews: readonly Preview[] | undefined;
}

const info = (text: string): ReviewLine => ({ text, warn: false });

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function namedWords(naming: ReviewInput['naming']): string {
  if (naming === undefined || naming.kind === 'defaults') return '';
  return naming.kind === 'given' ? ` named ${naming.name}` : ` named ${naming.name} (the array’s default name)`;
}

function namingLines(naming: ReviewInput['naming']): ReviewLine[] {
  if (naming?.kind !== 'defaults') return [];
  return [info(`Each gets the array’s default name (${naming.pattern}); rename any of them from its page.`)];
}

function createdLines(pairs: readonly ReviewPair[]): ReviewLine[] {
  return pairs
    .filter((pair) => pair.target.created)
    .map((pair) =>
      info(
        `Creates volume ${pair.target.name} (${formatBytes(BigInt(pair.target.capacityBytes))}${pair.target.poolName ? `, pool ${pair.target.poolName}` : ''}, controller ${pair.target.currentOwner}) first; it is deleted again if its copy cannot be created.`,
      ),
    );
}

function groupLines(input: ReviewInput): ReviewLine[] {
  if (input.group === null) return [];
  const { one, many } = RELATIONSHIP_WORDS[input.model];
  const words = input.pairs.length === 1 ? one : many;
  const sources = input.pairs.length === 1 ? 'its source' : 'their sources';
  return [
    info(
      input.group.created
        ? `Creates consistency group ${input.group.name} first and adds the ${words} to it.`
        : `Adds the ${words} to consistency group ${input.group.name}.`,
    ),
    ...(input.group.freeze === true
      ? [
          {
            text: `Freezes ${sources} from ${input.pairs.length === 1 ? 'its' : 'each'} point in time: hosts cannot write ${input.pairs.length === 1 ? 'it' : 'them'} (extended long busy) until consistency group ${input.group.name} is thawed or the freeze times out.`,
            warn: true,
          },
        ]
      : []),
  ];
}

/**
 * The engine's consequences, less the replacing of a target the wizard itself creates first: a
 * volume made for the copy holds nothing to lose, so it is neither a warning nor a reason to type.
 */
function consequencesOf(pairs: readonly ReviewPair[], previews: readonly Preview[] | undefined): Consequence[] {
  const created = new Set(pairs.filter((pair) => pair.target.created).map((pair) => pair.target.name));
  return (previews ?? [])
    .flatMap((preview) => preview.consequences)
    .filter((consequence) => consequence.kind !== 'overwritten' || !created.has(consequence.volumeName));
}

/** What the wizard itself will do, then every consequence the engine foresees, in its order. */
export function reviewLines(input: ReviewInput): ReviewLine[] {
  const { one, many } = RELATIONSHIP_WORDS[input.model];
  const starts = input.start ? (input.pairs.length === 1 ? ' and starts it' : ' and starts them') : '';
  const consequences = consequencesOf(input.pairs, input.previews);
  return [
    info(`Creates ${count(input.pairs.length, one, many)}${namedWords(input.naming)} on ${input.arrayName}${starts}.`),
    ...namingLines(input.naming),
    ...createdLines(input.pairs),
    ...groupLines(input),
    ...consequences.map(consequenceLine),
  ];
}

/** Why the engine would refuse, per pair ("db01 → db02: …"); empty when every pair is allowed. */
export function reviewRefusals(pairs: readonly ReviewPair[], previews: readonly Preview[] | undefined): string[] {
  return (previews ?? []).flatMap((preview, index) => {
    if (preview.allowed) return [];
    const pair = pairs[index];
    const why = refusalsOf([preview])[0] ?? '';
    return [pairs.length === 1 || pair === undefined ? `${why.charAt(0).toUpperCase()}${why.slice(1)}` : `${pair.source.name} → ${pair.target.name}: ${why}`];
  });
}

/** The existing volumes whose contents the engine says are replaced: Create then asks for typing. */
export function overwrittenNames(pairs: readonly ReviewPair[], previews: readonly Preview[] | undefined): string[] {
  const names = consequencesOf(pairs, previews).flatMap((consequence) => (consequence.kind === 'overwritten' ? [consequence.volumeName] : []));
  return [...new Set(names)];
}
