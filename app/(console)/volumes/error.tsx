'use client';
import { RouteError } from '@/components/shell/route-error';

export default function VolumesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The Volumes page failed" error={error} retry={retry} />;
}
