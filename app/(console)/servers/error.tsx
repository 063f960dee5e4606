'use client';
import { RouteError } from '@/components/shell/route-error';

export default function ServersError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The Copy Services Servers page failed" error={error} retry={retry} />;
}
