// runCommand's contract with the persister, against a stand-in that records what it was asked:
// the command runs as the actor, the answer waits for the save, and a failed save is undone.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import type { Runtime } from '../runtime';
import { runCommand } from './run-command';

class StandInPersister {
  actor = 'system';
  flushes = 0;
  saved = false;
  failNextSave = false;

  as<T>(actor: string, command: () => T): T {
    const previous = this.actor;
    this.actor = actor;
    try {
      return command();
    } finally {
      this.actor = previous;
    }
  }

  async flush(): Promise<void> {
    this.flushes += 1;
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failNextSave) throw new Error('disk I/O error');
    this.saved = true;
  }
}

function standIn(): { runtime: Runtime; persister: StandInPersister; engine: Engine } {
  const persister = new StandInPersister();
  // The commands below never call the engine; they only receive it.
  const engine = {} as Engine;
  const runtime = { engine, persister } as unknown as Runtime;
  return { runtime, persister, engine };
}

describe('runCommand', () => {
  it('runs the command as the actor, with the engine, and answers after the save', async () => {
    const { runtime, persister, engine } = standIn();
    const result = await runCommand(runtime, { name: 'alice' }, (given) => {
      expect(given).toBe(engine);
      return persister.actor;
    });
    expect(result).toBe('alice');
    expect(persister.actor).toBe('system');
    expect(persister.flushes).toBe(1);
    expect(persister.saved).toBe(true);
  });

  it('saves nothing and passes the refusal on when the command throws', async () => {
    const { runtime, persister } = standIn();
    await expect(
      runCommand(runtime, { name: 'alice' }, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(persister.flushes).toBe(0);
  });

  it('undoes what the engine did when the save fails, then fails', async () => {
    const { runtime, persister } = standIn();
    persister.failNextSave = true;
    const undone: string[] = [];
    const command = runCommand(runtime, { name: 'alice' }, () => 'copy-1', { undoUnsaved: (_engine, id) => undone.push(id) });
    await expect(command).rejects.toThrow('disk I/O error');
    expect(undone).toEqual(['copy-1']);
  });

  it('refuses an asynchronous command: its events would escape the attribution', async () => {
    const { runtime, persister } = standIn();
    await expect(runCommand(runtime, { name: 'alice' }, async () => 'late')).rejects.toThrow('synchronous');
    expect(persister.flushes).toBe(0);
  });
});
