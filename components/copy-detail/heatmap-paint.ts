// Drawing the bitmap heatmap: where each cell goes and what colour it gets. Pure functions of the
// cells and the theme's colours, so the component only decides when to draw.
import type { CopyBitmap } from '@/lib/client/types';

export type Rgb = readonly [number, number, number];

export interface HeatmapPalette {
  copied: Rgb;
  toCopy: Rgb;
  changed: Rgb;
  /** A copy that has not run yet: its cells are neither copied nor to copy. */
  idle: Rgb;
  selected: string;
}

/** Cells per row: wide enough to show a volume's layout, narrow enough for a side panel. */
export const HEATMAP_COLUMNS = 64;
/** A cell is never drawn larger than this, however wide the panel. */
const CELL_MAX_PX = 18;
/** Below this size cells touch; above it a hairline gap keeps neighbours apart. */
const GAP_FROM_PX = 6;

export interface HeatmapGeometry {
  columns: number;
  rows: number;
  cellPx: number;
  widthPx: number;
  heightPx: number;
}

export function heatmapGeometry(cells: number, availableWidthPx: number): HeatmapGeometry {
  const columns = Math.max(1, Math.min(HEATMAP_COLUMNS, cells));
  const rows = Math.ceil(cells / columns);
  const cellPx = Math.max(1, Math.min(CELL_MAX_PX, availableWidthPx / columns));
  return { columns, rows, cellPx, widthPx: columns * cellPx, heightPx: rows * cellPx };
}

/** Grains in `cell`: grainsPerCell, except a shorter last cell. */
export function grainsInCell(bitmap: CopyBitmap, cell: number): number {
  return Math.min(bitmap.grainsPerCell, bitmap.grainCount - cell * bitmap.grainsPerCell);
}

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` as channels; anything else as mid grey. */
export function parseColor(text: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((digit) => digit + digit).join('') : hex[1]!;
    const channel = (at: number) => Number.parseInt(digits.slice(at, at + 2), 16);
    return [channel(0), channel(2), channel(4)];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(text.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [128, 128, 128];
}

function mix(from: Rgb, to: Rgb, share: number): Rgb {
  const t = Math.max(0, Math.min(1, share));
  const blend = (start: number, end: number) => Math.round(start + (end - start) * t);
  return [blend(from[0], to[0]), blend(from[1], to[1]), blend(from[2], to[2])];
}

/**
 * A cell's colour: from copied to to-copy by the share still to copy; any changed grain pulls it
 * strongly towards the changed colour, so a single written grain among thousands still shows.
 */
export function cellColor(bitmap: CopyBitmap, cell: number, palette: HeatmapPalette, idle: boolean): Rgb {
  const grains = grainsInCell(bitmap, cell);
  const toCopyShare = bitmap.toCopy[cell]! / grains;
  const changedShare = bitmap.changed[cell]! / grains;
  const base = idle && toCopyShare === 0 ? palette.idle : mix(palette.copied, palette.toCopy, toCopyShare);
  return changedShare > 0 ? mix(base, palette.changed, 0.6 + 0.4 * changedShare) : base;
}

export function paintHeatmap(
  context: CanvasRenderingContext2D,
  bitmap: CopyBitmap,
  geometry: HeatmapGeometry,
  palette: HeatmapPalette,
  idle: boolean,
  selectedCell: number | null,
): void {
  const { columns, cellPx, widthPx, heightPx } = geometry;
  context.clearRect(0, 0, widthPx, heightPx);
  const gapPx = cellPx >= GAP_FROM_PX ? 1 : 0;
  for (let cell = 0; cell < bitmap.cells; cell += 1) {
    const [red, green, blue] = cellColor(bitmap, cell, palette, idle);
    context.fillStyle = `rgb(${red} ${green} ${blue})`;
    context.fillRect((cell % columns) * cellPx, Math.floor(cell / columns) * cellPx, cellPx - gapPx, cellPx - gapPx);
  }
  if (selectedCell !== null && selectedCell < bitmap.cells) {
    context.strokeStyle = palette.selected;
    context.lineWidth = 2;
    context.strokeRect(
      (selectedCell % columns) * cellPx + 1,
      Math.floor(selectedCell / columns) * cellPx + 1,
      Math.max(2, cellPx - gapPx - 2),
      Math.max(2, cellPx - gapPx - 2),
    );
  }
}
