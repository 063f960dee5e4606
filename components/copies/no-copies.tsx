import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

/** The truth today: the inventory holds no copy relationships. */
export function NoCopies({ linkToCopies = false }: { linkToCopies?: boolean }) {
  return (
    <EmptyState
      title="No copy relationships yet"
      action={
        linkToCopies ? (
          <Link href="/copies" className="text-accent hover:underline">
            Go to Copies
          </Link>
        ) : undefined
      }
    >
      Volume copies, ShadowImage pairs, FlashCopy mappings and FlashCopy relationships appear here, live, as soon as they are created.
    </EmptyState>
  );
}
