// Response shapes of the Access routes, for the OpenAPI document (the routes build them in
// lib/services/users.ts, lib/services/session.ts and lib/auth/tokens.ts).
import { z } from 'zod';
import { Role } from '../auth/roles';

export const SessionUserDto = z
  .object({ id: z.string(), username: z.string(), role: Role, via: z.enum(['session', 'token']), tokenName: z.string().optional() })
  .meta({ id: 'SessionUser' });

export const SignedInDto = z.object({ id: z.string(), username: z.string(), role: Role, csrfToken: z.string() }).meta({ id: 'SignedIn' });

export const EndedSessionsDto = z.object({ endedSessions: z.number().int() }).meta({ id: 'EndedSessions' });

export const UserDto = z
  .object({
    id: z.string(),
    username: z.string(),
    role: Role,
    createdAt: z.string(),
    sessions: z.number().int(),
    tokens: z.number().int(),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const TokenDto = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    role: Role,
    username: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreatedTokenDto = TokenDto.extend({ secret: z.string().describe('Shown once: send it as Authorization: Bearer <secret>') }).meta({
  id: 'CreatedApiToken',
});
