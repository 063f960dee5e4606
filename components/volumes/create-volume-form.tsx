'use client';
// The body of the create-volume dialog. It checks every field with the API's own schema as the
// user types, and shows the server's answer (409 duplicate, 422 no room) in the same places.
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { DialogBody, FormDialogFooter } from '@/components/ui/dialog';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { AlertIcon } from '@/components/ui/icons';
import { Select, type SelectOption } from '@/components/ui/select';
import { formatLss } from '@/lib/client/array-models';
import { errorMessage, isApiError } from '@/lib/client/api-error';
import { toBigBytes, type StorageArray } from '@/lib/client/types';
import { useCreateVolume } from '@/lib/client/use-volume-mutations';
import { AUTOMATIC, checkVolumeForm, serverFormErrors, type ServerFormErrors, type VolumeFormField, type VolumeFormValues } from '@/lib/client/volume-form';
import { formatBytes, SIZE_UNITS, type SizeUnit } from '@/lib/units';
import { OwnerChoice } from './owner-choice';

const NO_SERVER_ERRORS: ServerFormErrors = { fields: {}, form: [] };
const FIELD_ORDER: VolumeFormField[] = ['arrayId', 'poolId', 'name', 'size', 'preferredOwner'];

function poolOptions(array: StorageArray | undefined): SelectOption[] {
  const automatic: SelectOption = { value: AUTOMATIC, label: 'Automatic (most free space)' };
  if (array === undefined) return [automatic];
  return [
    automatic,
    ...array.pools.map((pool) => ({
      value: pool.id,
      label: pool.lss === undefined ? pool.name : `${pool.name} (LSS ${formatLss(pool.lss)})`,
      hint: `${formatBytes(toBigBytes(pool.capacityBytes) - toBigBytes(pool.usedBytes))} free`,
    })),
  ];
}

export function CreateVolumeForm({ arrays, defaultArrayId, onDone }: { arrays: StorageArray[]; defaultArrayId?: string; onDone: () => void }) {
  const id = useId();
  const fieldId = (field: VolumeFormField | 'unit') => `${id}-${field}`;
  const [values, setValues] = useState<VolumeFormValues>({
    arrayId: defaultArrayId ?? '',
    poolId: AUTOMATIC,
    name: '',
    sizeAmount: '',
    sizeUnit: 'GiB',
    preferredOwner: AUTOMATIC,
  });
  const [edited, setEdited] = useState<ReadonlySet<VolumeFormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<ServerFormErrors>(NO_SERVER_ERRORS);
  const create = useCreateVolume();

  const check = checkVolumeForm(values);
  const shown = (field: VolumeFormField): string | undefined => (submitted || edited.has(field) ? check.errors[field] : undefined) ?? server.fields[field];

  function update(field: VolumeFormField, patch: Partial<VolumeFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setEdited((current) => new Set(current).add(field));
    setServer((current) => ({ fields: { ...current.fields, [field]: undefined }, form: [] }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (check.request === null) {
      const first = FIELD_ORDER.find((field) => check.errors[field] !== undefined);
      if (first !== undefined) document.getElementById(fieldId(first))?.focus();
      return;
    }
    const arrayName = arrays.find((array) => array.id === values.arrayId)?.name ?? 'the array';
    create.mutate(check.request, {
      onSuccess: (volume) => {
        toast.success(`Volume ${volume.name} created`, {
          description: `${formatBytes(toBigBytes(volume.capacityBytes))} on ${arrayName}, preferred owner controller ${volume.preferredOwner}`,
        });
        onDone();
      },
      onError: (error) => {
        const next = isApiError(error) ? serverFormErrors(error) : { fields: {}, form: [errorMessage(error)] };
        setServer(next);
        const first = FIELD_ORDER.find((field) => next.fields[field] !== undefined);
        if (first !== undefined) document.getElementById(fieldId(first))?.focus();
      },
    });
  }

  const array = arrays.find((candidate) => candidate.id === values.arrayId);
  const arrayOptions: SelectOption[] = arrays.map((candidate) => ({ value: candidate.id, label: candidate.name }));
  const errors = { arrayId: shown('arrayId'), poolId: shown('poolId'), name: shown('name'), size: shown('size') };
  const nameHint = 'Letters, digits and _ . : - (up to 64), unique on the array.';
  const sizeHint = 'From 1 MiB to 64 TiB.';

  return (
    <form onSubmit={submit} noValidate className="contents">
      <DialogBody>
        <div className="grid grid-cols-2 gap-x-3 gap-y-3">
          <Field id={fieldId('arrayId')} label="Array" error={errors.arrayId}>
            <Select
              id={fieldId('arrayId')}
              value={values.arrayId}
              onValueChange={(arrayId) => update('arrayId', { arrayId, poolId: AUTOMATIC })}
              options={arrayOptions}
              placeholder="Choose an array"
              // The form can mount after the dialog opened (arrays still loading): take focus then too.
              autoFocus
              invalid={errors.arrayId !== undefined}
              describedBy={describedBy(fieldId('arrayId'), errors.arrayId)}
            />
          </Field>
          <Field id={fieldId('poolId')} label="Pool" error={errors.poolId}>
            <Select
              id={fieldId('poolId')}
              value={values.poolId}
              onValueChange={(poolId) => update('poolId', { poolId })}
              options={poolOptions(array)}
              disabled={array === undefined}
              invalid={errors.poolId !== undefined}
              describedBy={describedBy(fieldId('poolId'), errors.poolId)}
            />
          </Field>
          <Field id={fieldId('name')} label="Name" error={errors.name} hint={nameHint} className="col-span-2">
            <input
              id={fieldId('name')}
              value={values.name}
              onChange={(event) => update('name', { name: event.target.value })}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.name !== undefined || undefined}
              aria-describedby={describedBy(fieldId('name'), errors.name, nameHint)}
              className={`${inputClasses(errors.name !== undefined)} font-mono`}
            />
          </Field>
          <Field id={fieldId('size')} label="Size" error={errors.size} hint={sizeHint} className="col-span-2">
            <div className="flex gap-2">
              <input
                id={fieldId('size')}
                value={values.sizeAmount}
                onChange={(event) => update('size', { sizeAmount: event.target.value })}
                inputMode="decimal"
                autoComplete="off"
                aria-invalid={errors.size !== undefined || undefined}
                aria-describedby={describedBy(fieldId('size'), errors.size, sizeHint)}
                className={`${inputClasses(errors.size !== undefined)} tabular-nums`}
              />
              <Select
                id={fieldId('unit')}
                aria-label="Unit"
                value={values.sizeUnit}
                onValueChange={(unit) => update('size', { sizeUnit: unit as SizeUnit })}
                options={SIZE_UNITS.map((unit) => ({ value: unit, label: unit }))}
                className="w-24"
              />
            </div>
          </Field>
          <div className="col-span-2">
            <OwnerChoice
              name={`${id}-owner`}
              value={values.preferredOwner}
              onChange={(preferredOwner) => update('preferredOwner', { preferredOwner })}
              hint="Automatic balances the array's volumes between its controllers."
            />
          </div>
        </div>
        {server.form.length > 0 && (
          <div role="alert" className="mt-3 flex gap-2 rounded border border-bad/40 bg-bad-soft px-3 py-2 text-fg">
            <AlertIcon className="mt-0.5 shrink-0 text-bad" />
            <ul className="flex flex-col gap-0.5">
              {server.form.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        )}
      </DialogBody>
      <FormDialogFooter pending={create.isPending} label="Create volume" pendingLabel="Creating…" />
    </form>
  );
}
