import { describe, expect, it } from 'vitest';
import type { CopyServicesServerDto, ServerRole } from '@/lib/services/cluster';
import { clusterSummary, serverRoleRank, thisNodeLabel } from './server-roles';

function server(name: string, role: ServerRole): CopyServicesServerDto {
  const at = '2026-12-05T08:00:00.000Z';
  return {
    id: `${name}-1`,
    name,
    url: `http://${name}:3000`,
    role,
    startedAt: at,
    heartbeatAt: at,
    stoppedAt: role === 'stopped' ? at : null,
    vendorPorts: { svcRest: 7443, svcSsh: 7022, nbd: 10809 },
    thisNode: false,
  };
}

describe('Copy Services Server roles', () => {
  it('orders the primary first, then backups, then nodes that cannot take over', () => {
    const roles = (['stopped', 'backup', 'unreachable', 'primary'] as const).toSorted((a, b) => serverRoleRank(a) - serverRoleRank(b));
    expect(roles).toEqual(['primary', 'backup', 'unreachable', 'stopped']);
  });

  it('names the node the browser is on with its role, or says it is alone', () => {
    expect(thisNodeLabel({ mode: 'cluster', thisNode: { id: 'css-b-1', name: 'css-b', role: 'backup' } })).toBe('css-b · backup');
    expect(thisNodeLabel({ mode: 'single', thisNode: { id: 'host-1', name: 'host:3000', role: 'primary' } })).toBe('Single node');
  });

  it('sums up the cluster: nodes that can serve, silent ones, and the primary', () => {
    expect(clusterSummary({ mode: 'single', servers: [server('host:3000', 'primary')] })).toBe('One console node on SQLite.');
    expect(clusterSummary({ mode: 'cluster', servers: [server('css-a', 'primary'), server('css-b', 'backup')] })).toBe(
      '2 nodes running; css-a is the primary.',
    );
    expect(clusterSummary({ mode: 'cluster', servers: [server('css-b', 'primary'), server('css-a', 'unreachable'), server('css-c', 'stopped')] })).toBe(
      '1 node running, 1 unreachable; css-b is the primary.',
    );
    expect(clusterSummary({ mode: 'cluster', servers: [server('css-b', 'backup'), server('css-a', 'unreachable')] })).toBe(
      '1 node running, 1 unreachable; no primary holds the lease right now.',
    );
  });
});
