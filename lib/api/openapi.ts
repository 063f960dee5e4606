// /api/openapi.json, generated from the zod schemas that validate requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { VERSION } from '../version';
import { ArrayDto, CreateVolumeBody, ErrorDto, EventDto, EventQuery, HealthDto, VolumeDto, VolumeQuery } from './fleet-schemas';
import { ActionBody, AdvanceBody, CopyDto, CopyQuery, CreateCopyBody, CreateGroupBody, DataReadQuery, DataWriteQuery, EligibilityDto, EligibilityQuery, GroupDto, PatchCopyBody, PutSimulationBody, SimulationDto, WorkloadBody } from './copy-schemas';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(ErrorDto, 'Malformed input'),
  404: json(ErrorDto, 'Unknown id'),
};
const IdParams = z.object({ id: z.string() });

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerPath({ method: 'get', path: '/api/health', tags: ['Fleet'], summary: 'Liveness and version (no sign-in needed)', responses: { 200: json(HealthDto, 'Healthy') } });
  registry.registerPath({ method: 'get', path: '/api/arrays', tags: ['Fleet'], summary: 'Every storage array', responses: { 200: json(z.array(ArrayDto), 'Arrays') } });
  registry.registerPath({ method: 'get', path: '/api/arrays/{id}', tags: ['Fleet'], summary: 'One array', request: { params: IdParams }, responses: { 200: json(ArrayDto, 'The array'), ...errors } });
  registry.registerPath({ method: 'get', path: '/api/volumes', tags: ['Fleet'], summary: 'Volumes, filtered', request: { query: VolumeQuery }, responses: { 200: json(z.array(VolumeDto), 'Volumes'), 400: errors[400] } });
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
  registry.registerPath({ method: 'get', path: '/api/volumes/{id}', tags: ['Fleet'], summary: 'One volume', request: { params: IdParams }, responses: { 200: json(VolumeDto, 'The volume'), ...errors } });
  registry.registerPath({
    method: 'delete',
    path: '/api/volumes/{id}',
    tags: ['Fleet'],
    summary: 'Delete a volume',
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errors, 409: json(ErrorDto, 'The volume is in a copy relationship') },
  });
  registry.registerPath({ method: 'get', path: '/api/events', tags: ['Events'], summary: 'Event log, newest first', request: { query: EventQuery }, responses: { 200: json(z.array(EventDto), 'Events'), 400: errors[400] } });
  registerCopyPaths(registry);
  return registry;
}

const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const conflict = json(ErrorDto, 'Not allowed in the current state (the message names the state)');
const rule = json(ErrorDto, 'A rule is violated: details lists every reason');
const locked = json(ErrorDto, "The volume's role or state forbids this access");

function registerCopyPaths(registry: OpenAPIRegistry): void {
  const CopyParams = z.object({ id: z.string() });
  const ActionParams = z.object({ id: z.string(), action: z.string().meta({ description: 'e.g. start, stop, recopy, split, resync, suspend, prepare, convert-to-copy, withdraw' }) });
  registry.registerPath({ method: 'get', path: '/api/copies', tags: ['Copies'], summary: 'Every copy relationship, filtered', request: { query: CopyQuery }, responses: { 200: json(z.array(CopyDto), 'Copies'), 400: errors[400] } });
  registry.registerPath({ method: 'post', path: '/api/copies', tags: ['Copies'], summary: 'Create a copy relationship (starts it unless start is false)', request: body(CreateCopyBody), responses: { 201: json(CopyDto, 'Created'), ...errors, 422: rule } });
  registry.registerPath({ method: 'get', path: '/api/copies/eligibility', tags: ['Copies'], summary: 'For every volume of the source array: may it be the target, and why not', request: { query: EligibilityQuery }, responses: { 200: json(EligibilityDto, 'Eligibility'), ...errors, 422: rule } });
  registry.registerPath({ method: 'get', path: '/api/copies/{id}', tags: ['Copies'], summary: 'One copy relationship with the actions allowed now', request: { params: CopyParams }, responses: { 200: json(CopyDto, 'The copy'), ...errors } });
  registry.registerPath({ method: 'patch', path: '/api/copies/{id}', tags: ['Copies'], summary: 'Change options (priority, copyRate, pace, targetReadOnly, …)', request: { params: CopyParams, ...body(PatchCopyBody) }, responses: { 200: json(CopyDto, 'Updated'), ...errors } });
  registry.registerPath({ method: 'delete', path: '/api/copies/{id}', tags: ['Copies'], summary: 'Remove the relationship; the target keeps its data', request: { params: CopyParams }, responses: { 204: { description: 'Removed' }, ...errors, 409: conflict } });
  registry.registerPath({ method: 'post', path: '/api/copies/{id}/actions/{action}', tags: ['Copies'], summary: 'Run an action of the service', request: { params: ActionParams, ...body(ActionBody) }, responses: { 200: json(CopyDto, 'The copy after the action'), ...errors, 409: conflict, 422: rule } });
  registry.registerPath({ method: 'get', path: '/api/consistency-groups', tags: ['Copies'], summary: 'Storwize consistency groups', responses: { 200: json(z.array(GroupDto), 'Groups') } });
  registry.registerPath({ method: 'post', path: '/api/consistency-groups', tags: ['Copies'], summary: 'Create a consistency group', request: body(CreateGroupBody), responses: { 201: json(GroupDto, 'Created'), ...errors, 409: conflict, 422: rule } });
  registry.registerPath({ method: 'post', path: '/api/consistency-groups/{id}/actions/{action}', tags: ['Copies'], summary: 'Apply an action to every member at one point in time', request: { params: ActionParams, ...body(ActionBody) }, responses: { 200: json(z.object({ group: GroupDto, members: z.array(CopyDto) }), 'Group and members'), ...errors, 409: conflict } });
  registry.registerPath({ method: 'get', path: '/api/simulation', tags: ['Simulation'], summary: 'Simulated clock and speed', responses: { 200: json(SimulationDto, 'Simulation') } });
  registry.registerPath({ method: 'put', path: '/api/simulation', tags: ['Simulation'], summary: 'Set the speed (0 = paused)', request: body(PutSimulationBody), responses: { 200: json(SimulationDto, 'Simulation'), 400: errors[400] } });
  registry.registerPath({ method: 'post', path: '/api/simulation/advance', tags: ['Simulation'], summary: 'Step simulated time while paused', request: body(AdvanceBody), responses: { 200: json(SimulationDto, 'Simulation'), 400: errors[400], 409: conflict } });
  const VolumeParams = z.object({ id: z.string() });
  registry.registerPath({
    method: 'get',
    path: '/api/volumes/{id}/data',
    tags: ['Host I/O'],
    summary: 'Read bytes as a host sees them',
    request: { params: VolumeParams, query: DataReadQuery },
    responses: { 200: { description: 'The bytes', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, ...errors, 423: locked },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/volumes/{id}/data',
    tags: ['Host I/O'],
    summary: 'Write bytes as a host would',
    request: { params: VolumeParams, query: DataWriteQuery, body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } } },
    responses: { 204: { description: 'Written and saved' }, ...errors, 413: json(ErrorDto, 'More than 16 MiB in one request'), 423: locked },
  });
  registry.registerPath({ method: 'post', path: '/api/volumes/{id}/workload', tags: ['Host I/O'], summary: 'Start a simulated host workload', request: { params: VolumeParams, ...body(WorkloadBody) }, responses: { 201: { description: 'Started' }, ...errors } });
  registry.registerPath({ method: 'delete', path: '/api/volumes/{id}/workload', tags: ['Host I/O'], summary: 'Stop the workload', request: { params: VolumeParams }, responses: { 204: { description: 'Stopped' }, ...errors } });
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
