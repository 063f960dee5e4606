// Engine relationships ↔ inventory rows. Bitmaps travel in the data plane's compact, checksummed
// serialization, so a row read back after a crash either restores exactly or is refused.
import { GrainBitmap } from '../../engine/data/grain-bitmap';
import type { Relationship } from '../../engine/copy/relationship';
import type { CopyOptions } from '../../engine/copy/options';
import type { RelationshipType } from '../../engine/copy/types';
import type { ArrayModel, ControllerSlot } from '../../engine/model';
import { Prisma, type CopyRelationship } from '../db/generated/client';
import type { Dialect } from '../db/dialect';

interface RuntimeFields {
  copiedOnce: boolean;
  startWhenPrepared: boolean;
  targetOwnerBeforeCopy: ControllerSlot | null;
  queuedOrder: number;
  lastUpdateCopyMs: number;
  sourceCapacityBytes: number;
  lastStartedMs: number | null;
  joinedChain: boolean;
  /** DS6000: the source is frozen for its consistency group until then (a restart keeps the freeze). */
  frozenUntilMs: number | null;
}

const bytes = (bitmap: GrainBitmap): Uint8Array<ArrayBuffer> => Uint8Array.from(bitmap.serialize());

function runtimeOf(relationship: Relationship): RuntimeFields {
  return {
    copiedOnce: relationship.copiedOnce,
    startWhenPrepared: relationship.startWhenPrepared,
    targetOwnerBeforeCopy: relationship.targetOwnerBeforeCopy,
    queuedOrder: relationship.queuedOrder,
    lastUpdateCopyMs: relationship.lastUpdateCopyMs,
    sourceCapacityBytes: relationship.sourceCapacityBytes,
    lastStartedMs: relationship.lastStartedMs,
    joinedChain: relationship.joinedChain,
    frozenUntilMs: relationship.frozenUntilMs,
  };
}

/** A Json column's value in raw SQL: SQLite keeps Json as text; PostgreSQL's jsonb will not take a text parameter uncast. */
export function jsonParameter(value: unknown, dialect: Dialect): Prisma.Sql {
  const text = JSON.stringify(value);
  return dialect === 'postgresql' ? Prisma.sql`CAST(${text} AS jsonb)` : Prisma.sql`${text}`;
}

/** One relationship's background progress, as copyProgressStatement writes it. */
export interface ProgressRow {
  relationship: Relationship;
  progress: { copiedBytes: number; totalBytes: number };
  differentialBytes: number;
}

/**
 * What background copying changes (the bitmap of grains still to copy, the byte counts, the
 * update-copy time) for many relationships, as one raw UPDATE … FROM (VALUES …). A compiled
 * Prisma update cost ~3 ms of CPU a row; a raw statement a row still cost a round trip through
 * Prisma's engine each, 200 a second with 1,000 copies moving (#16). Everything else changes with
 * an event and goes through copyRowUpdate. VALUES columns are column1…column6 on both SQLite and PostgreSQL; the casts make the
 * types explicit for PostgreSQL, which cannot infer them through VALUES (SQLite ignores them).
 */
export function copyProgressStatement(rows: readonly ProgressRow[], dialect: Dialect): Prisma.Sql {
  if (rows.length === 0) throw new Error('copyProgressStatement needs at least one row');
  const blob = dialect === 'postgresql' ? Prisma.raw('bytea') : Prisma.raw('BLOB');
  const values = rows.map(
    ({ relationship, progress, differentialBytes }) =>
      Prisma.sql`(${relationship.id}, CAST(${bytes(relationship.toCopy)} AS ${blob}), CAST(${BigInt(progress.copiedBytes)} AS BIGINT), CAST(${BigInt(progress.totalBytes)} AS BIGINT), CAST(${BigInt(differentialBytes)} AS BIGINT), ${jsonParameter(runtimeOf(relationship), dialect)})`,
  );
  return Prisma.sql`UPDATE "CopyRelationship" SET "pendingBitmap" = v.column2, "copiedBytes" = v.column3, "totalBytes" = v.column4, "differentialBytes" = v.column5, "runtime" = v.column6 FROM (VALUES ${Prisma.join(values)}) AS v WHERE "CopyRelationship"."id" = v.column1`;
}

/** The columns that change as the relationship runs (state, bitmaps, progress, options). */
export function copyRowUpdate(
  relationship: Relationship,
  progress: { copiedBytes: number; totalBytes: number },
  differentialBytes: number,
): Prisma.CopyRelationshipUncheckedUpdateInput {
  const runtime = runtimeOf(relationship);
  return {
    name: relationship.name,
    // A DS6000 reverse restore swaps the roles.
    sourceVolumeId: relationship.sourceVolumeId,
    targetVolumeId: relationship.targetVolumeId,
    consistencyGroupId: relationship.consistencyGroupId,
    state: relationship.state,
    options: relationship.options as unknown as Prisma.InputJsonValue,
    pendingBitmap: bytes(relationship.toCopy),
    sourceDiffBitmap: bytes(relationship.sourceDiff),
    targetDiffBitmap: bytes(relationship.targetDiff),
    copiedBytes: BigInt(progress.copiedBytes),
    totalBytes: BigInt(progress.totalBytes),
    differentialBytes: BigInt(differentialBytes),
    cycleGrains: relationship.cycleGrains,
    pointInTimeAt: relationship.pointInTimeMs === null ? null : new Date(relationship.pointInTimeMs),
    stateChangedAt: new Date(relationship.stateChangedAtMs),
    updatedAt: new Date(relationship.updatedAtMs),
    runtime: runtime as unknown as Prisma.InputJsonValue,
  };
}

/**
 * copyRowUpdate as one raw UPDATE. A compiled Prisma update of this row cost about 3 ms of CPU
 * (its query is compiled afresh each time); the raw statement about a tenth of that, which is what
 * a command's save, or a thousand mappings changing state at once, pays per row (#16). The columns
 * are copyRowUpdate's own, so the two cannot drift apart: objects are the Json columns.
 */
export function copyRowUpdateStatement(
  relationship: Relationship,
  progress: { copiedBytes: number; totalBytes: number },
  differentialBytes: number,
  dialect: Dialect,
): Prisma.Sql {
  const assignments = Object.entries(copyRowUpdate(relationship, progress, differentialBytes)).map(([column, value]) => {
    // Column names come from the line above, never from input; the check keeps it that way.
    if (!/^[A-Za-z]+$/.test(column)) throw new Error(`unexpected column name ${column}`);
    const isJson = value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array);
    return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${isJson ? jsonParameter(value, dialect) : value}`;
  });
  return Prisma.sql`UPDATE "CopyRelationship" SET ${Prisma.join(assignments)} WHERE "id" = ${relationship.id}`;
}

export function copyRowCreate(
  relationship: Relationship,
  progress: { copiedBytes: number; totalBytes: number },
  differentialBytes: number,
): Prisma.CopyRelationshipUncheckedCreateInput {
  return {
    ...(copyRowUpdate(relationship, progress, differentialBytes) as Prisma.CopyRelationshipUncheckedCreateInput),
    id: relationship.id,
    number: relationship.number,
    type: relationship.type,
    arrayId: relationship.arrayId,
    sourceVolumeId: relationship.sourceVolumeId,
    targetVolumeId: relationship.targetVolumeId,
    grainBytes: relationship.grainBytes,
    consistencyGroupId: relationship.consistencyGroupId,
    createdAt: new Date(relationship.createdAtMs),
  };
}

function bitmapOf(data: Uint8Array | null, grainCount: number, what: string, id: string): GrainBitmap {
  if (data === null) return new GrainBitmap(grainCount);
  const bitmap = GrainBitmap.deserialize(data);
  if (bitmap.grainCount !== grainCount) throw new Error(`copy ${id}: ${what} bitmap has ${bitmap.grainCount} grains, expected ${grainCount}`);
  return bitmap;
}

/** A relationship as the engine resumes it after a restart. */
export function relationshipOfRow(row: CopyRelationship, model: ArrayModel, sourceCapacityBytes: number): Relationship {
  const runtime = (row.runtime ?? {}) as Partial<RuntimeFields>;
  const capacity = runtime.sourceCapacityBytes ?? sourceCapacityBytes;
  const grainCount = Math.ceil(capacity / row.grainBytes);
  return {
    id: row.id,
    name: row.name,
    number: row.number,
    type: row.type as RelationshipType,
    model,
    arrayId: row.arrayId,
    sourceVolumeId: row.sourceVolumeId,
    targetVolumeId: row.targetVolumeId,
    state: row.state,
    options: row.options as unknown as CopyOptions,
    grainBytes: row.grainBytes,
    grainCount,
    sourceCapacityBytes: capacity,
    toCopy: bitmapOf(row.pendingBitmap, grainCount, 'pending', row.id),
    sourceDiff: bitmapOf(row.sourceDiffBitmap, grainCount, 'source difference', row.id),
    targetDiff: bitmapOf(row.targetDiffBitmap, grainCount, 'target difference', row.id),
    cycleGrains: row.cycleGrains,
    pointInTimeMs: row.pointInTimeAt?.getTime() ?? null,
    // Saved before the field existed: the point in time, if one is in force, is the last start.
    lastStartedMs: runtime.lastStartedMs !== undefined ? runtime.lastStartedMs : (row.pointInTimeAt?.getTime() ?? null),
    consistencyGroupId: row.consistencyGroupId,
    createdAtMs: row.createdAt.getTime(),
    updatedAtMs: row.updatedAt.getTime(),
    stateChangedAtMs: row.stateChangedAt.getTime(),
    rateBytesPerSec: 0,
    budgetBytes: 0,
    lastUpdateCopyMs: runtime.lastUpdateCopyMs ?? row.stateChangedAt.getTime(),
    copiedOnce: runtime.copiedOnce ?? false,
    startWhenPrepared: runtime.startWhenPrepared ?? false,
    targetOwnerBeforeCopy: runtime.targetOwnerBeforeCopy ?? null,
    queuedOrder: runtime.queuedOrder ?? 0,
    // Saved before the field existed: a point in time in force means the image is.
    joinedChain: runtime.joinedChain ?? row.pointInTimeAt !== null,
    cleanGrains: 0,
    timerId: null,
    frozenUntilMs: runtime.frozenUntilMs ?? null,
    freezeTimerId: null,
  };
}
