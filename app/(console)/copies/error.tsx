'use client';
import { RouteError } from '@/components/shell/route-error';

export default function CopiesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The Copies page failed" error={error} retry={retry} />;
}
