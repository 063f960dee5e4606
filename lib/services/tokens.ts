// API tokens for automation, as the API offers them: everyone manages their own, an admin anyone's.
// A token never carries more than whoever mints it: not more than their role, and a token minted
// with a token not more than that token.
import type { z } from 'zod';
import type { CreateTokenBody } from '../api/auth-schemas';
import type { Principal } from '../auth/principal';
import { roleMay } from '../auth/roles';
import { createToken, lesserRole, listTokens, type TokenView } from '../auth/tokens';
import { forgetResolvedTokens } from '../auth/token-cache';
import { ApiError } from '../http/api-error';
import { disconnectRoom, tokenRoom } from '../realtime/socket-server';
import type { Runtime } from '../runtime';

export type NewToken = TokenView & { secret: string };

/** The caller's own tokens, or with `everyone` (admins only) every user's. */
export async function listApiTokens(runtime: Runtime, principal: Principal, everyone: boolean): Promise<TokenView[]> {
  if (everyone && !roleMay(principal.role, 'admin'))
    throw new ApiError(403, `your role (${principal.role}) may not list other users' tokens: it needs an admin`);
  return listTokens(runtime.db, everyone ? undefined : principal.userId);
}

/** Creates a token for the caller; its secret is in this answer and nowhere else. */
export async function createApiToken(runtime: Runtime, principal: Principal, input: z.output<typeof CreateTokenBody>): Promise<NewToken> {
  if (input.role !== undefined && lesserRole(input.role, principal.role) !== input.role) {
    throw new ApiError(403, `a token cannot carry more than your own role (${principal.role})`);
  }
  // A token minted with a token carries no more than that token: else a capped (say monitor) token
  // could mint an uncapped one with its owner's full role.
  const role = input.role ?? (principal.via === 'token' ? principal.role : undefined);
  const { token, secret } = await createToken(runtime.db, principal.userId, input.name, role, input.expiresInDays);
  return { ...token, secret };
}

/** Revokes a token at once, its live feeds too: the caller's own, or anyone's for an admin. */
export async function revokeApiToken(runtime: Runtime, principal: Principal, id: string): Promise<void> {
  const token = await runtime.db.apiToken.findUnique({ where: { id } });
  // Someone else's token is "not found" to a non-admin: its existence is not theirs to learn.
  if (!token || (token.userId !== principal.userId && !roleMay(principal.role, 'admin'))) throw new ApiError(404, `no API token ${id}`);
  await runtime.db.apiToken.delete({ where: { id } });
  forgetResolvedTokens();
  disconnectRoom(runtime.io, tokenRoom(id));
}
