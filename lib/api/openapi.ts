// /api/openapi.json, generated from the zod schemas that validate requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { VERSION } from '../version';
import {
  ArrayDto,
  CreateVolumeBody,
  ErrorDto,
  EventDto,
  EventExportQuery,
  EventQuery,
  HealthDto,
  VolumeDto,
  VolumeQuery,
  PatchVolumeBody,
  VolumeOwnerBody,
  CreateSnapshotBody,
  SnapshotActionParam,
} from './fleet-schemas';
import { CreatedTokenDto, EndedSessionsDto, SessionUserDto, SignedInDto, TokenDto, UserDto } from './auth-dtos';
import { ChangePasswordBody, CreateTokenBody, CreateUserBody, SetupBody, SignInBody, SignOutQuery, TokenQuery, UpdateUserBody } from './auth-schemas';
import {
  ActionBody,
  AdvanceBody,
  BitmapDto,
  BitmapQuery,
  CopyDto,
  CopyQuery,
  CreateCopyBody,
  CreateGroupBody,
  DataReadQuery,
  DeleteGroupQuery,
  PatchGroupBody,
  DataWriteQuery,
  EligibilityDto,
  EligibilityQuery,
  GroupDto,
  PatchCopyBody,
  PutSimulationBody,
  SimulationDto,
} from './copy-schemas';
import { VolumeUsageDto, WorkloadBody, WorkloadDto } from './host-io-schemas';
import { CreateFaultBody, FaultDto, FaultQuery } from './fault-schemas';
import { PreviewBody, PreviewResponseDto } from './preview-schemas';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(ErrorDto, 'Malformed input'),
  404: json(ErrorDto, 'Unknown id'),
};
const IdParams = z.object({ id: z.string() });

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    tags: ['Fleet'],
    summary: 'Liveness and version (no sign-in needed)',
    responses: { 200: json(HealthDto, 'Healthy') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/arrays',
    tags: ['Fleet'],
    summary: 'Every storage array',
    responses: { 200: json(z.array(ArrayDto), 'Arrays') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/arrays/{id}',
    tags: ['Fleet'],
    summary: 'One array',
    request: { params: IdParams },
    responses: { 200: json(ArrayDto, 'The array'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/volumes',
    tags: ['Fleet'],
    summary: 'Volumes, filtered',
    request: { query: VolumeQuery },
    responses: { 200: json(z.array(VolumeDto), 'Volumes'), 400: errors[400] },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/volumes',
    tags: ['Fleet'],
    summary: 'Create a volume',
    request: { body: { content: { 'application/json': { schema: CreateVolumeBody } } } },
    responses: {
      201: json(VolumeDto, 'Created'),
      ...errors,
      409: json(ErrorDto, 'A volume of that name exists on the array'),
      422: json(ErrorDto, 'Pool not on the array, or not enough free capacity'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/volumes/{id}',
    tags: ['Fleet'],
    summary: 'One volume',
    request: { params: IdParams },
    responses: { 200: json(VolumeDto, 'The volume'), ...errors },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/volumes/{id}',
    tags: ['Fleet'],
    summary: 'Rename a volume, or grow it (one change per request)',
    request: { params: IdParams, ...body(PatchVolumeBody) },
    responses: { 200: json(VolumeDto, 'The volume'), ...errors, 409: conflict, 422: rule },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/volumes/{id}/owner',
    tags: ['Fleet'],
    summary: "Change a volume's owner controller (preferred and current); the target of a copy in progress from it follows",
    request: { params: IdParams, ...body(VolumeOwnerBody) },
    responses: { 200: json(VolumeDto, 'The volume'), ...errors, 409: conflict },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/volumes/{id}/snapshots',
    tags: ['Fleet'],
    summary: 'Take a SANtricity snapshot of the base volume: a new snapshot volume presenting it as it is now (copy-on-write into a repository)',
    request: { params: IdParams, ...body(CreateSnapshotBody) },
    responses: { 201: json(VolumeDto, 'The snapshot volume'), ...errors, 409: conflict, 422: rule },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/volumes/{id}/snapshot/actions/{action}',
    tags: ['Fleet'],
    summary: 'Re-create a snapshot (a new point in time, the repository emptied) or disable it (no copy-on-write, unreadable until re-created)',
    request: { params: z.object({ id: z.string(), action: SnapshotActionParam }) },
    responses: { 200: json(VolumeDto, 'The snapshot volume'), ...errors, 409: conflict },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/volumes/{id}',
    tags: ['Fleet'],
    summary: 'Delete a volume (a snapshot volume: the snapshot ends and its repository is released)',
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errors, 409: json(ErrorDto, 'The volume is in a copy relationship') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/events',
    tags: ['Events'],
    summary: 'Event log, newest first',
    request: { query: EventQuery },
    responses: { 200: json(z.array(EventDto), 'Events'), 400: errors[400] },
  });
  registerCopyPaths(registry);
  registerFaultPaths(registry);
  registerPreviewPath(registry);
  return registry;
}

const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const conflict = json(ErrorDto, 'Not allowed in the current state (the message names the state)');
const rule = json(ErrorDto, 'A rule is violated: details lists every reason');
const locked = json(ErrorDto, "The volume's role or state forbids this access");

function registerCopyPaths(registry: OpenAPIRegistry): void {
  const CopyParams = z.object({ id: z.string() });
  const ActionParams = z.object({
    id: z.string(),
    action: z.string().meta({ description: 'e.g. start, stop, recopy, split, resync, suspend, prepare, convert-to-copy, withdraw' }),
  });
  registry.registerPath({
    method: 'get',
    path: '/api/copies',
    tags: ['Copies'],
    summary: 'Every copy relationship, filtered',
    request: { query: CopyQuery },
    responses: { 200: json(z.array(CopyDto), 'Copies'), 400: errors[400] },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/copies',
    tags: ['Copies'],
    summary: 'Create a copy relationship (starts it unless start is false)',
    request: body(CreateCopyBody),
    responses: { 201: json(CopyDto, 'Created'), ...errors, 422: rule },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/copies/eligibility',
    tags: ['Copies'],
    summary: 'For every volume of the source array: may it be the target, and why not',
    request: { query: EligibilityQuery },
    responses: { 200: json(EligibilityDto, 'Eligibility'), ...errors, 422: rule },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/copies/{id}',
    tags: ['Copies'],
    summary: 'One copy relationship with the actions allowed now',
    request: { params: CopyParams },
    responses: { 200: json(CopyDto, 'The copy'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/copies/{id}/bitmap',
    tags: ['Copies'],
    summary: 'The copy’s bitmaps summarised into cells: grains copied, still to copy, and changed since the point in time',
    request: { params: CopyParams, query: BitmapQuery },
    responses: { 200: json(BitmapDto, 'Cells'), ...errors },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/copies/{id}',
    tags: ['Copies'],
    summary: 'Change options (priority, copyRate, pace, targetReadOnly, …) and/or the name; or move into or out of a consistency group',
    request: { params: CopyParams, ...body(PatchCopyBody) },
    responses: { 200: json(CopyDto, 'Updated'), ...errors },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/copies/{id}',
    tags: ['Copies'],
    summary: 'Remove the relationship; the target keeps its data',
    request: { params: CopyParams },
    responses: { 204: { description: 'Removed' }, ...errors, 409: conflict },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/copies/{id}/actions/{action}',
    tags: ['Copies'],
    summary: 'Run an action of the service',
    request: { params: ActionParams, ...body(ActionBody) },
    responses: { 200: json(CopyDto, 'The copy after the action'), ...errors, 409: conflict, 422: rule },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/consistency-groups',
    tags: ['Copies'],
    summary: 'Consistency groups (Storwize, DS6000)',
    responses: { 200: json(z.array(GroupDto), 'Groups') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/consistency-groups',
    tags: ['Copies'],
    summary: 'Create a consistency group',
    request: body(CreateGroupBody),
    responses: { 201: json(GroupDto, 'Created'), ...errors, 409: conflict, 422: rule },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/consistency-groups/{id}',
    tags: ['Copies'],
    summary: 'One consistency group',
    request: { params: CopyParams },
    responses: { 200: json(GroupDto, 'The group'), ...errors },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/consistency-groups/{id}',
    tags: ['Copies'],
    summary: 'Rename a consistency group',
    request: { params: CopyParams, ...body(PatchGroupBody) },
    responses: { 200: json(GroupDto, 'Renamed'), ...errors, 409: conflict },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/consistency-groups/{id}',
    tags: ['Copies'],
    summary: 'Delete a consistency group (force=true: its mappings go on stand-alone)',
    request: { params: CopyParams, query: DeleteGroupQuery },
    responses: { 204: { description: 'Deleted' }, ...errors, 409: conflict },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/consistency-groups/{id}/actions/{action}',
    tags: ['Copies'],
    summary: 'Apply an action to every member at one point in time; thaw (DS6000) releases every frozen source',
    request: { params: ActionParams, ...body(ActionBody) },
    responses: { 200: json(z.object({ group: GroupDto, members: z.array(CopyDto) }), 'Group and members'), ...errors, 409: conflict },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/simulation',
    tags: ['Simulation'],
    summary: 'Simulated clock and speed',
    responses: { 200: json(SimulationDto, 'Simulation') },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/simulation',
    tags: ['Simulation'],
    summary: 'Set the speed (0 = paused)',
    request: body(PutSimulationBody),
    responses: { 200: json(SimulationDto, 'Simulation'), 400: errors[400] },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/simulation/advance',
    tags: ['Simulation'],
    summary: 'Step simulated time while paused',
    request: body(AdvanceBody),
    responses: { 200: json(SimulationDto, 'Simulation'), 400: errors[400], 409: conflict },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/throughput',
    tags: ['Simulation'],
    summary:
      'Aggregate copy throughput of the fleet, one sample per wall-clock second for the last 10 minutes (simulated bytes per simulated second); live as throughput.sampled',
    responses: {
      200: json(
        z
          .object({ intervalMs: z.number(), samples: z.array(z.object({ time: z.string(), simulatedTime: z.string(), bytesPerSec: z.number() })) })
          .meta({ id: 'Throughput' }),
        'Samples, oldest first',
      ),
    },
  });
  const VolumeParams = z.object({ id: z.string() });
  registry.registerPath({
    method: 'get',
    path: '/api/volumes/{id}/data',
    tags: ['Host I/O'],
    summary: 'Read bytes as a host sees them',
    request: { params: VolumeParams, query: DataReadQuery },
    responses: {
      200: { description: 'The bytes', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
      ...errors,
      423: locked,
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/volumes/{id}/data',
    tags: ['Host I/O'],
    summary: 'Write bytes as a host would',
    request: {
      params: VolumeParams,
      query: DataWriteQuery,
      body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
    },
    responses: { 204: { description: 'Written and saved' }, ...errors, 413: json(ErrorDto, 'More than 16 MiB in one request'), 423: locked },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/volumes/{id}/usage',
    tags: ['Host I/O'],
    summary: 'How much of the volume holds data: bytes ever written (by hosts or copies) against its capacity',
    request: { params: VolumeParams },
    responses: { 200: json(VolumeUsageDto, 'Usage'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/volumes/{id}/workload',
    tags: ['Host I/O'],
    summary:
      'The workload running on the volume, with its counters (live as workloads.updated; workloads.stopped carries the ids of volumes whose workload ended)',
    request: { params: VolumeParams },
    responses: { 200: json(WorkloadDto.nullable(), 'The running workload, or null when none runs'), 400: errors[400], 404: json(ErrorDto, 'Unknown volume') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/volumes/{id}/workload',
    tags: ['Host I/O'],
    summary: 'Start a simulated host workload (replaces a running one)',
    request: { params: VolumeParams, ...body(WorkloadBody) },
    responses: { 201: json(WorkloadDto, 'Started'), ...errors },
  });
  registerAccess(registry);
  registry.registerPath({
    method: 'delete',
    path: '/api/volumes/{id}/workload',
    tags: ['Host I/O'],
    summary: 'Stop the workload',
    request: { params: VolumeParams },
    responses: { 204: { description: 'Stopped' }, 400: errors[400], 404: json(ErrorDto, 'Unknown volume, or no workload runs on it') },
  });
}

/** Controllers failing and returning, and injected faults (docs/api.md#faults-and-controllers). */
function registerFaultPaths(registry: OpenAPIRegistry): void {
  const ControllerParams = z.object({ id: z.string(), slot: z.enum(['A', 'B']) });
  const notFound = json(ErrorDto, 'Unknown array or controller slot');
  registry.registerPath({
    method: 'post',
    path: '/api/arrays/{id}/controllers/{slot}/fail',
    tags: ['Fleet'],
    summary:
      'Fail a controller: the survivor takes over its volumes (current owner changes, preferred owner stays). Failing the last online controller takes every volume of the array offline (volume copies fail, ShadowImage pairs go to PSUE; FlashCopy pauses). Listed as a controller-failure fault.',
    request: { params: ControllerParams },
    responses: { 200: json(ArrayDto, 'The array after the failure'), 404: notFound, 409: json(ErrorDto, 'The controller is already offline') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/arrays/{id}/controllers/{slot}/restore',
    tags: ['Fleet'],
    summary:
      'Restore a controller: volumes fail back to their preferred owner (the target of an in-progress volume copy stays with its source until the copy ends); clears its controller-failure fault',
    request: { params: ControllerParams },
    responses: { 200: json(ArrayDto, 'The array after the restore'), 404: notFound, 409: json(ErrorDto, 'The controller is online') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/faults',
    tags: ['Simulation'],
    summary: 'Faults in force, oldest first',
    request: { query: FaultQuery },
    responses: { 200: json(z.array(FaultDto), 'Faults'), 400: errors[400] },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/faults',
    tags: ['Simulation'],
    summary:
      'Inject a fault. volume-io-error: hosts are refused (423) and every copy holding the volume goes to its error state (volume copy failed, pair PSUE, Storwize mapping stopped, DS6000 relationship ended). metadata-loss: a copying or stopping Storwize mapping is suspended until the fault is cleared. controller-failure: as POST …/controllers/{slot}/fail.',
    request: body(CreateFaultBody),
    responses: { 201: json(FaultDto, 'In force'), ...errors, 409: conflict, 422: rule },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/faults/{id}',
    tags: ['Simulation'],
    summary: 'One fault in force',
    request: { params: IdParams },
    responses: { 200: json(FaultDto, 'The fault'), ...errors },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/faults/{id}',
    tags: ['Simulation'],
    summary:
      'Clear a fault: a suspended mapping returns to copying or stopping; a failed volume comes back online (its copies stay in their error state until recopied, resynced, restarted or established again); a failed controller is restored',
    request: { params: IdParams },
    responses: { 204: { description: 'Cleared' }, ...errors },
  });
}

/** What commands would do, in the engine's words, without doing it (the console's reviews and dialogs). */
function registerPreviewPath(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/preview',
    tags: ['Simulation'],
    summary:
      'Judge commands without running them: for each, whether the engine would allow it now and, if so, its consequences in order (state changes, data moved, queueing, overwritten targets, host access, volumes going offline, ownership moves), each with the engine’s own sentence. A list is judged as one: later copies queue behind earlier ones. Changes nothing; any signed-in role may ask.',
    request: body(PreviewBody),
    responses: { 200: json(PreviewResponseDto, 'One preview per command, in order'), 400: errors[400] },
  });
}

/** Sign-in, users, tokens and the audit trail (docs/api.md#access, #users-and-tokens, #events). */
function registerAccess(registry: OpenAPIRegistry): void {
  const auth = { 401: json(ErrorDto, 'Not signed in'), 403: json(ErrorDto, 'Role not allowed, or CSRF check failed') };
  const tags = ['Access'];
  registry.registerPath({
    method: 'get',
    path: '/api/session',
    tags,
    summary: 'Who is signed in (session or token)',
    responses: { 200: json(SessionUserDto, 'The current user'), ...auth },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/session',
    tags,
    summary: 'Sign in: sets the session and CSRF cookies; rate limited per user and address',
    request: body(SignInBody),
    responses: {
      200: json(SignedInDto, 'Signed in'),
      400: errors[400],
      401: auth[401],
      429: json(ErrorDto, 'Too many failed sign-ins (Retry-After says when to try again)'),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/session',
    tags,
    summary: 'Sign out this session, or every session of the user (?everywhere=true)',
    request: { query: SignOutQuery },
    responses: { 200: json(EndedSessionsDto, 'Signed out'), ...auth },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/setup',
    tags,
    summary: 'Whether first-run setup is open (no user exists)',
    responses: { 200: json(z.object({ needed: z.boolean() }), 'Setup state') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/setup',
    tags,
    summary: 'Create the first admin and sign in (only while no user exists)',
    request: body(SetupBody),
    responses: { 201: json(SignedInDto, 'Created and signed in'), 400: errors[400], 409: conflict },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/account/password',
    tags,
    summary: 'Change your own password (ends your other sessions)',
    request: body(ChangePasswordBody),
    responses: { 204: { description: 'Changed' }, 400: errors[400], ...auth },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/tokens',
    tags,
    summary: 'Your API tokens; everyone’s with ?all=true (admin)',
    request: { query: TokenQuery },
    responses: { 200: json(z.array(TokenDto), 'Tokens'), ...auth },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/tokens',
    tags,
    summary: 'Create an API token; its secret is in this response only',
    request: body(CreateTokenBody),
    responses: { 201: json(CreatedTokenDto, 'Created'), 400: errors[400], ...auth },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/tokens/{id}',
    tags,
    summary: 'Revoke a token (your own; any as admin)',
    request: { params: IdParams },
    responses: { 204: { description: 'Revoked' }, ...errors, ...auth },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/users',
    tags,
    summary: 'Every user (admin)',
    responses: { 200: json(z.array(UserDto), 'Users'), ...auth },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/users',
    tags,
    summary: 'Add a user (admin)',
    request: body(CreateUserBody),
    responses: { 201: json(UserDto, 'Created'), 400: errors[400], 409: conflict, ...auth },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/users/{id}',
    tags,
    summary: 'Change a user’s role or password (admin); the last admin stays an admin',
    request: { params: IdParams, ...body(UpdateUserBody) },
    responses: { 200: json(UserDto, 'Updated'), ...errors, 409: conflict, ...auth },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/users/{id}',
    tags,
    summary: 'Remove a user with their sessions and tokens (admin); not the last admin',
    request: { params: IdParams },
    responses: { 200: json(UserDto, 'Removed'), ...errors, 409: conflict, ...auth },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/users/{id}/sign-out',
    tags,
    summary: 'End every session of a user (admin)',
    request: { params: IdParams },
    responses: { 200: json(EndedSessionsDto, 'Signed out'), ...errors, ...auth },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/events/actors',
    tags: ['Events'],
    summary: 'Everyone who appears as an event’s actor',
    responses: { 200: json(z.array(z.string()), 'Actors'), ...auth },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/events/export',
    tags: ['Events'],
    summary: 'The filtered event log as CSV (cells a spreadsheet would run are neutralised)',
    request: { query: EventExportQuery },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 400: errors[400], ...auth },
  });
}

let cached: object | undefined;

export function openApiDocument(): object {
  cached ??= new OpenApiGeneratorV31(buildRegistry().definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Grainline API', version: VERSION, description: 'Storage copy services console: fleet, host I/O, copy relationships, simulation.' },
    servers: [{ url: '/' }],
  });
  return cached;
}
