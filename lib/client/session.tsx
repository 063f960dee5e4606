'use client';
// The signed-in user, handed down by the console layout (which read it from the session cookie on
// the server). Components ask `useCan('operate')` to hide what the role cannot do; the server
// refuses it anyway.
import { createContext, useContext, type ReactNode } from 'react';
import { roleMay, type Access, type Role } from '@/lib/auth/roles';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

const SessionContext = createContext<SessionUser | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSessionUser(): SessionUser | null {
  return useContext(SessionContext);
}

export function useCan(access: Access): boolean {
  const user = useContext(SessionContext);
  return user !== null && roleMay(user.role, access);
}
