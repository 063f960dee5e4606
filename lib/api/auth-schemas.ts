// zod schemas of docs/api.md#access and the user administration around it.
import { z } from 'zod';
import { Password, Username } from '../auth/credential-rules';
import { Role } from '../auth/roles';

export const SignInBody = z.strictObject({
  // Length-capped only: a wrong-shaped username is just a failed sign-in, not a hint about policy.
  username: z.string().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(256),
});

export const SetupBody = z.strictObject({ username: Username, password: Password });

export const SignOutQuery = z.strictObject({ everywhere: z.enum(['true', 'false']).optional() });

export const TokenName = z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters');

export const CreateTokenBody = z.strictObject({
  name: TokenName,
  /** Caps the token below its owner's role; omitted = the owner's role. */
  role: Role.optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const TokenQuery = z.strictObject({ all: z.enum(['true', 'false']).optional() });

export const CreateUserBody = z.strictObject({ username: Username, password: Password, role: Role });

export const UpdateUserBody = z
  .strictObject({ role: Role.optional(), password: Password.optional() })
  .refine((body) => body.role !== undefined || body.password !== undefined, { message: 'send role, password, or both' });

export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: Password });

export const Id = z.string().min(1).max(64);
