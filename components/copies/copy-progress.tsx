'use client';
import { STOPPED_EARLY_TEXT, stoppedEarly } from '@/lib/client/copy-progress-state';
import { useLiveCopy, type LiveCopyFields } from '@/lib/client/live-progress';
import type { Copy } from '@/lib/client/types';
import { formatBytes, formatRate } from '@/lib/units';
import { ProgressBar } from '@/components/ui/progress-bar';

/**
 * A box for figures that change with every push: sized, with its layout, paint and style
 * contained, so new text lays out and paints this box alone rather than the table around it
 * (Chromium makes such a box a relayout boundary). With forty moving rows in view, laying the
 * whole table out and painting it again on every push cost more than rendering the cells.
 * Not on cards (below md): a contained box has no baseline for the card's label to line up with,
 * and a phone shows a few cards, not a table.
 */
export const LIVE_FIGURE_BOX = 'h-5 w-full md:[contain:strict]';

/**
 * What the progress components read of a copy: its counts, its state to know when they are gone,
 * and its id and updatedAt to take newer pushed figures (live-progress.ts).
 */
type ProgressOf = LiveCopyFields & Pick<Copy, 'state'> & { lastStarted?: string | null };

/** "45 s", "12 min 3 s", "3 h 20 min", "2 d 4 h": two units are precise enough for an ETA. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/**
 * "3.2 GiB of 10 GiB". A relationship with no grains in its cycle (a split pair, a mapping not yet
 * started) has nothing to copy, which reads better than "0 B of 0 B".
 */
export function copiedAmount(progress: Copy['progress']): string {
  if (progress.totalBytes === 0) return 'nothing to copy';
  return `${formatBytes(progress.copiedBytes)} of ${formatBytes(progress.totalBytes)}`;
}

/** Percent, bytes, rate and ETA (in simulated time) of one relationship's background copy. */
export function CopyProgress({ copy: given }: { copy: ProgressOf }) {
  const copy = useLiveCopy(given);
  const { progress } = copy;
  if (stoppedEarly(copy)) {
    // No bar: an empty one would read as 0 %, a number the API no longer has.
    return (
      <div className="flex min-w-0 flex-col gap-1" data-testid="copy-progress">
        <span className="text-xs text-fg" data-testid="copy-percent">
          Stopped before the copy completed
        </span>
        <span role="note" className="text-[11px] text-fg-muted">
          The array discarded the copy’s progress when it stopped, so how far it got is not known.
        </span>
      </div>
    );
  }
  const percent = Math.max(0, Math.min(100, progress.percent));
  const amount = copiedAmount(progress);
  const moving = progress.rateBytesPerSec > 0;
  const detail = moving
    ? `${formatRate(progress.rateBytesPerSec)}${progress.etaSeconds === null ? '' : ` · ETA ${formatDuration(progress.etaSeconds)}`}`
    : null;
  const label = `${percent.toFixed(1)}% (${amount})${detail === null ? '' : `, ${detail}`}`;
  return (
    <div className="flex min-w-0 flex-col gap-1" data-testid="copy-progress">
      <span className="flex items-baseline justify-between gap-2 text-xs text-fg tabular-nums">
        <span data-testid="copy-percent">{percent.toFixed(1)}%</span>
        <span className="truncate text-fg-muted" title={amount}>
          {amount}
        </span>
      </span>
      <ProgressBar percent={percent} label={label} />
      <span className="h-4 text-[11px] text-fg-muted tabular-nums" data-testid="copy-rate">
        {detail ?? '\u00a0'}
      </span>
    </div>
  );
}

/**
 * The bar's fill as one background: the accent up to the percent, the track after it. One box with
 * a rounded border paints as a single shape; a fill scaled inside a rounded, clipping track was a
 * transform and a rounded clip per row, which cost a scrolled Copies table more to paint and to
 * layerize than any other cell (bench:ui --trace). Not animated, for the same reason as before:
 * with hundreds of copies moving, nothing here may ask for a frame of its own.
 */
export function barFill(percent: number): string {
  return `linear-gradient(to right, var(--accent) ${percent}%, var(--bar-track) ${percent}%)`;
}

/** One line for dense tables: the bar and the percent; rate and ETA have their own columns. */
export function CopyProgressBar({ copy: given }: { copy: ProgressOf }) {
  const copy = useLiveCopy(given);
  const { progress } = copy;
  if (stoppedEarly(copy)) {
    return (
      <span className={`${LIVE_FIGURE_BOX} block truncate text-xs leading-5 text-fg-muted`} title={STOPPED_EARLY_TEXT} data-testid="copy-percent">
        {STOPPED_EARLY_TEXT}
      </span>
    );
  }
  const percent = Math.max(0, Math.min(100, progress.percent));
  const amount = copiedAmount(progress);
  return (
    <div className={`${LIVE_FIGURE_BOX} flex items-center gap-2`} title={amount}>
      <div
        role="progressbar"
        aria-label={`${percent.toFixed(1)}% (${amount})`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 min-w-0 flex-1 rounded-full"
        style={{ backgroundImage: barFill(percent) }}
      />
      <span className="w-12 text-right text-xs tabular-nums" data-testid="copy-percent">
        {percent.toFixed(1)}%
      </span>
    </div>
  );
}
