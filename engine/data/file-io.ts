// Synchronous positioned file I/O that finishes short reads and writes, and directory fsync: what
// the file store and its allocation journal share.
import assert from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';

/** Partial reads and writes of a regular file are rare; this bounds the retry loops. */
const IO_ATTEMPTS_MAX = 1_024;

/** Makes a rename or a file creation in the directory of `filePath` durable. */
export function fsyncDirectory(filePath: string): void {
  const fd = fs.openSync(path.dirname(filePath), 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readFully(fd: number, target: Uint8Array, positionBytes: number, filePath: string): void {
  let doneBytes = 0;
  for (let attempt = 0; doneBytes < target.length; attempt += 1) {
    assert(attempt < IO_ATTEMPTS_MAX, 'reads keep coming back short');
    const readBytes = fs.readSync(fd, target, doneBytes, target.length - doneBytes, positionBytes + doneBytes);
    if (readBytes === 0) throw new Error(`volume file ${filePath} ends before offset ${positionBytes + doneBytes}`);
    doneBytes += readBytes;
  }
}

/** One gathered write of `buffers` at positionBytes, finishing any short write. */
export function writeFully(fd: number, buffers: Uint8Array[], positionBytes: number, filePath: string): void {
  const pending = buffers.filter((buffer) => buffer.length > 0);
  let doneBytes = 0;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt >= IO_ATTEMPTS_MAX) assert.fail(`writes to ${filePath} keep coming back short`);
    let writtenBytes = fs.writevSync(fd, pending, positionBytes + doneBytes);
    doneBytes += writtenBytes;
    // Drop what was written: whole buffers, then the written front of the next one.
    while (pending.length > 0 && writtenBytes >= pending[0]!.length) writtenBytes -= pending.shift()!.length;
    if (writtenBytes > 0) pending[0] = pending[0]!.subarray(writtenBytes);
  }
}

/** Replaces a file atomically (temporary file, fsync, rename, directory fsync): readers see old or new, never a mix. */
export function replaceFile(filePath: string, buffers: Uint8Array[]): void {
  const temporaryPath = `${filePath}.tmp`;
  const fd = fs.openSync(temporaryPath, 'w');
  try {
    writeFully(fd, buffers, 0, temporaryPath);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporaryPath, filePath);
  fsyncDirectory(filePath);
}
