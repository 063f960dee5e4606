'use client';
// Your API tokens: create one (its secret shown once), see when each was last used, revoke.
import { useCallback, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import type { Role } from '@/lib/auth/roles';
import { useTokens, type ApiToken } from '@/lib/client/use-tokens';
import { CreateTokenDialog } from './create-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { TokensTable } from './tokens-table';

export function OwnTokensPanel({ ownRole }: { ownRole: Role }) {
  const tokens = useTokens('own');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const onRevoke = useCallback((token: ApiToken) => setRevoking(token), []);
  const count = tokens.data?.length;
  return (
    <Panel
      titleId="own-tokens-title"
      title={
        <>
          API tokens
          {count === undefined ? null : <span className="font-normal text-fg-muted tabular-nums"> ({count})</span>}
        </>
      }
      actions={<CreateTokenDialog ownRole={ownRole} />}
      bodyClassName="overflow-x-auto"
    >
      {tokens.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load your API tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
        </div>
      ) : tokens.isPending ? (
        <TableSkeleton label="Loading your API tokens" rows={3} columns={6} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No API tokens yet">Create a token for a script or tool that calls the API as you, e.g. with curl or in a CI job.</EmptyState>
      ) : (
        <TokensTable tokens={tokens.data} label="Your API tokens" asOfMs={tokens.dataUpdatedAt} onRevoke={onRevoke} />
      )}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </Panel>
  );
}
