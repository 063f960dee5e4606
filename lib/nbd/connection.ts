// One NBD client connection: the fixed newstyle handshake, option haggling, then transmission
// with simple replies. Requests are applied one at a time in the order they came, so a read sees
// every write sent before it. What waits for the disk (FLUSH, and a write or write-zeroes with FUA)
// does not hold the requests behind it: its reply goes out, out of order, once the volume's sync
// covers it. That is what lets a client with many writes in flight share one fdatasync among them
// (group commit, lib/persist/volume-syncs.ts), as the NBD protocol allows: replies may come in any
// order, and a FLUSH answers for every write already replied to (its sync starts after they were
// applied). What an export is and does is the backend's (grainline-exports.ts); this file is the protocol.
import type { Socket } from 'node:net';
import * as wire from './protocol';

/** A refused I/O request: the errno the client gets, and why (for the log). */
export class NbdIoError extends Error {
  constructor(
    readonly errno: number,
    message: string,
  ) {
    super(message);
  }
}

/** An export the client may not open, or that does not exist: an option error reply with this message. */
export class NbdRefusal extends Error {
  constructor(
    readonly reply: number,
    message: string,
  ) {
    super(message);
  }
}

export interface NbdExport {
  readonly sizeBytes: number;
  readonly readOnly: boolean;
  readonly description: string;
  read(offsetBytes: number, lengthBytes: number): Promise<Uint8Array>;
  /** Resolves once reads see the data; durable after the next flush(). */
  write(offsetBytes: number, data: Uint8Array): Promise<void>;
  writeZeroes(offsetBytes: number, lengthBytes: number): Promise<void>;
  /** Makes every write applied so far durable. */
  flush(): Promise<void>;
  /** The connection ended (or an INFO answer is done with it). */
  close(): void;
}

export interface NbdBackend {
  list(): { name: string; description: string }[];
  /** Opens the export named by the client; throws NbdRefusal. `purpose`: INFO only looks. */
  open(name: string, purpose: 'info' | 'transmission'): Promise<NbdExport>;
}

/** The largest READ or WRITE payload served (the block-size information says so). */
export const PAYLOAD_BYTES_MAX = 32 * 1024 * 1024;
const PREFERRED_BLOCK_BYTES = 4096;
/**
 * Replies a connection may owe (requests waiting for the disk) before it reads no further. qemu
 * keeps 16 requests in flight; the bound only stops a client that never reads its replies.
 */
const OWED_REPLIES_MAX = 256;

/** Reads exact byte counts from a socket; rejects once the socket has closed. */
class SocketReader {
  private chunks: Buffer[] = [];
  private bufferedBytes = 0;
  private waiter: { bytes: number; resolve: (buffer: Buffer) => void; reject: (error: Error) => void } | null = null;
  private ended = false;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.bufferedBytes += chunk.length;
      this.serve();
    });
    const end = () => {
      this.ended = true;
      this.waiter?.reject(new Error('the client closed the connection'));
      this.waiter = null;
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  read(bytes: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.waiter = { bytes, resolve, reject };
      if (this.ended && this.bufferedBytes < bytes) {
        this.waiter = null;
        reject(new Error('the client closed the connection'));
        return;
      }
      this.serve();
    });
  }

  private serve(): void {
    const waiter = this.waiter;
    if (waiter === null || this.bufferedBytes < waiter.bytes) return;
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.bufferedBytes);
    this.chunks = all.length > waiter.bytes ? [all.subarray(waiter.bytes)] : [];
    this.bufferedBytes -= waiter.bytes;
    this.waiter = null;
    waiter.resolve(all.subarray(0, waiter.bytes));
  }
}

function transmissionFlags(entry: NbdExport): number {
  const flags = wire.TFLAG.HAS_FLAGS | wire.TFLAG.SEND_FLUSH | wire.TFLAG.SEND_FUA | wire.TFLAG.CAN_MULTI_CONN;
  return entry.readOnly ? flags | wire.TFLAG.READ_ONLY : flags | wire.TFLAG.SEND_TRIM | wire.TFLAG.SEND_WRITE_ZEROES;
}

/** Serves one connection until it ends; never throws (a broken client only closes its own socket). */
export async function serveConnection(socket: Socket, backend: NbdBackend, onError: (error: unknown) => void): Promise<void> {
  socket.setNoDelay(true);
  const reader = new SocketReader(socket);
  let open: NbdExport | null = null;
  try {
    socket.write(wire.serverGreeting());
    const clientFlags = (await reader.read(4)).readUInt32BE(0);
    const noZeroes = (clientFlags & wire.FLAG_NO_ZEROES) !== 0;
    open = await haggle(socket, reader, backend, noZeroes);
    if (open !== null) await transmit(socket, reader, open);
  } catch (error) {
    if (!(error instanceof Error && error.message === 'the client closed the connection')) onError(error);
  } finally {
    open?.close();
    socket.end();
  }
}

/** Option haggling; returns the export to transmit on, or null when the client is done. */
async function haggle(socket: Socket, reader: SocketReader, backend: NbdBackend, noZeroes: boolean): Promise<NbdExport | null> {
  for (;;) {
    const header = wire.parseOptionHeader(await reader.read(wire.OPTION_HEADER_BYTES));
    if (header.magic !== wire.IHAVEOPT || header.lengthBytes > wire.OPTION_DATA_BYTES_MAX) return null; // not NBD, or hostile
    const data = header.lengthBytes === 0 ? Buffer.alloc(0) : await reader.read(header.lengthBytes);
    const option = header.option;
    switch (option) {
      case wire.OPT.EXPORT_NAME: {
        // The old way to choose an export: no error reply exists, a refusal closes the connection.
        try {
          const entry = await backend.open(data.toString('utf8'), 'transmission');
          socket.write(wire.exportNameReply(entry.sizeBytes, transmissionFlags(entry), noZeroes));
          return entry;
        } catch (error) {
          if (error instanceof NbdRefusal) return null;
          throw error;
        }
      }
      case wire.OPT.ABORT:
        socket.write(wire.optionReply(option, wire.REP.ACK));
        return null;
      case wire.OPT.LIST:
        if (data.length !== 0) {
          socket.write(wire.optionError(option, wire.REP.ERR_INVALID, 'NBD_OPT_LIST takes no data'));
          break;
        }
        for (const entry of backend.list()) socket.write(wire.listEntry(entry.name, entry.description));
        socket.write(wire.optionReply(option, wire.REP.ACK));
        break;
      case wire.OPT.INFO:
      case wire.OPT.GO: {
        const request = wire.parseInfoRequest(data);
        if (request === null) {
          socket.write(wire.optionError(option, wire.REP.ERR_INVALID, 'malformed NBD_OPT_INFO/GO data'));
          break;
        }
        let entry: NbdExport;
        try {
          entry = await backend.open(request.name, option === wire.OPT.GO ? 'transmission' : 'info');
        } catch (error) {
          if (!(error instanceof NbdRefusal)) throw error;
          socket.write(wire.optionError(option, error.reply, error.message));
          break;
        }
        socket.write(wire.infoExport(option, entry.sizeBytes, transmissionFlags(entry)));
        socket.write(wire.infoBlockSize(option, 1, PREFERRED_BLOCK_BYTES, PAYLOAD_BYTES_MAX));
        if (request.requests.includes(wire.INFO.DESCRIPTION)) socket.write(wire.infoDescription(option, entry.description));
        socket.write(wire.optionReply(option, wire.REP.ACK));
        if (option === wire.OPT.GO) return entry;
        entry.close();
        break;
      }
      default:
        // STARTTLS, STRUCTURED_REPLY, meta contexts and anything newer: not served; clients fall back.
        socket.write(wire.optionError(option, wire.REP.ERR_UNSUP, `option ${option} is not supported by this server`));
    }
  }
}

async function transmit(socket: Socket, reader: SocketReader, entry: NbdExport): Promise<void> {
  const owed = new Set<Promise<void>>();
  const failures: unknown[] = []; // a durable wait that failed unexpectedly ends the connection
  try {
    for (;;) {
      const request = wire.parseRequest(await reader.read(wire.REQUEST_HEADER_BYTES));
      if (request.magic !== wire.REQUEST_MAGIC) return; // lost framing: nothing sensible can follow
      if (request.type === wire.CMD.DISC) return;
      let payload: Uint8Array | null = null;
      if (request.type === wire.CMD.WRITE) {
        if (request.lengthBytes > PAYLOAD_BYTES_MAX) return; // the payload cannot be skipped safely in memory
        payload = await reader.read(request.lengthBytes);
      }
      const outcome = await answer(entry, request, payload, socket);
      if (typeof outcome === 'number') socket.write(wire.simpleReply(request.handle, outcome));
      else if (outcome !== null) {
        const reply: Promise<void> = errnoOf(outcome.durable)
          .then(
            (errno) => {
              if (!socket.destroyed) socket.write(wire.simpleReply(request.handle, errno));
            },
            (error: unknown) => {
              failures.push(error);
              socket.destroy();
            },
          )
          .finally(() => owed.delete(reply));
        owed.add(reply);
        if (owed.size >= OWED_REPLIES_MAX) await Promise.race(owed);
      }
    }
  } finally {
    // After DISC (or the client going away) the connection ends only once every wait for the disk
    // has finished: each reply still owed is sent. Reported: the failure that closed the socket,
    // not the closed socket.
    await Promise.all(owed);
    if (failures.length > 0) throw failures[0];
  }
}

/** The errno a refusal replies with; anything else is the connection's failure, thrown on. */
function errnoOfRefusal(error: unknown): number {
  if (error instanceof NbdIoError) return error.errno;
  throw error;
}

/** 0 once the work is done, else the errno of its refusal. */
function errnoOf(work: Promise<void>): Promise<number> {
  return work.then(() => 0, errnoOfRefusal);
}

function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.once('drain', done);
    socket.once('close', done);
  });
}

/**
 * What a request comes to once it is applied: the errno of a reply without data (0: success),
 * null if it already replied, or a wait for the disk whose end the reply must follow.
 */
type Outcome = number | null | { durable: Promise<void> };

/** Applies one request (in the connection's order); see Outcome. */
async function answer(entry: NbdExport, request: wire.Request, payload: Uint8Array | null, socket: Socket): Promise<Outcome> {
  const fua = (request.flags & wire.CMD_FLAG.FUA) !== 0;
  const inRange = request.offsetBytes + request.lengthBytes <= entry.sizeBytes;
  // FUA: durable before the reply — the flush's sync starts after this request was applied.
  const done = (): Outcome => (fua ? { durable: entry.flush() } : 0);
  try {
    switch (request.type) {
      case wire.CMD.READ: {
        if (!inRange) return wire.ERRNO.EINVAL;
        if (request.lengthBytes > PAYLOAD_BYTES_MAX) return wire.ERRNO.EOVERFLOW;
        const bytes = await entry.read(request.offsetBytes, request.lengthBytes);
        // A client that pipelines reads and does not take the replies must not grow our memory.
        if (!socket.write(Buffer.concat([wire.simpleReply(request.handle, 0), bytes]))) await drained(socket);
        return null;
      }
      case wire.CMD.WRITE:
        if (entry.readOnly) return wire.ERRNO.EPERM;
        if (!inRange) return wire.ERRNO.ENOSPC;
        await entry.write(request.offsetBytes, payload ?? new Uint8Array(0));
        return done();
      case wire.CMD.WRITE_ZEROES:
        if (entry.readOnly) return wire.ERRNO.EPERM;
        if (!inRange) return wire.ERRNO.ENOSPC;
        await entry.writeZeroes(request.offsetBytes, request.lengthBytes);
        return done();
      case wire.CMD.TRIM:
        // Advisory: the data may stay. Grainline keeps it (a copy service must not lose bytes a
        // mapping still reads); a trim with FUA is a flush of what was written.
        if (entry.readOnly) return wire.ERRNO.EPERM;
        if (!inRange) return wire.ERRNO.EINVAL;
        return done();
      case wire.CMD.FLUSH:
        return { durable: entry.flush() };
      case wire.CMD.CACHE:
        return inRange ? 0 : wire.ERRNO.EINVAL;
      default:
        return wire.ERRNO.EINVAL;
    }
  } catch (error) {
    return errnoOfRefusal(error);
  }
}
