// The create-volume form checked with the server's own schema (CreateVolumeBody), so the
// inline messages are the ones the API would answer with.
import { CreateVolumeBody } from '@/lib/api/fleet-schemas';
import { toBytes, type SizeUnit } from '@/lib/units';
import type { ApiError } from './api-error';
import { toWireBytes, type CreateVolumeRequest } from './types';

export const AUTOMATIC = 'auto';

export interface VolumeFormValues {
  arrayId: string;
  poolId: string; // AUTOMATIC or a pool id
  name: string;
  sizeAmount: string;
  sizeUnit: SizeUnit;
  preferredOwner: typeof AUTOMATIC | 'A' | 'B';
}

export type VolumeFormField = 'arrayId' | 'poolId' | 'name' | 'size' | 'preferredOwner';
export type VolumeFormErrors = Partial<Record<VolumeFormField, string>>;

export const FIELD_LABELS: Record<VolumeFormField, string> = {
  arrayId: 'Array',
  poolId: 'Pool',
  name: 'Name',
  size: 'Size',
  preferredOwner: 'Preferred owner',
};

const FIELD_BY_BODY_KEY: Record<string, VolumeFormField> = {
  arrayId: 'arrayId',
  poolId: 'poolId',
  name: 'name',
  capacityBytes: 'size',
  preferredOwner: 'preferredOwner',
};

function sentence(field: VolumeFormField, message: string): string {
  return `${FIELD_LABELS[field]} ${message}`;
}

function sizeProblem(amount: string, unit: SizeUnit): string | null {
  if (amount.trim() === '') return 'is required';
  if (!/^\s*\d+(\.\d+)?\s*$/.test(amount)) return 'must be a number';
  return toBytes(amount, unit) === null ? 'must be a whole number of bytes' : null;
}

function requestOf(values: VolumeFormValues): CreateVolumeRequest {
  const bytes = toBytes(values.sizeAmount, values.sizeUnit) ?? 0n;
  return {
    arrayId: values.arrayId,
    name: values.name,
    capacityBytes: toWireBytes(bytes),
    ...(values.poolId === AUTOMATIC ? {} : { poolId: values.poolId }),
    ...(values.preferredOwner === AUTOMATIC ? {} : { preferredOwner: values.preferredOwner }),
  };
}

export interface VolumeFormCheck {
  errors: VolumeFormErrors;
  request: CreateVolumeRequest | null;
}

export function checkVolumeForm(values: VolumeFormValues): VolumeFormCheck {
  const errors: VolumeFormErrors = {};
  const request = requestOf(values);
  const parsed = CreateVolumeBody.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_BY_BODY_KEY[String(issue.path[0])];
      if (field !== undefined && errors[field] === undefined) errors[field] = sentence(field, issue.message);
    }
  }
  if (values.arrayId === '') errors.arrayId = sentence('arrayId', 'is required');
  const sizeText = sizeProblem(values.sizeAmount, values.sizeUnit);
  if (sizeText !== null) errors.size = sentence('size', sizeText);
  const valid = Object.keys(errors).length === 0;
  return { errors, request: valid ? request : null };
}

/** Where a server rejection belongs in the form: per field, or for the whole form. */
export interface ServerFormErrors {
  fields: VolumeFormErrors;
  form: string[];
}

export function serverFormErrors(error: ApiError): ServerFormErrors {
  if (error.status === 409) return { fields: { name: error.message }, form: [] };
  if (error.status === 400) {
    const fields: VolumeFormErrors = {};
    const form: string[] = [];
    for (const issue of error.issues()) {
      const field = FIELD_BY_BODY_KEY[issue.path.split('.')[0] ?? ''];
      if (field === undefined) form.push(issue.message);
      else fields[field] ??= sentence(field, issue.message);
    }
    return { fields, form: form.length === 0 && Object.keys(fields).length === 0 ? [error.message] : form };
  }
  if (error.status === 422) {
    const reasons = error.reasons();
    return { fields: {}, form: reasons.length > 0 ? reasons : [error.message] };
  }
  return { fields: {}, form: [error.message] };
}
