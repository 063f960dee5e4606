// The faults in force, and the questions the engine asks of them: which fault holds this volume,
// this mapping, this controller.
import assert from 'node:assert';
import type { ControllerSlot } from '../model';
import type { Fault } from './fault';

/** A limit on faults in force: each one is a person's deliberate act, so thousands mean a runaway script. */
export const FAULTS_MAX = 1_000;

export class FaultBook {
  private readonly faults = new Map<string, Fault>();

  all(): Fault[] {
    return [...this.faults.values()].sort((a, b) => a.sinceMs - b.sinceMs || a.id.localeCompare(b.id));
  }

  get(id: string): Fault | undefined {
    return this.faults.get(id);
  }

  size(): number {
    return this.faults.size;
  }

  add(fault: Fault): void {
    assert(!this.faults.has(fault.id), `fault ${fault.id} added twice`);
    this.faults.set(fault.id, { ...fault });
  }

  remove(id: string): void {
    assert(this.faults.delete(id), `fault ${id} is not in force`);
  }

  ioErrorOn(volumeId: string): Fault | undefined {
    return this.find((fault) => fault.kind === 'volume-io-error' && fault.volumeId === volumeId);
  }

  metadataLossOf(copyId: string): Fault | undefined {
    return this.find((fault) => fault.kind === 'metadata-loss' && fault.copyId === copyId);
  }

  controllerFailure(arrayId: string, slot: ControllerSlot): Fault | undefined {
    return this.find((fault) => fault.kind === 'controller-failure' && fault.arrayId === arrayId && fault.slot === slot);
  }

  private find(test: (fault: Fault) => boolean): Fault | undefined {
    for (const fault of this.faults.values()) if (test(fault)) return fault;
    return undefined;
  }
}
