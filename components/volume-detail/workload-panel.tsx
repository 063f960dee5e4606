'use client';
// A simulated host attached to the volume: operators set its pattern, rate, block size and write
// share (checked with the API's own schema as they type) and start or stop it; everyone sees its
// counters live. Nothing here polls: the counters arrive as pushes.
import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { describedBy, Field, inputClasses } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api-error';
import { useCan } from '@/lib/client/session';
import type { Volume, Workload } from '@/lib/client/types';
import { useSimulation } from '@/lib/client/use-simulation';
import { useStartWorkload, useStopWorkload } from '@/lib/client/use-volume-detail';
import { checkWorkloadForm, DEFAULT_WORKLOAD_FORM, workloadFormOf, type WorkloadFormField, type WorkloadFormValues } from '@/lib/client/workload-form';
import { asksBeforeStart, roughDuration, workloadLoad, type WorkloadLoad } from '@/lib/client/workload-load';
import { formatBytes, formatRate } from '@/lib/units';
import type { WorkloadPattern } from '@/engine/client';
import { WorkloadStats } from './workload-stats';

const FIELD_ORDER: WorkloadFormField[] = ['pattern', 'iops', 'blockKiB', 'writePercent'];
const PATTERN_OPTIONS = [
  { value: 'random', label: 'Random' },
  { value: 'sequential', label: 'Sequential' },
];

function specKey(workload: Workload | null | undefined): string {
  return workload ? `${workload.pattern}/${workload.iops}/${workload.blockBytes}/${workload.writePercent}` : '';
}

/** What the setting writes, in simulated and real bytes a second, and what the data plane makes of it. */
function LoadLine({ load, speed }: { load: WorkloadLoad; speed: number | 'max' }) {
  const real = typeof speed === 'number' && speed > 0 ? ` — ${formatRate(load.askedWriteBytesPerWallSec)} of real writes at ${speed}×` : '';
  return (
    <p className="text-xs text-fg-muted" data-testid="workload-load">
      Writes {formatRate(load.writeBytesPerSimSec)} of simulated time{real}.
      {load.limitedToIops !== null &&
        ` More than the simulated data plane moves (about ${formatRate(load.writeBytesPerWallSec)}): it will run at about ${load.limitedToIops.toLocaleString('en-US')} IOPS.`}
    </p>
  );
}

function WorkloadForm({
  volume,
  running,
  speed,
  unwrittenBytes,
}: {
  volume: Volume;
  running: Workload | null;
  speed: number | 'max';
  unwrittenBytes: number | null;
}) {
  const id = useId();
  const fieldId = (field: WorkloadFormField) => `${id}-${field}`;
  const [values, setValues] = useState<WorkloadFormValues>(running ? workloadFormOf(running) : DEFAULT_WORKLOAD_FORM);
  const [edited, setEdited] = useState<ReadonlySet<WorkloadFormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [asking, setAsking] = useState(false);
  // A workload started or changed elsewhere (another console, the API) shows its own settings.
  const [shownSpec, setShownSpec] = useState(specKey(running));
  if (specKey(running) !== shownSpec) {
    setShownSpec(specKey(running));
    if (running) {
      setValues(workloadFormOf(running));
      setEdited(new Set());
      setSubmitted(false);
    }
  }
  const start = useStartWorkload(volume.id);
  const stop = useStopWorkload(volume.id);
  const check = checkWorkloadForm(values);
  const shown = (field: WorkloadFormField) => (submitted || edited.has(field) ? check.errors[field] : undefined);
  const unchanged = running !== null && check.request !== null && specKey({ ...running, ...check.request }) === specKey(running);
  const busy = start.isPending || stop.isPending;
  const load = check.request === null ? null : workloadLoad(check.request, speed, unwrittenBytes);

  function update(field: WorkloadFormField, patch: Partial<WorkloadFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setEdited((current) => new Set(current).add(field));
    start.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (check.request === null) {
      const first = FIELD_ORDER.find((field) => check.errors[field] !== undefined);
      if (first !== undefined) document.getElementById(fieldId(first))?.focus();
      return;
    }
    // One that would take a lot of the server's real disk asks first (volume files are sparse).
    if (load !== null && asksBeforeStart(load)) setAsking(true);
    else send();
  }

  function send() {
    if (check.request === null) return;
    start.mutate(check.request, {
      onSuccess: () => {
        setAsking(false);
        toast.success(running ? `Workload on ${volume.name} changed` : `Workload started on ${volume.name}`);
      },
    });
  }

  function stopWorkload() {
    stop.mutate(undefined, {
      onSuccess: () => toast.success(`Workload on ${volume.name} stopped`),
      onError: (error) => toast.error(`The workload on ${volume.name} was not stopped`, { description: errorMessage(error) }),
    });
  }

  const errors = { iops: shown('iops'), blockKiB: shown('blockKiB'), writePercent: shown('writePercent') };
  const iopsHint = 'Operations per simulated second.';
  const blockHint = '0.5 to 1,024, in 512-byte steps.';
  const writesHint = 'The rest are reads.';
  const writesRefused = check.request !== null && check.request.writePercent > 0 && (volume.readOnly || volume.status !== 'online');
  return (
    <form onSubmit={submit} noValidate aria-label="Host workload settings" className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field id={fieldId('pattern')} label="Pattern">
          <Select
            id={fieldId('pattern')}
            value={values.pattern}
            onValueChange={(pattern) => update('pattern', { pattern: pattern as WorkloadPattern })}
            options={PATTERN_OPTIONS}
          />
        </Field>
        <Field id={fieldId('iops')} label="IOPS" error={errors.iops} hint={iopsHint}>
          <input
            id={fieldId('iops')}
            value={values.iops}
            onChange={(event) => update('iops', { iops: event.target.value })}
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={errors.iops !== undefined || undefined}
            aria-describedby={describedBy(fieldId('iops'), errors.iops, iopsHint)}
            className={`${inputClasses(errors.iops !== undefined)} tabular-nums`}
          />
        </Field>
        <Field id={fieldId('blockKiB')} label="Block size (KiB)" error={errors.blockKiB} hint={blockHint}>
          <input
            id={fieldId('blockKiB')}
            value={values.blockKiB}
            onChange={(event) => update('blockKiB', { blockKiB: event.target.value })}
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={errors.blockKiB !== undefined || undefined}
            aria-describedby={describedBy(fieldId('blockKiB'), errors.blockKiB, blockHint)}
            className={`${inputClasses(errors.blockKiB !== undefined)} tabular-nums`}
          />
        </Field>
        <Field id={fieldId('writePercent')} label="Writes (%)" error={errors.writePercent} hint={writesHint}>
          <input
            id={fieldId('writePercent')}
            value={values.writePercent}
            onChange={(event) => update('writePercent', { writePercent: event.target.value })}
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={errors.writePercent !== undefined || undefined}
            aria-describedby={describedBy(fieldId('writePercent'), errors.writePercent, writesHint)}
            className={`${inputClasses(errors.writePercent !== undefined)} tabular-nums`}
          />
        </Field>
      </div>
      {writesRefused && (
        <p className="text-xs text-warn" data-testid="workload-read-only-warning">
          {volume.status !== 'online'
            ? `The volume is ${volume.status}: every operation will be refused.`
            : `The volume is read-only in its current role (${volume.roles.join(', ')}): its writes will be refused.`}
        </p>
      )}
      {load !== null && <LoadLine load={load} speed={speed} />}
      <FormAlert messages={start.isError && !asking ? [errorMessage(start.error)] : []} />
      {load !== null && (
        <ConfirmDialog
          open={asking}
          title="Fill the pool's disk?"
          confirmLabel={running ? 'Apply changes' : 'Start workload'}
          pendingLabel="Starting…"
          pending={start.isPending}
          tone="primary"
          error={start.isError ? errorMessage(start.error) : null}
          onConfirm={send}
          onClose={() => setAsking(false)}
        >
          <p data-testid="workload-fill-question">
            This workload writes about {formatRate(load.writeBytesPerWallSec)} of real data to the server&apos;s disk: within an hour it takes{' '}
            {formatBytes(load.diskBytesInHorizon)}
            {load.fillWallSec !== null && unwrittenBytes !== null && load.fillWallSec <= 3_600
              ? ` (all of ${volume.name}'s never-written space, in about ${roughDuration(load.fillWallSec)})`
              : ''}
            , which the pool&apos;s disk may not have. Start it anyway?
          </p>
        </ConfirmDialog>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={busy || unchanged}>
          {start.isPending ? 'Starting…' : running ? 'Apply changes' : 'Start workload'}
        </Button>
        {running && (
          <Button variant="danger" onClick={stopWorkload} disabled={busy}>
            {stop.isPending ? 'Stopping…' : 'Stop workload'}
          </Button>
        )}
      </div>
    </form>
  );
}

/** `unwrittenBytes`: the volume's never-written space (its usage), what a workload's writes can still take on disk. */
export function WorkloadPanel({
  volume,
  workload,
  unwrittenBytes = null,
}: {
  volume: Volume;
  workload: UseQueryResult<Workload | null>;
  unwrittenBytes?: number | null;
}) {
  const canOperate = useCan('operate');
  const simulation = useSimulation();
  const running = workload.data ?? null;
  const paused = simulation.data?.speed === 0;
  return (
    <Panel
      title="Host workload"
      titleId="workload-title"
      actions={
        workload.data !== undefined && (
          <span data-testid="workload-status">
            <Badge tone={running ? 'ok' : 'neutral'} dot>
              {running ? 'running' : 'stopped'}
            </Badge>
          </span>
        )
      }
      bodyClassName="flex flex-col gap-3 p-3"
    >
      {workload.data === undefined ? (
        workload.isError ? (
          <ErrorState title="Could not load the workload" error={workload.error} onRetry={() => void workload.refetch()} />
        ) : (
          <div role="status" aria-label="Loading the workload" className="flex flex-col gap-2">
            <Skeleton className="h-6 w-48" />
            <Skeleton className="h-7.5 w-full" />
          </div>
        )
      ) : (
        <>
          {running ? (
            <WorkloadStats workload={running} />
          ) : (
            <p className="text-fg-muted" data-testid="workload-idle">
              No host workload runs on this volume.{canOperate ? ' Start one to see its I/O, and the grains it marks in the relationships below.' : ''}
            </p>
          )}
          {running && paused && <p className="text-xs text-fg-muted">The simulation is paused: the workload issues no I/O until it runs again.</p>}
          {canOperate && <WorkloadForm volume={volume} running={running} speed={simulation.data?.speed ?? 0} unwrittenBytes={unwrittenBytes} />}
        </>
      )}
    </Panel>
  );
}
