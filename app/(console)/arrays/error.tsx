'use client';
import { RouteError } from '@/components/shell/route-error';

export default function ArraysError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The Arrays page failed" error={error} retry={retry} />;
}
