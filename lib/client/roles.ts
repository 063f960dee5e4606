// Role order for the browser: lib/auth/tokens.ts's lesserRole sits beside node:crypto, which the
// browser lacks, so the comparison is restated on ROLES (most powerful first).
import { ROLES, type Role } from '@/lib/auth/roles';

function rank(role: Role): number {
  return ROLES.indexOf(role);
}

/** The roles a token of someone with `role` may carry: that role and every lesser one. */
export function rolesAtMost(role: Role): Role[] {
  return ROLES.slice(rank(role));
}

/** Moving from `from` to `to` takes something away. */
export function isDemotion(from: Role, to: Role): boolean {
  return rank(to) > rank(from);
}

/** For sorting: admin first. */
export function roleRank(role: Role): number {
  return rank(role);
}
