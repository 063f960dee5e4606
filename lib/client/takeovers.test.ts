import { describe, expect, it } from 'vitest';
import { TAKEOVER_EVENT } from '@/lib/services/cluster';
import type { TakeoverDto } from '@/lib/services/cluster';
import { newTakeovers, TAKEOVER_EVENT_KIND, takeoverKey, takeoverMessage } from './takeovers';

function takeover(epoch: number, node: string, previous: string | null): TakeoverDto {
  return { time: new Date(Date.UTC(2026, 11, 5, 8, 0, epoch)).toISOString(), node, previous, epoch, tookMs: 1_200 };
}

const first = takeover(1, 'css-a', null);
const second = takeover(2, 'css-b', 'css-a');
const third = takeover(3, 'css-a', 'css-b');

describe('takeovers the browser has not seen yet', () => {
  it('uses the event kind the server logs takeovers as', () => {
    expect(TAKEOVER_EVENT_KIND).toBe(TAKEOVER_EVENT);
  });

  it('treats the first answer as the starting point, not as news', () => {
    expect(newTakeovers(undefined, [second, first])).toEqual([]);
  });

  it('lists what came after the last one seen, oldest first', () => {
    expect(newTakeovers(takeoverKey(first), [first])).toEqual([]);
    expect(newTakeovers(takeoverKey(first), [third, second, first])).toEqual([second, third]);
    expect(newTakeovers(null, [second, first])).toEqual([first, second]);
  });

  it('shows only the newest when the last one seen has dropped off the list', () => {
    expect(newTakeovers(takeoverKey(takeover(0, 'css-z', null)), [third, second])).toEqual([third]);
  });

  it('names the new primary, and says when there was none before', () => {
    expect(takeoverMessage(second)).toBe('css-b took over as primary');
    expect(takeoverMessage(first)).toBe('css-a became the primary');
  });
});
