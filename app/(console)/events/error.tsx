'use client';
import { RouteError } from '@/components/shell/route-error';

export default function EventsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The Events page failed" error={error} retry={retry} />;
}
