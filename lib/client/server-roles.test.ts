import { describe, expect, it } from 'vitest';
import { serverRoleRank, thisNodeLabel } from './server-roles';

describe('Copy Services Server roles', () => {
  it('orders the primary first, then backups, then nodes that cannot take over', () => {
    const roles = (['stopped', 'backup', 'unreachable', 'primary'] as const).toSorted((a, b) => serverRoleRank(a) - serverRoleRank(b));
    expect(roles).toEqual(['primary', 'backup', 'unreachable', 'stopped']);
  });

  it('names the node the browser is on with its role, or says it is alone', () => {
    expect(thisNodeLabel({ mode: 'cluster', thisNode: { id: 'css-b-1', name: 'css-b', role: 'backup' } })).toBe('css-b · backup');
    expect(thisNodeLabel({ mode: 'single', thisNode: { id: 'host-1', name: 'host:3000', role: 'primary' } })).toBe('Single node');
  });
});
