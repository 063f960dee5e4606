// volume-copy-jobs and volume-copy-jobs-control: SANtricity's volume copy pairs are Grainline's
// volume-copy relationships, driven through lib/services (rules, saving, events and pushes there).
import { isEngineError } from '../../../engine/errors';
import type { ArrayView } from '../../services/dto';
import { actOnCopy, createCopy, deleteCopy, getCopy, listCopies, patchCopy, type CopyDto } from '../../services/copies';
import { getVolume } from '../../services/fleet';
import type { Runtime } from '../../runtime';
import { readJsonBody } from './body';
import { ok, param, type Reply, type SantricityContext } from './context';
import { copyTimes } from './copy-times';
import { badRequest, notFound, SantricityError } from './errors';
import { priorityOf } from './priority';
import { ControlAction, CreateVolumeCopyBody, UpdateVolumeCopyBody } from './schemas';
import { arrayOf, volumeOf, volumesOf } from './systems';
import { volumeCopyPairView, volumeCopyProgressView, type VolumeCopyPair } from './views';

async function pairView(runtime: Runtime, copy: CopyDto): Promise<VolumeCopyPair> {
  const source = await getVolume(runtime, copy.sourceVolumeId);
  return volumeCopyPairView(copy, source.currentOwner, await copyTimes(runtime, copy));
}

/** The job named in the path, on the array named in the path, else 404. */
async function jobOf(context: SantricityContext, array: ArrayView): Promise<CopyDto> {
  const id = param(context, 'jobId');
  let copy: CopyDto;
  try {
    copy = getCopy(context.runtime, id);
  } catch (error) {
    if (isEngineError(error) && error.kind === 'not-found') throw notFound(`volume copy job "${id}" does not exist on storage system ${array.name}`);
    throw error;
  }
  if (copy.arrayId !== array.id || copy.type !== 'volume-copy') throw notFound(`volume copy job "${id}" does not exist on storage system ${array.name}`);
  return copy;
}

export async function listJobs(context: SantricityContext): Promise<Reply> {
  const { runtime } = context;
  const array = await arrayOf(context);
  const owners = new Map((await volumesOf(runtime, array)).map((volume) => [volume.id, volume.currentOwner]));
  const copies = listCopies(runtime, { type: 'volume-copy', arrayId: array.id });
  const pairs = [];
  for (const copy of copies) {
    pairs.push(volumeCopyPairView(copy, owners.get(copy.sourceVolumeId) ?? 'A', await copyTimes(runtime, copy)));
  }
  return ok(pairs);
}

export async function getJob(context: SantricityContext): Promise<Reply> {
  const array = await arrayOf(context);
  return ok(await pairView(context.runtime, await jobOf(context, array)));
}

async function volumeRef(context: SantricityContext, array: ArrayView, id: string, role: 'source' | 'target'): Promise<string> {
  const volume = await volumeOf(context.runtime, array, id);
  if (volume === undefined) throw new SantricityError(422, 'invalidVolumeref', `the ${role} volume "${id}" is not a volume of storage system ${array.name}`);
  return volume.id;
}

/** Creates the pair and starts its copy, as the Web Services do: 200 with the new pair. */
export async function createJob(context: SantricityContext): Promise<Reply> {
  const { runtime, actor } = context;
  const array = await arrayOf(context);
  const body = await readJsonBody(context.req, CreateVolumeCopyBody);
  if (body.onlineCopy === true) {
    throw new SantricityError(
      422,
      'notSupported',
      'online volume copy (through a snapshot of the source) is not simulated: create an offline copy (onlineCopy false)',
    );
  }
  const options = {
    ...(body.copyPriority === undefined ? {} : { priority: priorityOf(body.copyPriority) }),
    ...(body.targetWriteProtected === undefined ? {} : { targetReadOnly: body.targetWriteProtected }),
  };
  const sourceVolumeId = await volumeRef(context, array, body.sourceId, 'source');
  const targetVolumeId = await volumeRef(context, array, body.targetId, 'target');
  const copy = await createCopy(runtime, { type: 'volume-copy', sourceVolumeId, targetVolumeId, options, start: true }, actor);
  return ok(await pairView(runtime, copy), `created volume copy ${copy.id} (${copy.state})`);
}

/** Changes copy priority and/or the target's write protection. */
export async function updateJob(context: SantricityContext): Promise<Reply> {
  const { runtime, actor } = context;
  const array = await arrayOf(context);
  const copy = await jobOf(context, array);
  const body = await readJsonBody(context.req, UpdateVolumeCopyBody);
  const options = {
    ...(body.copyPriority === undefined ? {} : { priority: priorityOf(body.copyPriority) }),
    ...(body.targetWriteProtected === undefined ? {} : { targetReadOnly: body.targetWriteProtected }),
  };
  const changed = Object.keys(options).length === 0 ? copy : await patchCopy(runtime, copy.id, { options }, actor);
  return ok(await pairView(runtime, changed), `changed volume copy ${copy.id}: ${JSON.stringify(options)}`);
}

/** Removes the pair; the target keeps its data. `retainRepositories` is accepted: offline copies have none. */
export async function deleteJob(context: SantricityContext): Promise<Reply> {
  const array = await arrayOf(context);
  const copy = await jobOf(context, array);
  await deleteCopy(context.runtime, copy.id, context.actor);
  return { status: 204, message: `removed volume copy ${copy.id}` };
}

export async function getJobProgress(context: SantricityContext): Promise<Reply> {
  const array = await arrayOf(context);
  return ok(volumeCopyProgressView(await jobOf(context, array)));
}

/**
 * control=start copies again: Grainline's `start` where its table allows it (a stopped copy),
 * else `recopy` (a completed or failed one); when neither is allowed, `start` is asked anyway so the
 * engine's refusal says why. control=stop is `stop`. Answers a list, as the Web Services do.
 */
function engineActionFor(control: ControlAction, copy: CopyDto): string {
  if (control === 'stop') return 'stop';
  const allowed = (action: string) => copy.actions.some((entry) => entry.action === action && entry.allowed);
  if (!allowed('start') && allowed('recopy')) return 'recopy';
  return 'start';
}

export async function controlJob(context: SantricityContext): Promise<Reply> {
  const { runtime, actor } = context;
  const array = await arrayOf(context);
  const copy = await jobOf(context, array);
  const control = ControlAction.safeParse(context.query.get('control'));
  if (!control.success) throw badRequest('the query parameter control must be start or stop');
  const action = engineActionFor(control.data, copy);
  const acted = await actOnCopy(runtime, copy.id, action, undefined, actor);
  return ok([volumeCopyProgressView(acted)], `${action} volume copy ${copy.id} (now ${acted.state})`);
}
