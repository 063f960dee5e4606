import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { ChangeOwnerButton } from '@/components/volume-detail/change-owner-button';
import { VolumeStatusBadge } from '@/components/volumes/volume-status-badge';
import { volumeHref } from '@/components/volumes/volume-href';
import { formatBytes } from '@/lib/units';
import { toBigBytes, type Controller, type StorageArray, type Volume } from '@/lib/client/types';
import { ControllerActions } from './controller-actions';
import { ControllerBadge } from './controller-badge';
import { useElementWidth } from '@/components/ui/use-element-width';

/** A card lists at most this many volumes; the Volumes page, filtered, shows the rest. */
const MAX_LISTED_VOLUMES = 50;

// The card's width, not the window's, decides which columns fit: two cards share a wide window and
// one card fills a narrower one. In a narrow card the Roles and Preferred owner columns fold into
// the Volume cell, so a name keeps about 10rem. Measured rather than styled per width (container
// queries), so each row holds its roles and "not on preferred" once, not a hidden second copy.
const WIDE_FROM_PX = { plain: 480, withOwnerButtons: 544 } as const;

function RoleBadges({ roles }: { roles: string[] }) {
  return (
    <span className="flex flex-wrap gap-1" data-testid="volume-roles">
      {roles.map((role) => (
        <Badge key={role} tone="accent">
          {role}
        </Badge>
      ))}
    </span>
  );
}

function NotOnPreferred({ volume }: { volume: Volume }) {
  return (
    <Badge tone="warn" title={`Preferred owner is controller ${volume.preferredOwner}; controller ${volume.currentOwner} owns it now`}>
      not on preferred
    </Badge>
  );
}

function OwnedVolumeRow({ volume, array, wide }: { volume: Volume; array: StorageArray | undefined; wide: boolean }) {
  const moved = volume.currentOwner !== volume.preferredOwner;
  return (
    <tr className="border-b border-line last:border-b-0" data-testid="owned-volume">
      <td className="px-3 py-1.5 align-middle">
        <span className="flex min-w-0 items-center gap-1.5">
          <Link href={volumeHref(volume.id)} className="truncate font-mono text-xs text-accent hover:underline" title={volume.name}>
            {volume.name}
          </Link>
          {volume.status !== 'online' && (
            <span className="shrink-0">
              <VolumeStatusBadge status={volume.status} />
            </span>
          )}
        </span>
        {!wide && (volume.roles.length > 0 || moved) && (
          <span className="mt-1 flex flex-wrap gap-1">
            {volume.roles.length > 0 && <RoleBadges roles={volume.roles} />}
            {moved && <NotOnPreferred volume={volume} />}
          </span>
        )}
      </td>
      {wide && (
        <td className="px-3 py-1.5 align-middle">
          {volume.roles.length === 0 ? (
            <span className="text-fg-subtle">
              <span aria-hidden="true">—</span>
              <span className="sr-only">none</span>
            </span>
          ) : (
            <RoleBadges roles={volume.roles} />
          )}
        </td>
      )}
      <td className="px-3 py-1.5 text-right align-middle whitespace-nowrap tabular-nums">{formatBytes(toBigBytes(volume.capacityBytes))}</td>
      {wide && (
        <td className="px-3 py-1.5 align-middle whitespace-nowrap">
          <span className="inline-flex items-center gap-1.5">
            {volume.preferredOwner}
            {moved && <NotOnPreferred volume={volume} />}
          </span>
        </td>
      )}
      {array !== undefined && (
        <td className="px-2 py-1.5 text-right align-middle">
          <ChangeOwnerButton volume={volume} array={array} compact />
        </td>
      )}
    </tr>
  );
}

export interface ControllerCardProps {
  arrayId: string;
  arrayName: string;
  controller: Controller;
  /** The array's other controller, which takes over when this one fails. */
  survivor: Controller | undefined;
  volumes: Volume[] | undefined;
  /** Fail / Restore buttons, and the owner change when `array` allows it: for operators and admins only. */
  canOperate: boolean;
  /** The array itself: with it, operators get each volume's "give to the other controller" on SANtricity arrays. */
  array?: StorageArray;
}

/**
 * SANtricity is where an administrator assigns each volume's owning controller (its preferred
 * owner, in SANtricity System Manager's words), so only there does the card offer the move.
 */
function ownerChangeArray(array: StorageArray | undefined, canOperate: boolean): StorageArray | undefined {
  return canOperate && array?.model === 'santricity' ? array : undefined;
}

export function ControllerCard({ arrayId, arrayName, controller, survivor, volumes, canOperate, array }: ControllerCardProps) {
  const listed = volumes?.slice(0, MAX_LISTED_VOLUMES) ?? [];
  const hidden = (volumes?.length ?? 0) - listed.length;
  const titleId = `controller-${controller.slot}-title`;
  const ownerArray = ownerChangeArray(array, canOperate);
  const [boxRef, boxWidthPx] = useElementWidth();
  // Wide until the box is measured (in the same frame, before it is painted).
  const wide = boxWidthPx === undefined || boxWidthPx >= WIDE_FROM_PX[ownerArray === undefined ? 'plain' : 'withOwnerButtons'];
  return (
    <Panel
      titleId={titleId}
      title={`Controller ${controller.slot}`}
      className={controller.status === 'offline' ? 'border-bad/60' : undefined}
      actions={
        <>
          <span className="text-xs text-fg-muted" data-testid={`controller-${controller.slot}-count`}>
            {volumes === undefined ? '…' : `owns ${volumes.length.toLocaleString('en-US')} ${volumes.length === 1 ? 'volume' : 'volumes'}`}
          </span>
          <ControllerBadge controller={controller} />
          {canOperate && <ControllerActions arrayId={arrayId} arrayName={arrayName} controller={controller} />}
        </>
      }
    >
      {controller.status === 'offline' && (
        <p role="status" className="border-b border-line bg-bad-soft px-3 py-2 text-xs text-fg">
          Controller {controller.slot} is offline.{' '}
          {survivor?.status === 'online'
            ? `Controller ${survivor.slot} owns its volumes until it is restored.`
            : 'No controller of this array is online: its volumes are offline.'}
        </p>
      )}
      {volumes === undefined ? (
        // Not an empty table while the array's volumes load: that would read as "owns none".
        <TableSkeleton label={`Loading the volumes of controller ${controller.slot}`} rows={4} columns={3} />
      ) : volumes.length === 0 ? (
        <p className="px-3 py-4 text-fg-muted">This controller owns no volumes right now.</p>
      ) : (
        // Measured outside the scroller: a scrollbar must not switch one card's columns.
        <div ref={boxRef}>
          <div className="max-h-[26rem] overflow-y-auto">
            <table className="w-full table-fixed border-collapse text-left" aria-labelledby={titleId}>
              <thead className="sticky top-0 bg-surface-raised text-xs text-fg-muted">
                <tr>
                  <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                    Volume
                  </th>
                  {wide && (
                    <th scope="col" className="w-24 border-b border-line px-3 py-1.5 font-medium">
                      Roles
                    </th>
                  )}
                  <th scope="col" className="w-20 border-b border-line px-3 py-1.5 text-right font-medium">
                    Size
                  </th>
                  {wide && (
                    <th scope="col" className="w-36 border-b border-line px-3 py-1.5 font-medium">
                      Preferred owner
                    </th>
                  )}
                  {ownerArray !== undefined && (
                    <th scope="col" className="w-16 border-b border-line px-2 py-1.5 font-medium">
                      <span className="sr-only">Change owner</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {listed.map((volume) => (
                  <OwnedVolumeRow key={volume.id} volume={volume} array={ownerArray} wide={wide} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {hidden > 0 && (
        <p className="border-t border-line px-3 py-2 text-xs text-fg-muted">
          {hidden.toLocaleString('en-US')} more.{' '}
          <Link href={`/volumes?array=${encodeURIComponent(arrayId)}&owner=${controller.slot}`} className="text-accent hover:underline">
            Show all volumes on controller {controller.slot}
          </Link>
        </p>
      )}
    </Panel>
  );
}
