// Creating what the wizard planned, one pair after another, leaving nothing half-made: a target
// volume created for a pair whose copy then fails is deleted again. Starting is part of the
// create request (docs/api.md#copy-relationships, `start`), so the server creates and starts in one command or refuses
// both: there is no "created but not started" state to clean up. The API calls are passed in,
// so this runs in a unit test without a server.
import { errorMessage, isApiError } from './api-error';
import type { CreateVolumeRequest } from './types';

export interface PairRequest {
  sourceId: string;
  sourceName: string;
  target: { kind: 'existing'; volumeId: string; name: string } | { kind: 'new'; name: string; volume: CreateVolumeRequest };
}

export interface CopyRequest {
  type: string;
  sourceVolumeId: string;
  targetVolumeId: string;
  options: Record<string, unknown>;
  start: boolean;
  consistencyGroupId?: string;
  /** DS6000, in a group: freeze the source from T0 until the group is thawed. */
  freeze?: boolean;
  /** The relationship's name; absent: the array's default (fcmap0, …). One pair only. */
  name?: string;
}

export interface WizardApi {
  createVolume: (body: CreateVolumeRequest) => Promise<{ id: string; name: string }>;
  deleteVolume: (id: string) => Promise<void>;
  createCopy: (body: CopyRequest) => Promise<{ id: string; name: string }>;
}

/** Which step the failure concerns: creating the target volume, or creating the copy itself. */
export type FailureStage = 'target' | 'copy';

export type PairOutcome =
  | { ok: true; sourceName: string; targetName: string; copyId: string; copyName: string; createdVolume: boolean }
  | {
      ok: false;
      sourceName: string;
      targetName: string;
      stage: FailureStage;
      status: number | null;
      message: string;
      reasons: string[];
      /** What happened to a volume created for this pair: null when none was created. */
      cleanup: { deleted: true } | { deleted: false; message: string } | null;
    };

function failure(request: PairRequest, stage: FailureStage, error: unknown, cleanup: Extract<PairOutcome, { ok: false }>['cleanup']): PairOutcome {
  return {
    ok: false,
    sourceName: request.sourceName,
    targetName: request.target.name,
    stage,
    status: isApiError(error) ? error.status : null,
    message: errorMessage(error),
    reasons: isApiError(error) ? error.reasons() : [],
    cleanup,
  };
}

export async function createPair(api: WizardApi, request: PairRequest, copy: Omit<CopyRequest, 'sourceVolumeId' | 'targetVolumeId'>): Promise<PairOutcome> {
  let targetId: string;
  if (request.target.kind === 'new') {
    try {
      targetId = (await api.createVolume(request.target.volume)).id;
    } catch (error) {
      return failure(request, 'target', error, null);
    }
  } else {
    targetId = request.target.volumeId;
  }
  try {
    const created = await api.createCopy({ ...copy, sourceVolumeId: request.sourceId, targetVolumeId: targetId });
    return {
      ok: true,
      sourceName: request.sourceName,
      targetName: request.target.name,
      copyId: created.id,
      copyName: created.name,
      createdVolume: request.target.kind === 'new',
    };
  } catch (error) {
    if (request.target.kind !== 'new') return failure(request, 'copy', error, null);
    try {
      await api.deleteVolume(targetId);
      return failure(request, 'copy', error, { deleted: true });
    } catch (cleanupError) {
      return failure(request, 'copy', error, { deleted: false, message: errorMessage(cleanupError) });
    }
  }
}

/**
 * One pair at a time, in order: new volumes' names were planned against each other, and on
 * SANtricity the queue takes copies in the order they were created.
 */
export async function createPairs(
  api: WizardApi,
  requests: readonly PairRequest[],
  copy: Omit<CopyRequest, 'sourceVolumeId' | 'targetVolumeId'>,
): Promise<PairOutcome[]> {
  const outcomes: PairOutcome[] = [];
  for (const request of requests) outcomes.push(await createPair(api, request, copy));
  return outcomes;
}

/** One line per pair for the result summary: what was made, or why not and what was undone. */
export function outcomeText(outcome: PairOutcome): string {
  const pair = `${outcome.sourceName} → ${outcome.targetName}`;
  if (outcome.ok) return `${pair}: created${outcome.createdVolume ? ' (with a new target volume)' : ''}`;
  const why = outcome.reasons.length > 0 ? outcome.reasons.join('; ') : outcome.message;
  const what = outcome.stage === 'target' ? 'the target volume could not be created' : 'the copy could not be created';
  const undone =
    outcome.cleanup === null
      ? ''
      : outcome.cleanup.deleted
        ? ' The new target volume was deleted again.'
        : ` The new target volume could not be deleted (${outcome.cleanup.message}): delete it on the Volumes page.`;
  return `${pair}: ${what}: ${why}.${undone}`;
}

/** The outcome in one line: "2 of 3 copies created, 1 failed". */
export function resultsTitle(createdCount: number, failedCount: number): string {
  const total = createdCount + failedCount;
  return `${createdCount} of ${total} ${total === 1 ? 'copy' : 'copies'} created${failedCount > 0 ? `, ${failedCount} failed` : ''}`;
}
