import { describe, expect, it } from 'vitest';
import type { Server } from 'socket.io';
import { createFixture } from '../../engine/testing/fixture';
import type { Db } from '../db/client';
import { createLogger } from '../log';
import type { Scheduler } from './coalescer';
import { LivePush, notesFor } from './live-push';

interface Emitted {
  rooms: string[];
  except: string[];
  event: string;
  payload: unknown;
}

/** Records what would be sent to which rooms. */
function fakeIo(sent: Emitted[]): Server {
  const target = (rooms: string[], except: string[]) => ({
    to: (more: string | string[]) => target([...rooms, ...([] as string[]).concat(more)], except),
    except: (more: string | string[]) => target(rooms, [...except, ...([] as string[]).concat(more)]),
    emit: (event: string, payload: unknown) => sent.push({ rooms, except, event, payload }),
  });
  return { to: (rooms: string | string[]) => target(([] as string[]).concat(rooms), []) } as unknown as Server;
}

/** No rows: these tests are about copies, whose shape comes from the engine alone. */
const emptyDb = { volume: { findMany: async () => [] }, storageArray: { findMany: async () => [] } } as unknown as Db;

function manualScheduler() {
  let pending: (() => void) | null = null;
  const scheduler: Scheduler = {
    now: () => 0,
    setTimer: (callback) => {
      pending = callback;
      return 1;
    },
    clearTimer: () => {
      pending = null;
    },
  };
  return {
    scheduler,
    fire: async () => {
      const run = pending;
      pending = null;
      run?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function setup() {
  const fixture = createFixture();
  const sent: Emitted[] = [];
  const { scheduler, fire } = manualScheduler();
  const push = new LivePush({ io: fakeIo(sent), engine: fixture.engine, db: emptyDb, log: createLogger(), scheduler });
  push.start();
  return { fixture, sent, fire, push };
}

describe('LivePush', () => {
  it('pushes one copies.updated per array to fleet and the array room, with the latest state', async () => {
    const { fixture, sent, fire } = setup();
    const source = fixture.volume('storwize', 0);
    const target = fixture.volume('storwize', 1);
    const copy = fixture.engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, start: false });
    fixture.engine.act(copy.id, 'prepare');
    await fire();
    const updates = sent.filter((s) => s.event === 'copies.updated' && s.rooms.includes('fleet'));
    expect(updates).toHaveLength(1);
    expect(updates[0]?.rooms).toEqual(['fleet', `array:${copy.arrayId}`]);
    expect(updates[0]?.payload).toMatchObject([{ id: copy.id, state: 'preparing' }]);
    const own = sent.find((s) => s.rooms.includes(`copy:${copy.id}`));
    expect(own?.except).toEqual(['fleet', `array:${copy.arrayId}`]);
  });

  it('pushes copies.removed with the ids of removed copies, and no update for them', async () => {
    const { fixture, sent, fire } = setup();
    const copy = fixture.engine.createCopy({ type: 'flashcopy', sourceVolumeId: fixture.volume('storwize', 0).id, targetVolumeId: fixture.volume('storwize', 1).id, start: false });
    fixture.engine.removeCopy(copy.id);
    await fire();
    expect(sent.filter((s) => s.event === 'copies.updated')).toHaveLength(0);
    expect(sent.find((s) => s.event === 'copies.removed')?.payload).toEqual([copy.id]);
  });

  it('stops listening when stopped', async () => {
    const { fixture, sent, fire, push } = setup();
    push.stop();
    fixture.engine.createCopy({ type: 'flashcopy', sourceVolumeId: fixture.volume('storwize', 0).id, targetVolumeId: fixture.volume('storwize', 1).id, start: false });
    await fire();
    expect(sent).toHaveLength(0);
  });

  it('maps ownership moves to the volume and its array', () => {
    expect(notesFor({ kind: 'volume.owner-changed', volumeId: 'v', arrayId: 'a', from: 'A', to: 'B', reason: 'test' }).map((n) => `${n.kind}:${n.id}`)).toEqual(['volume:v', 'array:a']);
    expect(notesFor({ kind: 'simulation.changed' })).toEqual([]);
  });
});
