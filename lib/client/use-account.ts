'use client';
// Your own account: the password, and signing out every browser at once.
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangePasswordBody } from '@/lib/api/auth-schemas';
import { deleteJson, putNoContent } from './fetch-json';
import { whileSigningOut } from './hard-navigate';

export type ChangePasswordRequest = z.input<typeof ChangePasswordBody>;

/** Your other sessions end; this one stays signed in. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => putNoContent('/api/account/password', body),
  });
}

/** Ends every session of yours, this one included: the caller navigates to sign-in afterwards. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: () => whileSigningOut(() => deleteJson<{ endedSessions: number }>('/api/session?everywhere=true')),
  });
}
