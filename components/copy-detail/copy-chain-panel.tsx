'use client';
// The Storwize mappings this one shares volumes with, as the array chains them: the root source
// volume, its targets, the targets cascaded from those, restores beside the mapping they reverse.
// While this mapping stops it may first have to copy to the mappings that still read through it
// ("cleaning", docs/domain.md#storwize-chains): how far that is, and for whom. Plain nested lists,
// so the tree reads in order with a screen reader and every mapping is a link reached with Tab.
import clsx from 'clsx';
import Link from 'next/link';
import { useMemo } from 'react';
import { copyStateTone } from '@/components/copies/copy-state-badge';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { chainAround, type ChainBranch } from '@/lib/client/copy-chain';
import { stoppedEarly } from '@/lib/client/copy-progress-state';
import type { Copy, CopyChain } from '@/lib/client/types';
import { useWatchCopies } from '@/lib/client/live-progress';
import { useCopies } from '@/lib/client/use-copies';
import { useVolumes } from '@/lib/client/use-volumes';
import { ProgressBar } from '@/components/ui/progress-bar';

/** What the rows need besides the branch: names to show instead of ids, and which mapping is this page's. */
interface ChainContext {
  currentId: string;
  volumeNames: ReadonlyMap<string, string>;
  mappingsById: ReadonlyMap<string, Copy>;
}

/** "idle or copied": the vendor's state name without an identifier's underscores. */
function stateWords(state: string): string {
  return state.replace(/_/g, ' ');
}

/** "12.5%", as the Progress panel and the Copies table write it. */
function percentText(percent: number): string {
  return `${Math.max(0, Math.min(100, percent)).toFixed(1)}%`;
}

/** A stop that discarded the target's data left no percentage worth showing (lib/client/copy-progress-state.ts). */
function percentOf(mapping: Copy): string | null {
  return stoppedEarly(mapping) ? null : percentText(mapping.progress.percent);
}

function VolumeName({ id, context, className }: { id: string; context: ChainContext; className?: string }) {
  const name = context.volumeNames.get(id);
  // Skeleton's look, as a span: the name sits inside running text, where a div may not go.
  if (name === undefined) return <span aria-hidden="true" className="inline-block h-3 w-24 animate-pulse rounded bg-neutral-soft align-middle" />;
  return (
    <span className={clsx('font-mono break-all', className)} data-testid="chain-volume">
      {name}
    </span>
  );
}

function MappingLink({ mapping, context }: { mapping: Copy; context: ChainContext }) {
  const current = mapping.id === context.currentId;
  return (
    <Link
      href={`/copies/${encodeURIComponent(mapping.id)}`}
      aria-current={current ? 'page' : undefined}
      className={clsx('rounded-sm font-mono text-accent hover:underline', current && 'font-semibold')}
      data-testid="chain-mapping-link"
    >
      {mapping.name}
    </Link>
  );
}

function StateAndPercent({ mapping }: { mapping: Copy }) {
  const percent = percentOf(mapping);
  return (
    <>
      <Badge tone={copyStateTone(mapping.state)} dot>
        <span data-testid="chain-mapping-state">{stateWords(mapping.state)}</span>
      </Badge>{' '}
      {percent !== null && (
        <span className="text-fg-muted tabular-nums" data-testid="chain-mapping-percent">
          {percent}
        </span>
      )}
    </>
  );
}

/**
 * On the mapping being restored: by whom, and how far. The restoring mapping's own progress first:
 * it is pushed as it copies, while the restored mapping's restoreProgress (the same number) only
 * arrives when that mapping itself changes.
 */
function RestoredBy({ chain, context }: { chain: CopyChain; context: ChainContext }) {
  const restorer = chain.restoredById === null ? undefined : context.mappingsById.get(chain.restoredById);
  const percent = restorer?.progress.percent ?? chain.restoreProgress;
  return (
    <span className="text-warn" data-testid="chain-restored-by">
      being restored by <span className="font-mono">{restorer?.name ?? 'another mapping'}</span> · {percentText(percent)}
    </span>
  );
}

function RestoreRow({ restore, forward, context }: { restore: Copy; forward: Copy; context: ChainContext }) {
  return (
    <li
      className={clsx(
        'flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded px-1.5 py-1',
        restore.id === context.currentId && 'bg-accent-soft ring-1 ring-accent/40',
      )}
      data-testid="chain-restore"
    >
      <span aria-hidden="true" className="text-fg-subtle">
        ↩
      </span>{' '}
      <MappingLink mapping={restore} context={context} />{' '}
      <span className="text-fg-muted">
        restores <VolumeName id={forward.sourceVolumeId} context={context} className="text-fg" />
      </span>{' '}
      <StateAndPercent mapping={restore} />
    </li>
  );
}

function BranchItem({ branch, context }: { branch: ChainBranch; context: ChainContext }) {
  const { mapping } = branch;
  const current = mapping.id === context.currentId;
  return (
    <li className="flex flex-col gap-1" data-testid="chain-branch" data-copy-id={mapping.id}>
      <div className={clsx('flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded px-1.5 py-1', current && 'bg-accent-soft ring-1 ring-accent/40')}>
        <span aria-hidden="true" className="text-fg-subtle">
          →
        </span>{' '}
        <VolumeName id={mapping.targetVolumeId} context={context} className="font-semibold text-fg" /> <span className="text-fg-subtle">by</span>{' '}
        <MappingLink mapping={mapping} context={context} /> <StateAndPercent mapping={mapping} />{' '}
        {mapping.chain?.restoring === true && <RestoredBy chain={mapping.chain} context={context} />}
      </div>
      {branch.restores.length > 0 && (
        <ul className="ml-3 flex flex-col gap-1" aria-label={`Restores of ${mapping.name}`}>
          {branch.restores.map((restore) => (
            <RestoreRow key={restore.id} restore={restore} forward={mapping} context={context} />
          ))}
        </ul>
      )}
      {branch.children.length > 0 && <BranchList branches={branch.children} label={`Mappings from the target of ${mapping.name}`} context={context} />}
    </li>
  );
}

function BranchList({ branches, label, context }: { branches: ChainBranch[]; label: string; context: ChainContext }) {
  return (
    <ul className="ml-2 flex flex-col gap-1 border-l border-line pl-3" aria-label={label}>
      {branches.map((branch) => (
        <BranchItem key={branch.mapping.id} branch={branch} context={context} />
      ))}
    </ul>
  );
}

/** A stopping mapping that others still read through copies to them first, at its clean rate. */
function isCleaning(copy: Copy): boolean {
  return copy.state === 'stopping' && copy.chain !== undefined && (copy.chain.cleanGrains > 0 || copy.chain.cleanProgress < 100);
}

function Cleaning({ chain }: { chain: CopyChain }) {
  const percent = Math.max(0, Math.min(100, Math.floor(chain.cleanProgress)));
  const grains = `${chain.cleanGrains.toLocaleString('en-US')} grain${chain.cleanGrains === 1 ? '' : 's'} left`;
  return (
    <div className="flex flex-col gap-1" data-testid="chain-cleaning">
      <span className="flex items-baseline justify-between gap-2 text-xs tabular-nums">
        <span className="text-fg">
          Cleaning: <span data-testid="chain-clean-percent">{percent}%</span>
        </span>
        <span className="text-fg-muted">{grains}</span>
      </span>
      <ProgressBar percent={percent} label={`Cleaning: ${percent}% (${grains})`} />
      <p className="text-[11px] text-fg-muted">
        Before it stops, the mapping copies the grains other mappings still read through it to them, at its clean rate.
      </p>
    </div>
  );
}

function Dependents({ ids, context }: { ids: readonly string[]; context: ChainContext }) {
  return (
    <p className="text-xs text-fg-muted" data-testid="chain-dependents">
      Dependent mappings:{' '}
      {ids.map((id, index) => {
        const dependent = context.mappingsById.get(id);
        return (
          <span key={id}>
            {index > 0 && ', '}
            {dependent === undefined ? 'a mapping no longer listed' : <MappingLink mapping={dependent} context={context} />}
          </span>
        );
      })}
    </p>
  );
}

function mappingIds(branches: readonly ChainBranch[]): string[] {
  return branches.flatMap((branch) => [branch.mapping.id, ...branch.restores.map((restore) => restore.id), ...mappingIds(branch.children)]);
}

export function CopyChainPanel({ copy }: { copy: Copy }) {
  const copies = useCopies();
  const volumes = useVolumes({ arrayId: copy.arrayId });
  const trees = useMemo(() => (copies.data === undefined ? [] : chainAround(copies.data, copy)), [copies.data, copy]);
  useWatchCopies(useMemo(() => trees.flatMap((tree) => mappingIds(tree.branches)), [trees]));
  const context = useMemo<ChainContext>(() => {
    const mappingsById = new Map((copies.data ?? []).map((mapping) => [mapping.id, mapping]));
    mappingsById.set(copy.id, copy);
    return { currentId: copy.id, volumeNames: new Map((volumes.data ?? []).map((volume) => [volume.id, volume.name])), mappingsById };
  }, [copies.data, volumes.data, copy]);
  // Most mappings share no volume: no panel then, rather than an empty one on every mapping's page.
  if (trees.length === 0) return null;
  const dependentIds = copy.chain?.dependentMappingIds ?? [];
  const mappingCount = trees.reduce((sum, tree) => sum + countOf(tree.branches), 0);
  return (
    <Panel
      title="FlashCopy chain"
      titleId="chain-title"
      actions={<span className="text-xs text-fg-muted">{mappingCount} mappings share volumes</span>}
      bodyClassName="flex flex-col gap-3 p-3"
    >
      {isCleaning(copy) && copy.chain !== undefined && <Cleaning chain={copy.chain} />}
      {dependentIds.length > 0 && <Dependents ids={dependentIds} context={context} />}
      <ul className="flex flex-col gap-2 text-xs" aria-labelledby="chain-title" data-testid="chain-tree">
        {trees.map((tree) => (
          <li key={tree.rootVolumeId} className="flex flex-col gap-1">
            <span className="flex items-center gap-2 px-1.5">
              <VolumeName id={tree.rootVolumeId} context={context} className="font-semibold text-fg" /> <span className="text-fg-subtle">source</span>
            </span>
            <BranchList branches={tree.branches} label="Mappings from the source" context={context} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** Mappings in branches, restores included. */
function countOf(branches: readonly ChainBranch[]): number {
  return branches.reduce((sum, branch) => sum + 1 + branch.restores.length + countOf(branch.children), 0);
}
