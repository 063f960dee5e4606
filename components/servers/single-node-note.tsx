import { Panel } from '@/components/ui/panel';

/** Alone on SQLite there is no lease and no backup: say so, and how to run a cluster instead. */
export function SingleNodeNote() {
  return (
    <Panel title="Single node" titleId="single-node-title" bodyClassName="flex flex-col gap-2 p-3" className="max-w-3xl">
      <p data-testid="single-node-note">
        This console runs alone on SQLite: it is the only Copy Services Server and always the primary. There is no engine lease and no backup to take over if it
        stops.
      </p>
      <p className="text-fg-muted">
        To run a primary with backups, run <code className="font-mono text-xs text-fg">npm run start:cluster</code> (one embedded PostgreSQL and two nodes on
        this machine), or start each node with the same <code className="font-mono text-xs text-fg">DATABASE_URL=postgresql://…</code>,{' '}
        <code className="font-mono text-xs text-fg">GRAINLINE_DATA_DIR</code> (the shared storage) and{' '}
        <code className="font-mono text-xs text-fg">GRAINLINE_SESSION_SECRET</code>.
      </p>
    </Panel>
  );
}
