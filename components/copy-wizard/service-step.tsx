'use client';
// Step 1: the array, and with it the copy service: each model offers one (docs/domain.md#arrays-and-models), said in
// one plain sentence so the choice is about what the copy does, not about vendor names.
import clsx from 'clsx';
import type { ArrayModel } from '@/engine/client';
import { modelDisplayName } from '@/lib/client/array-models';
import { copyServiceOf } from '@/lib/client/copy-services';
import type { StorageArray } from '@/lib/client/types';

const WHAT_IT_DOES: Record<ArrayModel, string> = {
  santricity: 'A full copy: every block of the source is copied onto the target, which then stands on its own.',
  xp7: 'A mirror pair: the secondary volume follows the primary, and can be split off as a copy at any instant and resynchronized later.',
  storwize: 'A point-in-time mapping: the target shows the source as it was when the mapping started, while a background copy fills it in.',
  ds6000: 'A point-in-time relationship: established in seconds, the target presents the source’s image at that instant at once.',
};

export function ServiceStep({ arrays, arrayId, onChoose }: { arrays: StorageArray[]; arrayId: string; onChoose: (arrayId: string) => void }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-fg-muted">Copies stay within one array. The array’s model decides the copy service.</legend>
      <div className="grid gap-2 md:grid-cols-2">
        {arrays.map((array) => {
          const service = copyServiceOf(array.model);
          const checked = array.id === arrayId;
          return (
            <label
              key={array.id}
              className={clsx(
                'flex cursor-pointer gap-3 rounded border p-3 hover:bg-surface-hover has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
                checked ? 'border-accent bg-accent-soft' : 'border-line',
              )}
            >
              <input
                type="radio"
                name="wizard-array"
                value={array.id}
                checked={checked}
                onChange={() => onChoose(array.id)}
                className="mt-1 size-3.5 accent-(--accent)"
                aria-describedby={`service-${array.id}-what`}
              />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="font-semibold text-fg">
                  {array.name} <span className="font-normal text-fg-muted">· {modelDisplayName(array.model)}</span>
                </span>
                <span className="text-fg">{service.name}</span>
                <span id={`service-${array.id}-what`} className="text-xs text-fg-muted">
                  {WHAT_IT_DOES[array.model]}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
