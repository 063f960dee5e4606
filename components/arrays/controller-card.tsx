import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { VolumeStatusBadge } from '@/components/volumes/volume-status-badge';
import { volumeHref } from '@/components/volumes/volume-href';
import { formatBytes } from '@/lib/units';
import { toBigBytes, type Controller, type Volume } from '@/lib/client/types';
import { ControllerActions } from './controller-actions';
import { ControllerBadge } from './controller-badge';

/** A card lists at most this many volumes; the Volumes page, filtered, shows the rest. */
const MAX_LISTED_VOLUMES = 50;

function OwnedVolumeRow({ volume }: { volume: Volume }) {
  const moved = volume.currentOwner !== volume.preferredOwner;
  return (
    <tr className="border-b border-line last:border-b-0">
      <td className="max-w-0 truncate px-3 py-1.5 font-mono text-xs" title={volume.name}>
        <Link href={volumeHref(volume.id)} className="text-accent hover:underline">
          {volume.name}
        </Link>
        {volume.status !== 'online' && (
          <span className="ml-1.5 font-sans">
            <VolumeStatusBadge status={volume.status} />
          </span>
        )}
      </td>
      <td className="px-3 py-1.5 text-right tabular-nums whitespace-nowrap">{formatBytes(toBigBytes(volume.capacityBytes))}</td>
      <td className="px-3 py-1.5 whitespace-nowrap">
        <span className="inline-flex items-center gap-1.5">
          {volume.preferredOwner}
          {moved && (
            <Badge tone="warn" title={`Preferred owner is controller ${volume.preferredOwner}; controller ${volume.currentOwner} owns it now`}>
              not on preferred
            </Badge>
          )}
        </span>
      </td>
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
  /** Fail / Restore buttons: for operators and admins only. */
  canOperate: boolean;
}

export function ControllerCard({ arrayId, arrayName, controller, survivor, volumes, canOperate }: ControllerCardProps) {
  const listed = volumes?.slice(0, MAX_LISTED_VOLUMES) ?? [];
  const hidden = (volumes?.length ?? 0) - listed.length;
  const titleId = `controller-${controller.slot}-title`;
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
      {volumes !== undefined && volumes.length === 0 ? (
        <p className="px-3 py-4 text-fg-muted">This controller owns no volumes right now.</p>
      ) : (
        <div className="max-h-[26rem] overflow-y-auto">
          <table className="w-full table-fixed border-collapse text-left" aria-labelledby={titleId}>
            <thead className="sticky top-0 bg-surface-raised text-xs text-fg-muted">
              <tr>
                <th scope="col" className="border-b border-line px-3 py-1.5 font-medium">
                  Volume
                </th>
                <th scope="col" className="w-24 border-b border-line px-3 py-1.5 text-right font-medium">
                  Size
                </th>
                <th scope="col" className="w-44 border-b border-line px-3 py-1.5 font-medium">
                  Preferred owner
                </th>
              </tr>
            </thead>
            <tbody>
              {listed.map((volume) => (
                <OwnedVolumeRow key={volume.id} volume={volume} />
              ))}
            </tbody>
          </table>
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
