import { describe, expect, it } from 'vitest';
import { checkWorkloadForm, DEFAULT_WORKLOAD_FORM, workloadFormOf } from './workload-form';
import { refusalReason, refusedPercent, refusedText } from './workload-stats';

describe('workload form', () => {
  it('turns the default form into a request the API accepts, block size in bytes', () => {
    expect(checkWorkloadForm(DEFAULT_WORKLOAD_FORM)).toEqual({ errors: {}, request: { pattern: 'random', iops: 200, blockBytes: 65_536, writePercent: 50 } });
    expect(checkWorkloadForm({ ...DEFAULT_WORKLOAD_FORM, blockKiB: '0.5' }).request?.blockBytes).toBe(512);
  });

  it('says what is wrong with each field in the schema’s words', () => {
    const { errors, request } = checkWorkloadForm({ pattern: 'sequential', iops: '0', blockKiB: '0.3', writePercent: '101' });
    expect(request).toBeNull();
    expect(errors.iops).toBe('IOPS must be at least 1');
    expect(errors.blockKiB).toMatch(/^Block size must be/);
    expect(errors.writePercent).toBe('Writes must be at most 100');
    expect(checkWorkloadForm({ ...DEFAULT_WORKLOAD_FORM, blockKiB: '1.25' }).errors.blockKiB).toBe('Block size must be a multiple of 512 bytes');
    expect(checkWorkloadForm({ ...DEFAULT_WORKLOAD_FORM, blockKiB: '2048' }).errors.blockKiB).toBe('Block size must be at most 1 MiB');
    expect(checkWorkloadForm({ ...DEFAULT_WORKLOAD_FORM, iops: '12.5' }).errors.iops).toBe('IOPS must be a whole number');
    expect(checkWorkloadForm({ ...DEFAULT_WORKLOAD_FORM, iops: '300000' }).errors.iops).toBe('IOPS must be at most 200,000');
  });

  it('requires numbers', () => {
    const { errors } = checkWorkloadForm({ ...DEFAULT_WORKLOAD_FORM, iops: '', writePercent: 'half' });
    expect(errors).toEqual({ iops: 'IOPS is required', writePercent: 'Writes must be a number' });
  });

  it('shows a running workload’s settings', () => {
    expect(workloadFormOf({ pattern: 'sequential', iops: 1000, blockBytes: 4096, writePercent: 100 })).toEqual({
      pattern: 'sequential',
      iops: '1000',
      blockKiB: '4',
      writePercent: '100',
    });
  });
});

const stats = (rejected: number, rejectedWrites: number, lastError: string | null = null) => ({
  reads: 50,
  writes: 0,
  rejected,
  rejectedWrites,
  bytesWritten: 0,
  iopsMeasured: 10,
  limitedToIops: null,
  lastError,
});

describe('workload refusals', () => {
  it('counts refused writes and reads', () => {
    expect(refusedText(stats(0, 0))).toBeNull();
    expect(refusedText(stats(120, 120))).toBe('120 writes refused');
    expect(refusedText(stats(1, 1))).toBe('1 write refused');
    expect(refusedText(stats(1_203, 1_200))).toBe('3 reads and 1,200 writes refused');
  });

  it('gives the last reason as a sentence and the refused share', () => {
    expect(refusalReason(stats(1, 1, 'volume s is the S-VOL of pair p in state PAIR, where it is read-only'))).toBe(
      'Volume s is the S-VOL of pair p in state PAIR, where it is read-only',
    );
    expect(refusalReason(stats(0, 0))).toBeNull();
    expect(refusedPercent(stats(50, 50))).toBe(50);
    expect(refusedPercent({ ...stats(0, 0), reads: 0 })).toBe(0);
  });
});
