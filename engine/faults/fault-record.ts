// Faults enter and leave the book here, each with its event, so the log always shows both.
import type { EngineState } from '../core/state';
import type { Fault } from './fault';

export function addFault(s: EngineState, fields: Omit<Fault, 'id' | 'sinceMs'>): Fault {
  const fault: Fault = { ...fields, id: s.options.newId(), sinceMs: s.clock.nowMs() };
  s.faultBook.add(fault);
  s.emit({ kind: 'fault.injected', arrayId: fault.arrayId, arrayName: s.requireArray(fault.arrayId).name, fault: { ...fault } });
  return fault;
}

export function forgetFault(s: EngineState, fault: Fault, cause: string): void {
  s.faultBook.remove(fault.id);
  s.emit({ kind: 'fault.cleared', arrayId: fault.arrayId, arrayName: s.requireArray(fault.arrayId).name, fault: { ...fault }, cause });
}
