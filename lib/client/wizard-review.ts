// What creating the copies will do, in sentences, before anything is done: the rules of
// domain.md applied to the volumes and options chosen (ownership moves, the SANtricity queue,
// access while copying, overwritten targets, how long the background copy takes).
import { VOLUME_COPY_IN_PROGRESS_MAX } from '@/engine/copy/volume-copy';
import type { ArrayModel } from '@/engine/model';
import { formatBytes, formatRate } from '@/lib/units';
import { RELATIONSHIP_WORDS } from './copy-services';

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

export interface ReviewInput {
  model: ArrayModel;
  arrayName: string;
  pairs: readonly ReviewPair[];
  options: Record<string, unknown>;
  start: boolean;
  rateBytesPerSec: number;
  /** Volume copies on the array now in progress / waiting (santricity only). */
  inProgressOnArray: number;
  pendingOnArray: number;
  group: { name: string; created: boolean } | null;
  /**
   * What the new relationships are called: one pair's name as given, or the array's default for it
   * (`pattern` when the number is not known: "fcmapN"); several pairs each take their default.
   */
  naming?: { kind: 'given' | 'default'; name: string } | { kind: 'defaults'; pattern: string };
}

export interface ReviewLine {
  text: string;
  /** Needs attention: data is overwritten, something waits, or something moves. */
  warn: boolean;
}

const info = (text: string): ReviewLine => ({ text, warn: false });
const warn = (text: string): ReviewLine => ({ text, warn: true });

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 min 40 s"-style simulated time for the whole background copy. */
export function copyDuration(bytes: number, rateBytesPerSec: number): string {
  const seconds = Math.max(1, Math.round(bytes / rateBytesPerSec));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The SANtricity queue: which of the new copies start now and which wait as pending. */
export function queueLine(inProgress: number, pending: number, newCopies: number): ReviewLine {
  const free = Math.max(0, VOLUME_COPY_IN_PROGRESS_MAX - inProgress);
  const waiting = pending > 0 ? ` and ${count(pending, 'copy is', 'copies are')} already waiting` : '';
  if (free === 0 || pending > 0) {
    const which = newCopies === 1 ? 'this one' : `these ${newCopies}`;
    return warn(`${count(inProgress, 'copy is', 'copies are')} in progress on this array${waiting}: ${which} will wait as pending until one of the ${VOLUME_COPY_IN_PROGRESS_MAX} slots frees (higher priority first, then oldest).`);
  }
  if (newCopies > free) {
    return warn(`${count(inProgress, 'copy is', 'copies are')} in progress on this array: ${free} of these start at once, the other ${newCopies - free} wait as pending until a slot frees.`);
  }
  return info(`${inProgress} of the array's ${VOLUME_COPY_IN_PROGRESS_MAX} in-progress slots are in use: ${newCopies === 1 ? 'it starts' : 'they start'} at once.`);
}

function ownershipLines(pairs: readonly ReviewPair[]): ReviewLine[] {
  return pairs
    .filter((pair) => pair.target.currentOwner !== pair.source.currentOwner)
    .map((pair) =>
      warn(`${pair.target.name}: target ownership moves from controller ${pair.target.currentOwner} to ${pair.source.currentOwner} during the copy (the source's controller owns both) and returns afterwards.`),
    );
}

function overwriteLines(input: ReviewInput): ReviewLine[] {
  const existing = input.pairs.filter((pair) => !pair.target.created);
  if (existing.length === 0) return [];
  const names = existing.map((pair) => pair.target.name).join(', ');
  const when = input.start ? '' : ' when the copy starts';
  return [warn(`The current contents of ${existing.length === 1 ? `the target ${names}` : `the targets ${names}`} will be overwritten${when}.`)];
}

function createdLines(input: ReviewInput): ReviewLine[] {
  return input.pairs
    .filter((pair) => pair.target.created)
    .map((pair) =>
      info(`Creates volume ${pair.target.name} (${formatBytes(BigInt(pair.target.capacityBytes))}${pair.target.poolName ? `, pool ${pair.target.poolName}` : ''}, controller ${pair.target.currentOwner}) first; it is deleted again if its copy cannot be created.`),
    );
}

function durationLine(input: ReviewInput, verb: string): ReviewLine {
  const largest = Math.max(...input.pairs.map((pair) => Number(pair.source.capacityBytes)));
  return info(`${verb} at ${formatRate(input.rateBytesPerSec)} takes about ${copyDuration(largest, input.rateBytesPerSec)} of simulated time${input.pairs.length > 1 ? ' for the largest source' : ''} (never-written grains cost time too, as on a real array).`);
}

function serviceLines(input: ReviewInput): ReviewLine[] {
  const { model, options, start } = input;
  switch (model) {
    case 'santricity': {
      if (!start) return [info('The copy is created stopped: nothing is copied until you start it from its page.')];
      return [
        queueLine(input.inProgressOnArray, input.pendingOnArray, input.pairs.length),
        info('While pending or in progress, the source accepts reads only (host writes are refused) and the target is read-only.'),
        info(options.targetReadOnly === false ? 'After the copy completes, hosts may write the target.' : 'After the copy completes, the target stays read-only (target read-only is on).'),
        durationLine(input, 'The full copy'),
      ];
    }
    case 'xp7':
      return [
        info('The initial copy (COPY(PD)) starts at once; the pair reaches PAIR when it completes, and update copies follow the P-VOL from then on.'),
        info('The S-VOL is read-only until the pair is split; the P-VOL stays readable and writable.'),
        durationLine(input, 'The initial copy'),
      ];
    case 'storwize': {
      const lines: ReviewLine[] = [];
      if (!start) lines.push(info('The mapping is created idle_or_copied: nothing happens to the target until you prepare and start it.'));
      else lines.push(info(`The mapping is prepared (source cache flushed, target cache discarded), then started: the point in time T0 is the moment it starts${input.group ? `, together with the other mappings of group ${input.group.name} that are starting` : ''}.`));
      if (options.copyRate === 0) lines.push(warn('Copy rate 0: no background copy runs, so the target depends on the source until the mapping is stopped.'));
      else lines.push(durationLine(input, 'The background copy'));
      if (options.autoDelete === true) lines.push(info('The mapping deletes itself when the background copy completes.'));
      if (input.group) lines.push(info(input.group.created ? `Creates consistency group ${input.group.name} first and adds the mapping to it.` : `Adds the mapping to consistency group ${input.group.name}.`));
      return lines;
    }
    case 'ds6000': {
      const lines = [info('The relationship is established at once: from that instant (T0) the target presents the source’s T0 image, and both volumes stay readable and writable.')];
      if (options.mode === 'nocopy') lines.push(info('nocopy: only grains about to change on the source are copied; the relationship lasts until you withdraw it.'));
      else lines.push(durationLine(input, 'The background copy'), info('When the background copy completes, the relationship ends by itself and the volumes are independent.'));
      return lines;
    }
  }
}

function namedWords(naming: ReviewInput['naming']): string {
  if (naming === undefined || naming.kind === 'defaults') return '';
  return naming.kind === 'given' ? ` named ${naming.name}` : ` named ${naming.name} (the array’s default name)`;
}

function namingLines(naming: ReviewInput['naming']): ReviewLine[] {
  if (naming?.kind !== 'defaults') return [];
  return [info(`Each gets the array’s default name (${naming.pattern}, with the smallest number free on the array); rename any of them from its page.`)];
}

/** Every line of the review, most important first: what is created, then what it does. */
export function reviewLines(input: ReviewInput): ReviewLine[] {
  const words = RELATIONSHIP_WORDS[input.model];
  const starts = input.start ? (input.pairs.length === 1 ? ' and starts it' : ' and starts them') : '';
  return [
    info(`Creates ${count(input.pairs.length, words.one, words.many)}${namedWords(input.naming)} on ${input.arrayName}${starts}.`),
    ...namingLines(input.naming),
    ...createdLines(input),
    ...overwriteLines(input),
    ...(input.model === 'santricity' && input.start ? ownershipLines(input.pairs) : []),
    ...serviceLines(input),
  ];
}

/** Existing targets lose their contents: the review asks for their name (one pair) to be typed. */
export function needsTypedConfirmation(pairs: readonly ReviewPair[]): boolean {
  return pairs.some((pair) => !pair.target.created);
}
