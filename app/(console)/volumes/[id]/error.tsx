'use client';
import { RouteError } from '@/components/shell/route-error';

export default function VolumeError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="This volume's page failed" error={error} retry={retry} />;
}
