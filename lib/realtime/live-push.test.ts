import { describe, expect, it } from 'vitest';
import type { Server } from 'socket.io';
import { createFixture } from '../../engine/testing/fixture';
import type { Db } from '../db/client';
import { createLogger } from '../log';
import type { Scheduler } from './coalescer';
import { LivePush, notesFor, WATCHING_ROOM, type WatchingSocket } from './live-push';
import { decodeProgress } from './progress-wire';

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

/** Timers run only when fired; each fire moves the clock past any interval. */
function manualScheduler() {
  let pending: (() => void) | null = null;
  let nowMs = 0;
  const scheduler: Scheduler = {
    now: () => nowMs,
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
      nowMs += 1_000;
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

  it('sends a copy to its copy:<id> room only when someone joined it', async () => {
    const sent: Emitted[] = [];
    const joined = new Map<string, Set<string>>();
    const io = Object.assign(fakeIo(sent), { sockets: { adapter: { rooms: joined }, sockets: new Map() } }) as unknown as Server;
    const fixture = createFixture();
    const { fire, scheduler } = manualScheduler();
    new LivePush({ io, engine: fixture.engine, db: emptyDb, log: createLogger(), scheduler }).start();
    const mapping = (target: number) =>
      fixture.engine.createCopy({
        type: 'flashcopy',
        sourceVolumeId: fixture.volume('storwize', target - 1).id,
        targetVolumeId: fixture.volume('storwize', target).id,
        start: false,
      });
    const first = mapping(1);
    const second = mapping(3);
    joined.set(`copy:${second.id}`, new Set(['socket-1']));
    fixture.engine.act(first.id, 'prepare');
    fixture.engine.act(second.id, 'prepare');
    await fire();
    expect(sent.some((s) => s.event === 'copies.updated' && s.rooms.includes('fleet'))).toBe(true);
    expect(sent.filter((s) => s.rooms.some((room) => room.startsWith('copy:'))).map((s) => s.rooms)).toEqual([[`copy:${second.id}`]]);
  });

  it('pushes copies.removed with the ids of removed copies, and no update for them', async () => {
    const { fixture, sent, fire } = setup();
    const copy = fixture.engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: false,
    });
    fixture.engine.removeCopy(copy.id);
    await fire();
    expect(sent.filter((s) => s.event === 'copies.updated')).toHaveLength(0);
    expect(sent.find((s) => s.event === 'copies.removed')?.payload).toEqual([copy.id]);
  });

  it('stops listening when stopped', async () => {
    const { fixture, sent, fire, push } = setup();
    push.stop();
    fixture.engine.createCopy({
      type: 'flashcopy',
      sourceVolumeId: fixture.volume('storwize', 0).id,
      targetVolumeId: fixture.volume('storwize', 1).id,
      start: false,
    });
    await fire();
    expect(sent).toHaveLength(0);
  });

  it('pushes a created volume as volumes.updated and its array, a deleted one as volumes.removed', async () => {
    const fixture = createFixture();
    const sent: Emitted[] = [];
    const { scheduler, fire } = manualScheduler();
    const created = { ...fixture.volume('xp7', 0), id: 'new-volume', name: 'fresh', roles: [] };
    const row = { ...created, capacityBytes: created.capacityBytes, roles: [], createdAt: new Date(0), updatedAt: new Date(0) };
    let rows = [row];
    const db = { volume: { findMany: async () => rows }, storageArray: { findMany: async () => [] } } as unknown as Db;
    new LivePush({ io: fakeIo(sent), engine: fixture.engine, db, log: createLogger(), scheduler }).start();

    fixture.engine.addVolume(created);
    await fire();
    const updated = sent.find((s) => s.event === 'volumes.updated');
    expect(updated?.rooms).toEqual(['fleet', 'array:xp7']);
    expect(updated?.payload).toMatchObject([{ id: 'new-volume', name: 'fresh', capacityBytes: Number(created.capacityBytes) }]);

    sent.length = 0;
    rows = [];
    fixture.engine.removeVolume('new-volume');
    await fire();
    expect(sent.find((s) => s.event === 'volumes.removed')).toMatchObject({ rooms: ['fleet', 'array:xp7'], payload: ['new-volume'] });
    expect(sent.filter((s) => s.event === 'volumes.updated')).toHaveLength(0);
  });

  it('drops a noted volume that neither the inventory nor the engine knows any more', async () => {
    const { fixture, sent, fire } = setup();
    const volume = fixture.volume('ds6000', 0);
    fixture.engine.startWorkload(volume.id, { pattern: 'sequential', iops: 10, blockBytes: 4096, writePercent: 100 });
    fixture.engine.stopWorkload(volume.id);
    fixture.engine.removeVolume(volume.id);
    await fire();
    expect(sent.find((s) => s.event === 'volumes.removed')?.payload).toEqual([volume.id]);
  });

  it('pushes a running workload with its counters, and the stop', async () => {
    const { fixture, sent, fire } = setup();
    const volume = fixture.volume('ds6000', 1);
    fixture.engine.startWorkload(volume.id, { pattern: 'random', iops: 100, blockBytes: 4096, writePercent: 100 });
    fixture.engine.advance(2_000);
    await fire();
    const pushed = sent.filter((s) => s.event === 'workloads.updated');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]?.rooms).toEqual(['fleet', 'array:ds6000']);
    expect(pushed[0]?.payload).toMatchObject([{ volumeId: volume.id, iops: 100, stats: { writes: 200 } }]);
    expect((pushed[0]?.payload as { stats: { iopsMeasured: number } }[])[0]?.stats.iopsMeasured).toBeGreaterThan(0);
    expect(pushed[0]?.payload).not.toMatchObject([{ arrayId: expect.anything() }]);

    sent.length = 0;
    fixture.engine.stopWorkload(volume.id);
    await fire();
    expect(sent.find((s) => s.event === 'workloads.stopped')?.payload).toEqual([volume.id]);
    expect(sent.filter((s) => s.event === 'workloads.updated')).toHaveLength(0);
  });

  it('maps ownership moves to the volume and its array', () => {
    expect(notesFor({ kind: 'volume.owner-changed', volumeId: 'v', arrayId: 'a', from: 'A', to: 'B', reason: 'test' }).map((n) => `${n.kind}:${n.id}`)).toEqual(
      ['volume:v', 'array:a'],
    );
    expect(notesFor({ kind: 'simulation.changed' })).toEqual([]);
    expect(notesFor({ kind: 'volume.removed', volumeId: 'v', arrayId: 'a' })).toEqual([
      { kind: 'volume', id: 'v', arrayId: 'a', removed: true },
      { kind: 'array', id: 'a', arrayId: 'a' },
    ]);
  });

  it('pushes the array when a controller fails or returns, or a fault comes or goes', () => {
    expect(notesFor({ kind: 'controller.changed', arrayId: 'a', arrayName: 'A1', slot: 'A', from: 'online', to: 'offline', cause: 'test' })).toEqual([
      { kind: 'array', id: 'a', arrayId: 'a' },
    ]);
    const fault = {
      id: 'f',
      kind: 'volume-io-error' as const,
      arrayId: 'a',
      volumeId: 'v',
      copyId: null,
      slot: null,
      targetName: 'v',
      sinceMs: 0,
      effect: '',
      resumeState: null,
    };
    expect(notesFor({ kind: 'fault.injected', arrayId: 'a', arrayName: 'A1', fault })).toEqual([{ kind: 'array', id: 'a', arrayId: 'a' }]);
    expect(notesFor({ kind: 'fault.cleared', arrayId: 'a', arrayName: 'A1', fault, cause: 'cleared' })).toEqual([{ kind: 'array', id: 'a', arrayId: 'a' }]);
  });

  it('marks progress alone, which is pushed less often than state changes', () => {
    expect(notesFor({ kind: 'copy.progress', copyId: 'c', arrayId: 'a', cause: 'copier' })).toEqual([
      { kind: 'copy', id: 'c', arrayId: 'a', progressOnly: true },
    ]);
    expect(
      notesFor({ kind: 'copy.state-changed', copyId: 'c', arrayId: 'a', from: 'preparing', to: 'prepared', cause: 'test' })[0]?.progressOnly,
    ).toBeUndefined();
  });

  it('sends a watching socket the progress of the copies it watches alone, compactly, and catches them up at once', async () => {
    const { fixture, sent, fire, push } = setup();
    const copies = [0, 2].map((index) =>
      fixture.engine.createCopy({
        type: 'flashcopy',
        sourceVolumeId: fixture.volume('storwize', index).id,
        targetVolumeId: fixture.volume('storwize', index + 1).id,
        // 128 KiB/s: still copying a second later.
        options: { copyRate: 10 },
        start: true,
      }),
    );
    // Prepared and copying by then.
    fixture.engine.advance(3_000);
    await fire();
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const received: { event: string; payload: unknown }[] = [];
    const rooms: string[] = [];
    const socket: WatchingSocket = {
      id: 's1',
      data: { principal: { role: 'monitor' } },
      on: (event, listener) => handlers.set(event, listener),
      join: (room) => rooms.push(room),
      emit: (event, payload) => received.push({ event, payload }),
    };
    push.attach(socket);
    const acks: unknown[] = [];
    handlers.get('watch')?.({ copyIds: [copies[0]!.id] }, (reply: unknown) => acks.push(reply));
    expect(acks).toEqual([{ watching: 1 }]);
    expect(rooms).toEqual([WATCHING_ROOM]);
    expect(received.map((r) => r.event)).toEqual(['copies.progress']);
    expect((received[0]?.payload as unknown[]).map((tuple) => decodeProgress(tuple)?.id)).toEqual([copies[0]!.id]);

    received.length = 0;
    sent.length = 0;
    // Long enough for a grain or two to be copied (the engine reports progress as grains land).
    fixture.engine.advance(4_000);
    await fire();
    const progress = received.filter((r) => r.event === 'copies.progress').flatMap((r) => r.payload as unknown[]);
    expect(progress.map((tuple) => decodeProgress(tuple)?.id)).toEqual([copies[0]!.id]);
    expect(decodeProgress(progress[0])?.progress.copiedBytes).toBeGreaterThan(0);
    // Whoever never said what it watches still hears every copy in the REST shape; the watching socket does not.
    const whole = sent.filter((s) => s.event === 'copies.updated' && s.rooms.includes('fleet'));
    expect(whole.flatMap((s) => (s.payload as { id: string }[]).map((copy) => copy.id)).sort()).toEqual(copies.map((copy) => copy.id).sort());
    expect(whole.every((s) => s.except.includes(WATCHING_ROOM))).toBe(true);

    handlers.get('watch')?.({ copyIds: ['bad id'] }, (reply: unknown) => acks.push(reply));
    expect(acks.at(-1)).toMatchObject({ error: { code: 'bad_request' } });
  });
});
