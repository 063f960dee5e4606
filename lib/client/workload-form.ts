// The host workload form checked with the API's own schema (WorkloadBody), so the inline
// messages are the ones the server would answer with. Block sizes are typed in KiB, as hosts
// speak of them; the request carries bytes.
import { WorkloadBody } from '@/lib/api/host-io-schemas';
import type { WorkloadPattern } from '@/engine/client';
import type { Workload, WorkloadRequest } from './types';

export interface WorkloadFormValues {
  pattern: WorkloadPattern;
  iops: string;
  blockKiB: string;
  writePercent: string;
}

export type WorkloadFormField = 'pattern' | 'iops' | 'blockKiB' | 'writePercent';
export type WorkloadFormErrors = Partial<Record<WorkloadFormField, string>>;

export const WORKLOAD_FIELD_LABELS: Record<WorkloadFormField, string> = {
  pattern: 'Pattern',
  iops: 'IOPS',
  blockKiB: 'Block size',
  writePercent: 'Writes',
};

const FIELD_BY_BODY_KEY: Record<string, WorkloadFormField> = { pattern: 'pattern', iops: 'iops', blockBytes: 'blockKiB', writePercent: 'writePercent' };

/** A modest mixed load: enough to see IOPS and marked grains, little enough for a shared machine. */
export const DEFAULT_WORKLOAD_FORM: WorkloadFormValues = { pattern: 'random', iops: '200', blockKiB: '64', writePercent: '50' };

const KiB = 1024;
const NUMBER = /^\s*\d+(\.\d+)?\s*$/;

/** The form showing a running workload's settings. */
export function workloadFormOf(workload: Pick<Workload, 'pattern' | 'iops' | 'blockBytes' | 'writePercent'>): WorkloadFormValues {
  return { pattern: workload.pattern, iops: String(workload.iops), blockKiB: String(workload.blockBytes / KiB), writePercent: String(workload.writePercent) };
}

export interface WorkloadFormCheck {
  errors: WorkloadFormErrors;
  request: WorkloadRequest | null;
}

export function checkWorkloadForm(values: WorkloadFormValues): WorkloadFormCheck {
  const errors: WorkloadFormErrors = {};
  const numbers: Partial<Record<'iops' | 'blockKiB' | 'writePercent', number>> = {};
  for (const field of ['iops', 'blockKiB', 'writePercent'] as const) {
    const text = values[field];
    if (text.trim() === '') errors[field] = `${WORKLOAD_FIELD_LABELS[field]} is required`;
    else if (!NUMBER.test(text)) errors[field] = `${WORKLOAD_FIELD_LABELS[field]} must be a number`;
    else numbers[field] = Number(text);
  }
  const request = { pattern: values.pattern, iops: numbers.iops ?? 0, blockBytes: (numbers.blockKiB ?? 0) * KiB, writePercent: numbers.writePercent ?? 0 };
  const parsed = WorkloadBody.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_BY_BODY_KEY[String(issue.path[0])];
      if (field !== undefined && errors[field] === undefined) errors[field] = `${WORKLOAD_FIELD_LABELS[field]} ${issue.message}`;
    }
  }
  return { errors, request: Object.keys(errors).length === 0 && parsed.success ? parsed.data : null };
}
