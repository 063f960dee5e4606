import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/auth/roles';
import { lesserRole } from '@/lib/auth/tokens';
import { isDemotion, rolesAtMost } from './roles';

describe('client role order', () => {
  it('offers exactly the roles the server lets a token carry', () => {
    for (const owner of ROLES) {
      for (const cap of ROLES) expect(rolesAtMost(owner).includes(cap)).toBe(lesserRole(cap, owner) === cap);
    }
  });

  it('calls a move to a lesser role a demotion, and nothing else', () => {
    expect(isDemotion('admin', 'operator')).toBe(true);
    expect(isDemotion('operator', 'monitor')).toBe(true);
    expect(isDemotion('monitor', 'operator')).toBe(false);
    expect(isDemotion('operator', 'operator')).toBe(false);
  });
});
