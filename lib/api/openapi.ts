// /api/openapi.json, generated from the zod schemas that validate requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { VERSION } from '../version';
import { ArrayDto, CreateVolumeBody, ErrorDto, EventDto, EventQuery, HealthDto, VolumeDto, VolumeQuery } from './fleet-schemas';

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
  return registry;
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
