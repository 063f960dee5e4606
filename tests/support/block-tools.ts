// Arguments for the Debian block tools the tests and benchmarks drive.

/**
 * `qemu-img bench` writing `count` blocks of `blockBytes`, one after another across the image, with
 * `depth` requests in flight. Writethrough cache: each write goes with FUA, so it is acknowledged
 * only once durable. Every byte written is `pattern`.
 */
export function fuaWriteBenchArgs(uri: string, options: { depth: number; count: number; blockBytes: number; pattern: number }): string[] {
  const { depth, count, blockBytes, pattern } = options;
  return ['bench', '-f', 'raw', '-w', '-t', 'writethrough', '-d', String(depth), '-c', String(count), '-s', String(blockBytes), `--pattern=${pattern}`, uri];
}
