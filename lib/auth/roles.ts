// Who may do what. Every route declares one access class; this table says which roles hold it.
import { z } from 'zod';

export const ROLES = ['admin', 'operator', 'monitor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * Access classes, from the route's point of view:
 * - public: anyone, signed in or not (health, sign-in, first-run setup)
 * - read: any signed-in user sees the fleet, copies and events
 * - self: any signed-in user manages their own account (password, own tokens, sign-out)
 * - operate: changes storage: volumes, copies, consistency groups, simulation, faults
 * - admin: users, everyone's tokens
 */
export type Access = 'public' | 'read' | 'self' | 'operate' | 'admin';

const GRANTS: Record<Role, readonly Access[]> = {
  admin: ['public', 'read', 'self', 'operate', 'admin'],
  operator: ['public', 'read', 'self', 'operate'],
  monitor: ['public', 'read', 'self'],
};

export function roleMay(role: Role, access: Access): boolean {
  return GRANTS[role].includes(access);
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything, including users and everyone’s API tokens',
  operator: 'Volumes, copies, consistency groups, simulation and faults',
  monitor: 'Read-only: sees the fleet, copies and events; changes nothing',
};
