// Engine faults ↔ inventory rows: a fault row lives while the fault is in force, and controller
// rows carry the status a failure or restore gave them. The persister calls writeFaultChange in
// the same transaction as the state changes and events the fault caused.
import type { EngineEvent, Fault, FaultKind } from '../../engine';
import type { ControllerSlot } from '../../engine/model';
import type { Db } from '../db/client';
import type { Fault as FaultRow, Prisma } from '../db/generated/client';

export type FaultChange = Extract<EngineEvent, { kind: 'controller.changed' | 'fault.injected' | 'fault.cleared' }>;

export async function writeFaultChange(tx: Prisma.TransactionClient, change: FaultChange): Promise<void> {
  switch (change.kind) {
    case 'controller.changed':
      await tx.controller.updateMany({ where: { arrayId: change.arrayId, slot: change.slot }, data: { status: change.to } });
      return;
    case 'fault.injected':
      await tx.fault.create({ data: faultRow(change.fault) });
      return;
    case 'fault.cleared':
      await tx.fault.deleteMany({ where: { id: change.fault.id } });
      return;
  }
}

function faultRow(fault: Fault): Prisma.FaultUncheckedCreateInput {
  return {
    id: fault.id,
    kind: fault.kind,
    arrayId: fault.arrayId,
    volumeId: fault.volumeId,
    copyId: fault.copyId,
    slot: fault.slot,
    targetName: fault.targetName,
    effect: fault.effect,
    resumeState: fault.resumeState,
    since: new Date(fault.sinceMs),
  };
}

function faultOfRow(row: FaultRow): Fault {
  return {
    id: row.id,
    kind: row.kind as FaultKind,
    arrayId: row.arrayId,
    volumeId: row.volumeId,
    copyId: row.copyId,
    slot: row.slot as ControllerSlot | null,
    targetName: row.targetName,
    effect: row.effect,
    resumeState: row.resumeState,
    sinceMs: row.since.getTime(),
  };
}

/** The faults in force when the server stopped, for the engine to hold again at start. */
export async function loadFaults(db: Db): Promise<Fault[]> {
  const rows = await db.fault.findMany({ orderBy: { since: 'asc' } });
  return rows.map(faultOfRow);
}
