'use client';
// "New copy": opens the pairing wizard, with the array and source filled in when it is opened
// from a volume. Operators and admins only: monitors do not see it (the server refuses anyway).
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import { useCan } from '@/lib/client/session';
import { DEFAULT_WIZARD, serializeWizard } from '@/lib/client/wizard-state';

export function newCopyHref(source?: { arrayId: string; id: string }): string {
  if (source === undefined) return '/copies/new';
  return `/copies/new?${serializeWizard({ ...DEFAULT_WIZARD, step: 'target', arrayId: source.arrayId, sourceIds: [source.id] })}`;
}

export function NewCopyButton({ source, variant = 'primary' }: { source?: { arrayId: string; id: string }; variant?: 'primary' | 'secondary' }) {
  const canOperate = useCan('operate');
  if (!canOperate) return null;
  return (
    <Link href={newCopyHref(source)} className={buttonClasses(variant, 'md')}>
      <PlusIcon />
      New copy
    </Link>
  );
}
