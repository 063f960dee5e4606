'use client';
import { RouteError } from '@/components/shell/route-error';

export default function CopyError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="This copy's page failed" error={error} retry={retry} />;
}
