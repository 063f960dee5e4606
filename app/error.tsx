'use client';
import { RouteError } from '@/components/shell/route-error';

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="This page failed" error={error} retry={retry} />;
}
