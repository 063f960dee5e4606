// `node --import tsx scripts/make-icons.ts`: renders public/icon.svg into the raster icons the
// console serves beside it — public/favicon.ico (16, 32 and 48 px), public/apple-touch-icon.png
// (180 px, square and opaque: iOS rounds the corners itself) and public/icon-192.png /
// public/icon-512.png for the web app manifest. Run it after changing the SVG and commit the results.
//
// No image library is installed here (no sharp, PIL or ImageMagick), so this reads the small subset
// of SVG the icon is written in — <rect> (with rx), <ellipse>, and <path> of absolute M/L/H/V/Z —
// and renders it with 8×8 samples per pixel, painting shapes in document order.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const PUBLIC_DIR = path.resolve(__dirname, '..', 'public');
const SAMPLES_PER_AXIS = 8;

type Rgb = [number, number, number];
interface Shape {
  fill: Rgb;
  /** Whether the point (in viewBox units) is inside the shape. */
  contains: (x: number, y: number) => boolean;
}
interface Drawing {
  viewBoxSize: number;
  shapes: Shape[];
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) found[match[1] as string] = match[2] as string;
  return found;
}

function number(attrs: Record<string, string>, name: string, fallback?: number): number {
  const text = attrs[name];
  if (text === undefined) {
    if (fallback === undefined) throw new Error(`icon.svg: a shape lacks its ${name} attribute`);
    return fallback;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`icon.svg: ${name}="${text}" is not a number`);
  return value;
}

function colour(attrs: Record<string, string>): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(attrs.fill ?? '')?.[1];
  if (hex === undefined) throw new Error(`icon.svg: fill="${attrs.fill}" is not #rrggbb`);
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as Rgb;
}

function roundedRect(x: number, y: number, width: number, height: number, radius: number) {
  return (px: number, py: number): boolean => {
    if (px < x || px > x + width || py < y || py > y + height) return false;
    const cx = Math.min(Math.max(px, x + radius), x + width - radius);
    const cy = Math.min(Math.max(py, y + radius), y + height - radius);
    return (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2;
  };
}

function ellipse(cx: number, cy: number, rx: number, ry: number) {
  return (px: number, py: number): boolean => ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1;
}

/** A path of absolute straight-line commands, filled even-odd. */
function polygon(d: string) {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/gi)) {
    const values = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (command === 'M' || command === 'L') [x, y] = [values[0] ?? x, values[1] ?? y];
    else if (command === 'H') x = values[0] ?? x;
    else if (command === 'V') y = values[0] ?? y;
    else if (command === 'Z') continue;
    else throw new Error(`icon.svg: path command ${command} is not supported (absolute M, L, H, V, Z only)`);
    points.push([x, y]);
  }
  return (px: number, py: number): boolean => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] as [number, number];
      const [xj, yj] = points[j] as [number, number];
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** `square`: the first shape (the background) without its rounded corners, for opaque icons. */
function readDrawing(svg: string, square: boolean): Drawing {
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (viewBox === null || viewBox[1] !== viewBox[2]) throw new Error('icon.svg: the viewBox must be a square starting at 0 0');
  const shapes: Shape[] = [];
  for (const [tag, name] of svg.matchAll(/<(rect|ellipse|path)\b[^>]*>/g)) {
    const attrs = attributes(tag);
    const contains =
      name === 'rect'
        ? roundedRect(
            number(attrs, 'x', 0),
            number(attrs, 'y', 0),
            number(attrs, 'width'),
            number(attrs, 'height'),
            square && shapes.length === 0 ? 0 : number(attrs, 'rx', 0),
          )
        : name === 'ellipse'
          ? ellipse(number(attrs, 'cx'), number(attrs, 'cy'), number(attrs, 'rx'), number(attrs, 'ry'))
          : polygon(attrs.d ?? '');
    shapes.push({ fill: colour(attrs), contains });
  }
  return { viewBoxSize: Number(viewBox[1]), shapes };
}

/** RGBA pixels, rows top to bottom, straight (not premultiplied) alpha. */
function render(drawing: Drawing, sizePx: number): Buffer {
  const pixels = Buffer.alloc(sizePx * sizePx * 4);
  const unitsPerPx = drawing.viewBoxSize / sizePx;
  const samples = SAMPLES_PER_AXIS * SAMPLES_PER_AXIS;
  for (let row = 0; row < sizePx; row++) {
    for (let column = 0; column < sizePx; column++) {
      // Premultiplied sums over the pixel's samples, each sample painted shape over shape.
      let [red, green, blue, alpha] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
          const x = (column + (sx + 0.5) / SAMPLES_PER_AXIS) * unitsPerPx;
          const y = (row + (sy + 0.5) / SAMPLES_PER_AXIS) * unitsPerPx;
          let top: Shape | undefined;
          for (const shape of drawing.shapes) if (shape.contains(x, y)) top = shape;
          if (top === undefined) continue;
          red += top.fill[0];
          green += top.fill[1];
          blue += top.fill[2];
          alpha += 1;
        }
      }
      const at = (row * sizePx + column) * 4;
      if (alpha === 0) continue;
      pixels[at] = Math.round(red / alpha);
      pixels[at + 1] = Math.round(green / alpha);
      pixels[at + 2] = Math.round(blue / alpha);
      pixels[at + 3] = Math.round((alpha / samples) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(pixels: Buffer, sizePx: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(sizePx, 0);
  header.writeUInt32BE(sizePx, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per sample, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(sizePx * (sizePx * 4 + 1));
  for (let row = 0; row < sizePx; row++) {
    // Each row starts with its filter type, 0 (none).
    pixels.copy(rows, row * (sizePx * 4 + 1) + 1, row * sizePx * 4, (row + 1) * sizePx * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', zlib.deflateSync(rows, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** One icon image as a 32-bit DIB: BITMAPINFOHEADER, BGRA rows bottom-up, then an all-zero AND mask. */
function dib(pixels: Buffer, sizePx: number): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(sizePx, 4);
  header.writeInt32LE(sizePx * 2, 8); // colour rows plus mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colour = Buffer.alloc(sizePx * sizePx * 4);
  for (let row = 0; row < sizePx; row++) {
    for (let column = 0; column < sizePx; column++) {
      const from = (row * sizePx + column) * 4;
      const to = ((sizePx - 1 - row) * sizePx + column) * 4;
      colour.set([pixels[from + 2] as number, pixels[from + 1] as number, pixels[from] as number, pixels[from + 3] as number], to);
    }
  }
  const maskRowBytes = Math.ceil(sizePx / 32) * 4;
  return Buffer.concat([header, colour, Buffer.alloc(maskRowBytes * sizePx)]);
}

function ico(images: { sizePx: number; data: Buffer }[]): Buffer {
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ sizePx, data }, index) => {
    const entry = 6 + 16 * index;
    directory.writeUInt8(sizePx, entry);
    directory.writeUInt8(sizePx, entry + 1);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(data.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...images.map((image) => image.data)]);
}

function main(): void {
  const svg = fs.readFileSync(path.join(PUBLIC_DIR, 'icon.svg'), 'utf8');
  const rounded = readDrawing(svg, false);
  const square = readDrawing(svg, true);
  const write = (name: string, bytes: Buffer) => {
    fs.writeFileSync(path.join(PUBLIC_DIR, name), bytes);
    console.log(`public/${name}: ${bytes.length} bytes`);
  };
  write('favicon.ico', ico([16, 32, 48].map((sizePx) => ({ sizePx, data: dib(render(rounded, sizePx), sizePx) }))));
  write('apple-touch-icon.png', png(render(square, 180), 180));
  for (const sizePx of [192, 512]) write(`icon-${sizePx}.png`, png(render(rounded, sizePx), sizePx));
}

main();
