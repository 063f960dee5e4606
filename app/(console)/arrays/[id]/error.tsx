'use client';
import { RouteError } from '@/components/shell/route-error';

export default function ArrayError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="This array's page failed" error={error} retry={retry} />;
}
