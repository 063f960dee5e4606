// The Network Block Device protocol's wire format (the NBD project's proto.md), the parts
// Grainline serves: the fixed newstyle handshake, options EXPORT_NAME, ABORT, LIST, INFO and GO,
// and simple replies to READ, WRITE, DISC, FLUSH, TRIM and WRITE_ZEROES. Pure encoding and
// decoding; the connection's state machine is connection.ts.

export const NBDMAGIC = 0x4e42444d41474943n;
export const IHAVEOPT = 0x49484156454f5054n;
export const OPTION_REPLY_MAGIC = 0x3e889045565a9n;
export const REQUEST_MAGIC = 0x25609513;
export const SIMPLE_REPLY_MAGIC = 0x67446698;

/** Handshake flags (server) and client flags. */
export const FLAG_FIXED_NEWSTYLE = 1 << 0;
export const FLAG_NO_ZEROES = 1 << 1;

export const OPT = {
  EXPORT_NAME: 1,
  ABORT: 2,
  LIST: 3,
  STARTTLS: 5,
  INFO: 6,
  GO: 7,
  STRUCTURED_REPLY: 8,
  LIST_META_CONTEXT: 9,
  SET_META_CONTEXT: 10,
} as const;

const ERROR_BIT = 2 ** 31;
export const REP = {
  ACK: 1,
  SERVER: 2,
  INFO: 3,
  ERR_UNSUP: ERROR_BIT + 1,
  ERR_POLICY: ERROR_BIT + 2,
  ERR_INVALID: ERROR_BIT + 3,
  ERR_UNKNOWN: ERROR_BIT + 6,
} as const;

export const INFO = { EXPORT: 0, NAME: 1, DESCRIPTION: 2, BLOCK_SIZE: 3 } as const;

/** Transmission flags of an export. */
export const TFLAG = {
  HAS_FLAGS: 1 << 0,
  READ_ONLY: 1 << 1,
  SEND_FLUSH: 1 << 2,
  SEND_FUA: 1 << 3,
  SEND_TRIM: 1 << 5,
  SEND_WRITE_ZEROES: 1 << 6,
  CAN_MULTI_CONN: 1 << 8,
} as const;

export const CMD = { READ: 0, WRITE: 1, DISC: 2, FLUSH: 3, TRIM: 4, CACHE: 5, WRITE_ZEROES: 6, BLOCK_STATUS: 7 } as const;
export const CMD_FLAG = { FUA: 1 << 0, NO_HOLE: 1 << 1 } as const;

/** The errno values NBD carries in replies. */
export const ERRNO = { EPERM: 1, EIO: 5, ENOMEM: 12, EINVAL: 22, ENOSPC: 28, EOVERFLOW: 75, ENOTSUP: 95, ESHUTDOWN: 108 } as const;

export const OPTION_HEADER_BYTES = 16;
export const REQUEST_HEADER_BYTES = 28;
/** An option's data longer than this is a broken or hostile client: the connection closes. */
export const OPTION_DATA_BYTES_MAX = 64 * 1024;

export function serverGreeting(): Buffer {
  const buffer = Buffer.alloc(18);
  buffer.writeBigUInt64BE(NBDMAGIC, 0);
  buffer.writeBigUInt64BE(IHAVEOPT, 8);
  buffer.writeUInt16BE(FLAG_FIXED_NEWSTYLE | FLAG_NO_ZEROES, 16);
  return buffer;
}

export interface OptionHeader {
  magic: bigint;
  option: number;
  lengthBytes: number;
}

export function parseOptionHeader(buffer: Buffer): OptionHeader {
  return { magic: buffer.readBigUInt64BE(0), option: buffer.readUInt32BE(8), lengthBytes: buffer.readUInt32BE(12) };
}

export function optionReply(option: number, type: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(20);
  header.writeBigUInt64BE(OPTION_REPLY_MAGIC, 0);
  header.writeUInt32BE(option, 8);
  header.writeUInt32BE(type, 12);
  header.writeUInt32BE(data.length, 16);
  return Buffer.concat([header, data]);
}

/** An error reply carries a human-readable message (clients such as nbdinfo print it). */
export function optionError(option: number, type: number, message: string): Buffer {
  return optionReply(option, type, Buffer.from(message.slice(0, 1000), 'utf8'));
}

/** NBD_REP_SERVER for NBD_OPT_LIST: the export's name, and a description. */
export function listEntry(name: string, description: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(nameBytes.length, 0);
  return optionReply(OPT.LIST, REP.SERVER, Buffer.concat([length, nameBytes, Buffer.from(description, 'utf8')]));
}

export function infoExport(option: number, sizeBytes: number, transmissionFlags: number): Buffer {
  const data = Buffer.alloc(12);
  data.writeUInt16BE(INFO.EXPORT, 0);
  data.writeBigUInt64BE(BigInt(sizeBytes), 2);
  data.writeUInt16BE(transmissionFlags, 10);
  return optionReply(option, REP.INFO, data);
}

export function infoBlockSize(option: number, minimumBytes: number, preferredBytes: number, maximumBytes: number): Buffer {
  const data = Buffer.alloc(14);
  data.writeUInt16BE(INFO.BLOCK_SIZE, 0);
  data.writeUInt32BE(minimumBytes, 2);
  data.writeUInt32BE(preferredBytes, 6);
  data.writeUInt32BE(maximumBytes, 10);
  return optionReply(option, REP.INFO, data);
}

export function infoDescription(option: number, description: string): Buffer {
  const type = Buffer.alloc(2);
  type.writeUInt16BE(INFO.DESCRIPTION, 0);
  return optionReply(option, REP.INFO, Buffer.concat([type, Buffer.from(description, 'utf8')]));
}

/** The data of NBD_OPT_INFO / NBD_OPT_GO: the export name and the information requests; null if malformed. */
export function parseInfoRequest(data: Buffer): { name: string; requests: number[] } | null {
  if (data.length < 6) return null;
  const nameBytes = data.readUInt32BE(0);
  if (4 + nameBytes + 2 > data.length) return null;
  const name = data.subarray(4, 4 + nameBytes).toString('utf8');
  const count = data.readUInt16BE(4 + nameBytes);
  if (4 + nameBytes + 2 + count * 2 !== data.length) return null;
  const requests = Array.from({ length: count }, (_, i) => data.readUInt16BE(4 + nameBytes + 2 + i * 2));
  return { name, requests };
}

/** The reply to NBD_OPT_EXPORT_NAME (no option-reply header; no zero padding with NO_ZEROES). */
export function exportNameReply(sizeBytes: number, transmissionFlags: number, noZeroes: boolean): Buffer {
  const buffer = Buffer.alloc(noZeroes ? 10 : 134);
  buffer.writeBigUInt64BE(BigInt(sizeBytes), 0);
  buffer.writeUInt16BE(transmissionFlags, 8);
  return buffer;
}

export interface Request {
  magic: number;
  flags: number;
  type: number;
  /** The client's cookie, echoed in the reply as it came. */
  handle: Buffer;
  offsetBytes: number;
  lengthBytes: number;
}

export function parseRequest(buffer: Buffer): Request {
  const offset = buffer.readBigUInt64BE(16);
  return {
    magic: buffer.readUInt32BE(0),
    flags: buffer.readUInt16BE(4),
    type: buffer.readUInt16BE(6),
    handle: Buffer.from(buffer.subarray(8, 16)),
    // Beyond 2^53 no volume reaches; the range check refuses it as too far.
    offsetBytes: offset > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(offset),
    lengthBytes: buffer.readUInt32BE(24),
  };
}

export function simpleReply(handle: Buffer, errno: number): Buffer {
  const buffer = Buffer.alloc(16);
  buffer.writeUInt32BE(SIMPLE_REPLY_MAGIC, 0);
  buffer.writeUInt32BE(errno, 4);
  handle.copy(buffer, 8);
  return buffer;
}
