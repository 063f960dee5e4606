// A bitmap over a volume's grains, one bit per grain, kept in 32-bit words so that range updates,
// counts and scans touch a word at a time. Copy relationships keep their copied and differential
// bitmaps in it; volume stores keep their allocation maps in it.
//
// Invariants: bits past grainCount in the last word are always zero, and `setCount` is always the
// number of set bits (so count() costs nothing, which the copier asks for on every tick).
import assert from 'node:assert';
import { crc32 } from 'node:zlib';

const WORD_BITS = 32;
const WORD_MASK_ALL = 0xffff_ffff;
/** 2^31 grains is 128 TiB at 64 KiB grains; the word index of any grain then fits `>>> 5`. */
export const GRAIN_COUNT_MAX = 2 ** 31;

// Serialized form (little-endian): a header, then the payload in one of two formats.
//   magic u32 "GRBM" | version u8 | format u8 | reserved u16 = 0 | grainCount u32 |
//   payloadBytes u32 | crc32 u32 (of the header's first 16 bytes, then the payload) | payload
// Format words: the bitmap's words, 4 bytes each. Format runs: LEB128 run lengths, alternating
// clear and set runs starting with a clear one (which alone may be empty), summing to grainCount.
const SERIAL_MAGIC = 0x4d42_5247; // "GRBM" read as a little-endian u32
const SERIAL_VERSION = 1;
const SERIAL_HEADER_BYTES = 20;
export const SERIAL_FORMATS = ['words', 'runs'] as const;
export type SerialFormat = (typeof SERIAL_FORMATS)[number];

assert(new Uint8Array(new Uint32Array([1]).buffer)[0] === 1, 'grain bitmaps assume a little-endian host');

/** Input handed to deserialize() is not a valid serialized bitmap (truncated, corrupt, or foreign). */
export class GrainBitmapFormatError extends Error {
  constructor(reason: string) {
    super(`grain bitmap: ${reason}`);
    this.name = 'GrainBitmapFormatError';
  }
}

export class GrainBitmap {
  readonly grainCount: number;
  private readonly words: Uint32Array;
  private setCount = 0;
  /** Bumped by every change, so derived figures (differential sizes) can be cached per version. */
  private mutations = 0;
  /**
   * Every word below this one is zero. nextSet() starts there and moves it up, so a copier that
   * asks for the first grain to copy on every tick does not rescan the stretch it already copied.
   */
  private firstSetWord = 0;

  constructor(grainCount: number) {
    assert(Number.isSafeInteger(grainCount) && grainCount >= 0, 'grain count must be a non-negative integer');
    assert(grainCount <= GRAIN_COUNT_MAX, `grain count ${grainCount} exceeds ${GRAIN_COUNT_MAX}`);
    this.grainCount = grainCount;
    this.words = new Uint32Array(Math.ceil(grainCount / WORD_BITS));
  }

  get(grain: number): boolean {
    this.assertGrain(grain);
    return (this.words[grain >>> 5]! & (1 << (grain & 31))) !== 0;
  }

  set(grain: number): void {
    this.assertGrain(grain);
    const bit = 1 << (grain & 31);
    const word = this.words[grain >>> 5]!;
    if ((word & bit) !== 0) return;
    this.words[grain >>> 5] = word | bit;
    this.firstSetWord = Math.min(this.firstSetWord, grain >>> 5);
    this.setCount += 1;
    this.mutations += 1;
  }

  clear(grain: number): void {
    this.assertGrain(grain);
    const bit = 1 << (grain & 31);
    const word = this.words[grain >>> 5]!;
    if ((word & bit) === 0) return;
    this.words[grain >>> 5] = word & ~bit;
    this.setCount -= 1;
    this.mutations += 1;
  }

  /** Sets grains [first, first + count). */
  setRange(first: number, count: number): void {
    this.assertRange(first, count);
    const end = first + count;
    if (count > 0) this.firstSetWord = Math.min(this.firstSetWord, wordOf(first));
    for (let index = wordOf(first); index < wordEnd(first, end); index += 1) {
      const before = this.words[index]!;
      const after = (before | rangeMask(index, first, end)) >>> 0;
      this.words[index] = after;
      this.setCount += popcount(after) - popcount(before);
      this.mutations += 1;
    }
  }

  /** Clears grains [first, first + count). */
  clearRange(first: number, count: number): void {
    this.assertRange(first, count);
    const end = first + count;
    for (let index = wordOf(first); index < wordEnd(first, end); index += 1) {
      const before = this.words[index]!;
      const after = (before & ~rangeMask(index, first, end)) >>> 0;
      this.words[index] = after;
      this.setCount += popcount(after) - popcount(before);
      this.mutations += 1;
    }
  }

  /** True when any grain of [first, first + count) is set (false for an empty range). */
  testRangeAny(first: number, count: number): boolean {
    this.assertRange(first, count);
    const end = first + count;
    for (let index = wordOf(first); index < wordEnd(first, end); index += 1) {
      if ((this.words[index]! & rangeMask(index, first, end)) !== 0) return true;
    }
    return false;
  }

  /** True when every grain of [first, first + count) is set (true for an empty range). */
  testRangeAll(first: number, count: number): boolean {
    this.assertRange(first, count);
    const end = first + count;
    for (let index = wordOf(first); index < wordEnd(first, end); index += 1) {
      const mask = rangeMask(index, first, end);
      if ((this.words[index]! & mask) >>> 0 !== mask) return false;
    }
    return true;
  }

  /** Number of set grains, in constant time. */
  count(): number {
    return this.setCount;
  }

  /** Changes whenever any grain does (not necessarily only then: a no-op range write may bump it). */
  get version(): number {
    return this.mutations;
  }

  /** Number of set grains in [first, first + count). */
  countRange(first: number, count: number): number {
    this.assertRange(first, count);
    return this.countWords([], first, first + count);
  }

  /** The first set grain at or after `from`, or -1 when there is none. */
  nextSet(from: number): number {
    return this.next(from, 0);
  }

  /** The first clear grain at or after `from`, or -1 when there is none. */
  nextClear(from: number): number {
    return this.next(from, WORD_MASK_ALL);
  }

  /** this |= other: grains set in either. */
  union(other: GrainBitmap): void {
    this.assertSameSize(other, 'union');
    this.combine(other, (target, source) => target | source);
  }

  /** this &= ~other: grains set here and not in other. */
  difference(other: GrainBitmap): void {
    this.assertSameSize(other, 'difference');
    this.combine(other, (target, source) => target & ~source);
  }

  /** this &= other: grains set in both. */
  intersection(other: GrainBitmap): void {
    this.assertSameSize(other, 'intersection');
    this.combine(other, (target, source) => target & source);
  }

  /** Grains set here or in any of `others`, counted word by word without building the union. */
  countUnion(others: readonly GrainBitmap[]): number {
    for (const other of others) this.assertSameSize(other, 'countUnion');
    let total = 0;
    for (let index = 0; index < this.words.length; index += 1) {
      let word = this.words[index]!;
      for (const other of others) word |= other.words[index]!;
      total += popcount(word);
    }
    return total;
  }

  /** Grains of [first, first + count) set here or in any of `others`, without building the union. */
  countRangeUnion(others: readonly GrainBitmap[], first: number, count: number): number {
    for (const other of others) this.assertSameSize(other, 'countRangeUnion');
    this.assertRange(first, count);
    return this.countWords(others, first, first + count);
  }

  clone(): GrainBitmap {
    const copy = new GrainBitmap(this.grainCount);
    copy.words.set(this.words);
    copy.setCount = this.setCount;
    copy.firstSetWord = this.firstSetWord;
    return copy;
  }

  /** Same grain count and the same grains set. */
  equals(other: GrainBitmap): boolean {
    if (other.grainCount !== this.grainCount || other.setCount !== this.setCount) return false;
    for (let index = 0; index < this.words.length; index += 1) {
      if (this.words[index] !== other.words[index]) return false;
    }
    return true;
  }

  /** The compact form: the smaller of the raw words and the run lengths, behind a checked header. */
  serialize(): Uint8Array {
    const wordsBytes = this.words.length * 4;
    const runs = encodeRuns(this, wordsBytes);
    const payload = runs ?? new Uint8Array(this.words.buffer, this.words.byteOffset, wordsBytes);
    const bytes = new Uint8Array(SERIAL_HEADER_BYTES + payload.length);
    const header = new DataView(bytes.buffer);
    header.setUint32(0, SERIAL_MAGIC, true);
    header.setUint8(4, SERIAL_VERSION);
    header.setUint8(5, SERIAL_FORMATS.indexOf(runs === null ? 'words' : 'runs'));
    header.setUint16(6, 0, true);
    header.setUint32(8, this.grainCount, true);
    header.setUint32(12, payload.length, true);
    bytes.set(payload, SERIAL_HEADER_BYTES);
    header.setUint32(16, checksum(bytes), true);
    return bytes;
  }

  /** The format serialize() chose for these bytes (for tests and diagnostics). */
  static serialFormat(bytes: Uint8Array): SerialFormat {
    return parseHeader(bytes).format;
  }

  /** Rebuilds a bitmap from serialize()'s output; throws GrainBitmapFormatError on any damage. */
  static deserialize(bytes: Uint8Array): GrainBitmap {
    const { format, grainCount, payload } = parseHeader(bytes);
    const bitmap = new GrainBitmap(grainCount);
    if (format === 'words') bitmap.loadWords(payload);
    else bitmap.loadRuns(payload);
    return bitmap;
  }

  private loadWords(payload: Uint8Array): void {
    if (payload.length !== this.words.length * 4) {
      throw new GrainBitmapFormatError(`words payload has ${payload.length} bytes, ${this.grainCount} grains need ${this.words.length * 4}`);
    }
    new Uint8Array(this.words.buffer).set(payload);
    this.firstSetWord = 0;
    const tailBits = this.grainCount % WORD_BITS;
    if (tailBits !== 0 && this.words[this.words.length - 1]! >>> tailBits !== 0) {
      throw new GrainBitmapFormatError(`bits set past grain count ${this.grainCount}`);
    }
    let total = 0;
    for (let index = 0; index < this.words.length; index += 1) total += popcount(this.words[index]!);
    this.setCount = total;
    this.mutations += 1;
  }

  private loadRuns(payload: Uint8Array): void {
    const reader = { payload, offset: 0 };
    let position = 0;
    // Every run but the first covers at least one grain, so there are at most grainCount + 1.
    for (let run = 0; reader.offset < payload.length; run += 1) {
      assert(run <= this.grainCount + 1);
      const length = readVarint(reader);
      if (length === 0 && run > 0) throw new GrainBitmapFormatError(`run ${run} is empty`);
      if (length > this.grainCount - position) {
        throw new GrainBitmapFormatError(`runs exceed grain count ${this.grainCount} at run ${run}`);
      }
      if (run % 2 === 1) this.setRange(position, length);
      position += length;
    }
    if (position !== this.grainCount) {
      throw new GrainBitmapFormatError(`runs cover ${position} grains, header says ${this.grainCount}`);
    }
  }

  /**
   * Set grains of [first, end) here or in `others`. Only the two edge words need a mask; the
   * words between are counted whole, which keeps heatmaps of millions of grains cheap.
   */
  private countWords(others: readonly GrainBitmap[], first: number, end: number): number {
    if (first === end) return 0;
    const firstWord = wordOf(first);
    const lastWord = wordOf(end - 1);
    const wordAt = (index: number): number => {
      let word = this.words[index]!;
      for (const other of others) word |= other.words[index]!;
      return word;
    };
    if (firstWord === lastWord) return popcount(wordAt(firstWord) & rangeMask(firstWord, first, end));
    let total = popcount(wordAt(firstWord) & rangeMask(firstWord, first, end)) + popcount(wordAt(lastWord) & rangeMask(lastWord, first, end));
    const words = this.words;
    if (others.length === 0) {
      for (let index = firstWord + 1; index < lastWord; index += 1) total += popcount(words[index]!);
    } else if (others.length === 1) {
      const otherWords = others[0]!.words;
      for (let index = firstWord + 1; index < lastWord; index += 1) total += popcount(words[index]! | otherWords[index]!);
    } else {
      for (let index = firstWord + 1; index < lastWord; index += 1) total += popcount(wordAt(index));
    }
    return total;
  }

  private next(from: number, flip: number): number {
    assert(Number.isSafeInteger(from) && from >= 0, 'scan start must be a non-negative integer');
    if (from >= this.grainCount) return -1;
    const fromWord = wordOf(from);
    const seekingSet = flip === 0;
    // The scan proves every word it passes zero, so it may move firstSetWord up when it starts at
    // or below it, unless the first word it reads is masked (bits below `from` are not looked at).
    const advancesHint = seekingSet && (fromWord < this.firstSetWord || (fromWord === this.firstSetWord && (from & 31) === 0));
    const first = seekingSet ? Math.max(fromWord, this.firstSetWord) : fromWord;
    for (let index = first; index < this.words.length; index += 1) {
      let word = (this.words[index]! ^ flip) >>> 0;
      if (index === fromWord) word = (word & (WORD_MASK_ALL << (from & 31))) >>> 0;
      if (word === 0) continue;
      if (advancesHint) this.firstSetWord = index;
      const grain = index * WORD_BITS + (31 - Math.clz32(word & -word));
      // Tail bits past the last grain read as clear to nextClear(): there is no such grain.
      return grain < this.grainCount ? grain : -1;
    }
    if (advancesHint) this.firstSetWord = this.words.length;
    return -1;
  }

  private combine(other: GrainBitmap, operation: (target: number, source: number) => number): void {
    let total = 0;
    for (let index = 0; index < this.words.length; index += 1) {
      const after = operation(this.words[index]!, other.words[index]!) >>> 0;
      this.words[index] = after;
      total += popcount(after);
    }
    this.setCount = total;
    this.firstSetWord = 0;
    this.mutations += 1;
  }

  private assertGrain(grain: number): void {
    if (!(Number.isInteger(grain) && grain >= 0 && grain < this.grainCount)) {
      assert.fail(`grain ${grain} is outside [0, ${this.grainCount})`);
    }
  }

  private assertRange(first: number, count: number): void {
    const valid = Number.isInteger(first) && Number.isInteger(count) && first >= 0 && count >= 0;
    if (!(valid && first + count <= this.grainCount)) {
      assert.fail(`grain range [${first}, ${first}+${count}) is outside [0, ${this.grainCount})`);
    }
  }

  private assertSameSize(other: GrainBitmap, operation: string): void {
    if (other.grainCount !== this.grainCount) {
      assert.fail(`${operation} of bitmaps of ${this.grainCount} and ${other.grainCount} grains`);
    }
  }
}

function wordOf(grain: number): number {
  return grain >>> 5;
}

/** One past the index of the last word holding grains [first, end); an empty range has no words. */
function wordEnd(first: number, end: number): number {
  return first === end ? wordOf(first) : Math.ceil(end / WORD_BITS);
}

/** The bits of word `index` that fall within grains [first, end). */
function rangeMask(index: number, first: number, end: number): number {
  const wordFirst = index * WORD_BITS;
  const low = Math.max(first, wordFirst) - wordFirst;
  const high = Math.min(end, wordFirst + WORD_BITS) - wordFirst;
  assert(low < high);
  const width = high - low;
  return width === WORD_BITS ? WORD_MASK_ALL : (((1 << width) - 1) << low) >>> 0;
}

function popcount(word: number): number {
  let value = word - ((word >>> 1) & 0x5555_5555);
  value = (value & 0x3333_3333) + ((value >>> 2) & 0x3333_3333);
  return Math.imul((value + (value >>> 4)) & 0x0f0f_0f0f, 0x0101_0101) >>> 24;
}

/** The run-length payload, or null as soon as it would not be smaller than `bytesLimit`. */
function encodeRuns(bitmap: GrainBitmap, bytesLimit: number): Uint8Array | null {
  const writer = { bytes: new Uint8Array(64), offset: 0 };
  let position = 0;
  let clearRun = true;
  for (let run = 0; position < bitmap.grainCount; run += 1) {
    assert(run <= bitmap.grainCount);
    const next = clearRun ? bitmap.nextSet(position) : bitmap.nextClear(position);
    const end = next === -1 ? bitmap.grainCount : next;
    writeVarint(writer, end - position);
    if (writer.offset >= bytesLimit) return null;
    position = end;
    clearRun = !clearRun;
  }
  return writer.offset < bytesLimit ? writer.bytes.subarray(0, writer.offset) : null;
}

/** Appends `value` as an unsigned LEB128 of at most 5 bytes, growing the buffer as needed. */
function writeVarint(writer: { bytes: Uint8Array; offset: number }, value: number): void {
  assert(Number.isInteger(value) && value >= 0 && value <= WORD_MASK_ALL);
  if (writer.offset + 5 > writer.bytes.length) {
    const grown = new Uint8Array(writer.bytes.length * 2);
    grown.set(writer.bytes.subarray(0, writer.offset));
    writer.bytes = grown;
  }
  let rest = value;
  for (let byteIndex = 0; byteIndex < 5; byteIndex += 1) {
    const low = rest & 0x7f;
    rest = Math.floor(rest / 128);
    writer.bytes[writer.offset++] = rest === 0 ? low : low | 0x80;
    if (rest === 0) return;
  }
  assert.fail('a u32 fits in 5 LEB128 bytes');
}

function readVarint(reader: { payload: Uint8Array; offset: number }): number {
  let value = 0;
  for (let byteIndex = 0; byteIndex < 5; byteIndex += 1) {
    if (reader.offset >= reader.payload.length) throw new GrainBitmapFormatError('run length truncated');
    const byte = reader.payload[reader.offset++]!;
    value += (byte & 0x7f) * 2 ** (7 * byteIndex);
    if ((byte & 0x80) === 0) {
      if (value > WORD_MASK_ALL) throw new GrainBitmapFormatError('run length overflows 32 bits');
      return value;
    }
  }
  throw new GrainBitmapFormatError('run length longer than 5 bytes');
}

function parseHeader(bytes: Uint8Array): { format: SerialFormat; grainCount: number; payload: Uint8Array } {
  if (bytes.length < SERIAL_HEADER_BYTES) {
    throw new GrainBitmapFormatError(`truncated header: ${bytes.length} bytes, need ${SERIAL_HEADER_BYTES}`);
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, SERIAL_HEADER_BYTES);
  if (header.getUint32(0, true) !== SERIAL_MAGIC) throw new GrainBitmapFormatError('bad magic: not a grain bitmap');
  const version = header.getUint8(4);
  if (version !== SERIAL_VERSION) throw new GrainBitmapFormatError(`unsupported version ${version}`);
  const format = SERIAL_FORMATS[header.getUint8(5)];
  if (format === undefined) throw new GrainBitmapFormatError(`unknown format ${header.getUint8(5)}`);
  if (header.getUint16(6, true) !== 0) throw new GrainBitmapFormatError('reserved header bytes are not zero');
  const grainCount = header.getUint32(8, true);
  if (grainCount > GRAIN_COUNT_MAX) throw new GrainBitmapFormatError(`grain count ${grainCount} exceeds ${GRAIN_COUNT_MAX}`);
  const payloadBytes = header.getUint32(12, true);
  const payload = bytes.subarray(SERIAL_HEADER_BYTES);
  if (payload.length < payloadBytes) {
    throw new GrainBitmapFormatError(`truncated payload: ${payload.length} of ${payloadBytes} bytes`);
  }
  if (payload.length > payloadBytes) {
    throw new GrainBitmapFormatError(`${payload.length - payloadBytes} unexpected bytes after the payload`);
  }
  if (checksum(bytes) !== header.getUint32(16, true)) throw new GrainBitmapFormatError('checksum mismatch');
  return { format, grainCount, payload };
}

/** CRC-32 of a serialized bitmap: the header up to the checksum field, then the payload. */
function checksum(bytes: Uint8Array): number {
  const headerCrc = crc32(bytes.subarray(0, SERIAL_HEADER_BYTES - 4));
  return crc32(bytes.subarray(SERIAL_HEADER_BYTES), headerCrc);
}
