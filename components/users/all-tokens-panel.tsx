'use client';
// Every user's API tokens, for an admin to see what automation can reach the console and to revoke
// any of it.
import { useCallback, useState } from 'react';
import { RevokeTokenDialog } from '@/components/account/revoke-token-dialog';
import { TokensTable } from '@/components/account/tokens-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useTokens, type ApiToken } from '@/lib/client/use-tokens';

export function AllTokensPanel() {
  const tokens = useTokens('all');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const onRevoke = useCallback((token: ApiToken) => setRevoking(token), []);
  const count = tokens.data?.length;
  return (
    <Panel
      titleId="all-tokens-title"
      title={
        <>
          All API tokens
          {count === undefined ? null : <span className="font-normal text-fg-muted tabular-nums"> ({count})</span>}
        </>
      }
      bodyClassName="overflow-x-auto"
    >
      {tokens.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load the API tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
        </div>
      ) : tokens.isPending ? (
        <TableSkeleton label="Loading API tokens" rows={3} columns={7} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No API tokens">Users create their own tokens on their Account page.</EmptyState>
      ) : (
        <TokensTable tokens={tokens.data} label="All API tokens" showOwner asOfMs={tokens.dataUpdatedAt} onRevoke={onRevoke} />
      )}
      <RevokeTokenDialog token={revoking} showOwner onClose={() => setRevoking(null)} />
    </Panel>
  );
}
