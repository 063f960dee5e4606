'use client';
// The live bitmap heatmap: every cell a run of grains, coloured by how much of it is copied, still
// to copy, or changed since the point in time. Drawn on a canvas (a thousand cells redraw several
// times a second); the counts are also in its accessible name, a text summary and data attributes,
// and a cell can be inspected by pointer or, with the canvas focused, by the arrow keys.
// `compact` embeds a smaller map without its panel (the volume page shows one per relationship).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api-error';
import { STOPPED_EARLY_TEXT, stoppedEarly } from '@/lib/client/copy-progress-state';
import type { Copy, CopyBitmap } from '@/lib/client/types';
import { useCopyBitmap } from '@/lib/client/use-copy-detail';
import { formatBytes } from '@/lib/units';
import { grainsInCell, heatmapGeometry, paintHeatmap, parseColor, type HeatmapGeometry, type HeatmapPalette } from './heatmap-paint';
import { pointInTimeName } from './point-in-time';
import { useThemeColors } from './use-theme-colors';
import { useElementWidth } from '@/components/ui/use-element-width';

/** Cells asked of the server: 64 × 16 on screen, one cell per grain on small volumes. */
const HEATMAP_CELLS = 1024;
/** Embedded: 64 × 4, enough to see where writes land without dominating the page. */
const COMPACT_HEATMAP_CELLS = 256;
const THEME_COLORS = ['accent', 'bar-track', 'warn', 'neutral-soft', 'fg'] as const;

const count = (value: number) => value.toLocaleString('en-US');

/**
 * A copy with nothing in its cycle has an empty bitmap: its cells are not "copied", just
 * untouched — because no copy ran yet, or because a stop discarded what one had copied.
 */
function isIdle(copy: Copy): boolean {
  return copy.progress.totalBytes === 0 && copy.progress.percent === 0;
}

function idleText(copy: Copy): string {
  if (stoppedEarly(copy)) return STOPPED_EARLY_TEXT;
  return copy.lastStarted === null ? 'no copy has run yet' : 'nothing copied in this cycle';
}

function summaryOf(bitmap: CopyBitmap, copy: Copy): string {
  const { copied, toCopy, changed } = bitmap.counts;
  const copiedText = isIdle(copy) ? idleText(copy) : `${count(copied)} copied`;
  // The stop took the point in time with it (the progress panel says so): no "changed since" to count from.
  const changedText = stoppedEarly(copy) ? '' : `, ${count(changed)} changed since ${pointInTimeName(copy.model)}`;
  return `${count(bitmap.grainCount)} grains in ${count(bitmap.cells)} cells: ${copiedText}, ${count(toCopy)} to copy${changedText}`;
}

export function HeatmapLegend({ model }: { model: string }) {
  const swatch = 'inline-block size-2.5 rounded-[2px] border border-line-strong/60';
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-fg-muted" aria-label="Heatmap legend">
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className={`${swatch} bg-accent`} /> Copied / in sync
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className={`${swatch} bg-bar-track`} /> To copy
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className={`${swatch} bg-warn`} /> Changed since {pointInTimeName(model)}
      </li>
    </ul>
  );
}

function CellReadout({ bitmap, cell, id, compact }: { bitmap: CopyBitmap; cell: number | null; id: string; compact: boolean }) {
  if (cell === null && compact) return <span id={id} hidden />;
  if (cell === null) {
    return (
      // min-h, not h: on a phone the hint wraps to two lines and a fixed height let it run over the summary.
      <p id={id} className="min-h-4 text-xs text-fg-subtle">
        Point at a cell, or focus the map and use the arrow keys, to see its grains.
      </p>
    );
  }
  const firstGrain = cell * bitmap.grainsPerCell;
  const grains = grainsInCell(bitmap, cell);
  const range = `grains ${count(firstGrain)}–${count(firstGrain + grains - 1)}, from ${formatBytes(firstGrain * bitmap.grainBytes)}`;
  return (
    <p id={id} aria-live="polite" className="h-4 truncate text-xs text-fg tabular-nums" data-testid="heatmap-cell">
      Cell {count(cell + 1)} of {count(bitmap.cells)} ({range}): {count(bitmap.copied[cell]!)} copied, {count(bitmap.toCopy[cell]!)} to copy,{' '}
      {count(bitmap.changed[cell]!)} changed
    </p>
  );
}

function cellAt(event: MouseEvent<HTMLCanvasElement>, geometry: HeatmapGeometry, cells: number): number | null {
  const box = event.currentTarget.getBoundingClientRect();
  const column = Math.floor((event.clientX - box.left) / geometry.cellPx);
  const row = Math.floor((event.clientY - box.top) / geometry.cellPx);
  if (column < 0 || column >= geometry.columns || row < 0) return null;
  const cell = row * geometry.columns + column;
  return cell < cells ? cell : null;
}

function HeatmapCanvas({ bitmap, copy, compact }: { bitmap: CopyBitmap; copy: Copy; compact: boolean }) {
  const [wrapperRef, measuredWidthPx] = useElementWidth();
  const widthPx = measuredWidthPx ?? 0;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const colors = useThemeColors(THEME_COLORS);
  const [hovered, setHovered] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const geometry = useMemo(() => heatmapGeometry(bitmap.cells, widthPx), [bitmap.cells, widthPx]);
  const readoutId = useId();
  const idle = isIdle(copy);
  const active = hovered ?? selected;
  const summary = summaryOf(bitmap, copy);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || colors === null || widthPx === 0) return;
    const scale = window.devicePixelRatio || 1;
    canvas.width = Math.round(geometry.widthPx * scale);
    canvas.height = Math.round(geometry.heightPx * scale);
    context.setTransform(scale, 0, 0, scale, 0, 0);
    const palette: HeatmapPalette = {
      copied: parseColor(colors.accent),
      toCopy: parseColor(colors['bar-track']),
      changed: parseColor(colors.warn),
      idle: parseColor(colors['neutral-soft']),
      selected: colors.fg,
    };
    paintHeatmap(context, bitmap, geometry, palette, idle, active);
  }, [bitmap, colors, geometry, idle, active, widthPx]);

  function onKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    const last = bitmap.cells - 1;
    const from = selected ?? -1;
    const moves: Record<string, number> = {
      ArrowRight: from + 1,
      ArrowLeft: from - 1,
      ArrowDown: from < 0 ? 0 : from + geometry.columns,
      ArrowUp: from - geometry.columns,
      Home: 0,
      End: last,
    };
    if (event.key === 'Escape') {
      setSelected(null);
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setSelected(Math.max(0, Math.min(last, next)));
  }

  return (
    <div ref={wrapperRef} className="flex min-w-0 flex-col gap-2">
      <canvas
        ref={canvasRef}
        role="img"
        tabIndex={0}
        aria-label={`Bitmap heatmap: ${summary}`}
        aria-describedby={readoutId}
        data-testid="bitmap-heatmap"
        data-cells={bitmap.cells}
        data-copied-grains={bitmap.counts.copied}
        data-to-copy-grains={bitmap.counts.toCopy}
        data-changed-grains={bitmap.counts.changed}
        className="block max-w-full rounded-sm"
        style={{ width: geometry.widthPx, height: geometry.heightPx, visibility: widthPx === 0 ? 'hidden' : undefined }}
        onPointerMove={(event) => setHovered(cellAt(event, geometry, bitmap.cells))}
        onPointerLeave={() => setHovered(null)}
        onClick={(event) => setSelected(cellAt(event, geometry, bitmap.cells))}
        onKeyDown={onKeyDown}
      />
      <CellReadout bitmap={bitmap} cell={active} id={readoutId} compact={compact} />
      <p className="text-xs text-fg-muted tabular-nums" data-testid="heatmap-summary">
        {compact
          ? `${summary}.`
          : `${summary}. Each cell is ${count(bitmap.grainsPerCell)} ${bitmap.grainsPerCell === 1 ? 'grain' : 'grains'} of ${formatBytes(bitmap.grainBytes)}.`}
      </p>
    </div>
  );
}

function HeatmapBody({ copy, changedAt, compact }: { copy: Copy; changedAt: number; compact: boolean }) {
  const bitmap = useCopyBitmap(copy, changedAt, compact ? COMPACT_HEATMAP_CELLS : HEATMAP_CELLS);
  return (
    <>
      {bitmap.data !== undefined ? (
        <HeatmapCanvas bitmap={bitmap.data} copy={copy} compact={compact} />
      ) : bitmap.isError ? (
        <ErrorState title="Could not load the bitmap" error={bitmap.error} onRetry={() => void bitmap.refetch()} />
      ) : (
        <div role="status" aria-label="Loading the bitmap" className="flex flex-col gap-2">
          <Skeleton className={compact ? 'h-8 w-full' : 'aspect-[4/1] w-full'} />
          <Skeleton className="h-3 w-80 max-w-full" />
        </div>
      )}
      {bitmap.data !== undefined && bitmap.isError && (
        <p role="status" className="text-xs text-bad">
          The bitmap could not be refreshed: {errorMessage(bitmap.error)}
        </p>
      )}
    </>
  );
}

/**
 * The copy's bitmap, live. `changedAt` is when the copy last changed in the cache; `compact`
 * draws a smaller map without the panel and its legend (the embedding page shows one legend).
 */
export function CopyHeatmap({ copy, changedAt, compact = false }: { copy: Copy; changedAt: number; compact?: boolean }) {
  if (compact) {
    return (
      <div className="flex min-w-0 flex-col gap-1">
        <HeatmapBody copy={copy} changedAt={changedAt} compact />
      </div>
    );
  }
  return (
    <Panel title="Bitmap" titleId="bitmap-title" actions={<HeatmapLegend model={copy.model} />} bodyClassName="flex flex-col gap-2 p-3">
      <HeatmapBody copy={copy} changedAt={changedAt} compact={false} />
    </Panel>
  );
}
