import { describe, expect, it } from 'vitest';
import { parseServersView, serializeServersView } from './server-url-state';

describe('Copy Services Servers view state in the URL', () => {
  it('round-trips the role filter and both tables’ sorts', () => {
    const query = 'role=backup&sort=heartbeat&dir=desc&tsort=took&tdir=desc';
    const state = parseServersView(new URLSearchParams(query));
    expect(state).toEqual({ role: 'backup', sort: 'heartbeat', descending: true, takeoverSort: 'took', takeoverDescending: true });
    expect(serializeServersView(state)).toBe(query);
  });

  it('ignores unknown roles and columns, and a direction without a column', () => {
    expect(parseServersView(new URLSearchParams('role=leader&sort=password&dir=desc&tdir=desc'))).toEqual({
      role: '',
      sort: null,
      descending: false,
      takeoverSort: null,
      takeoverDescending: false,
    });
    expect(serializeServersView({ role: '', sort: null, descending: true, takeoverSort: null, takeoverDescending: true })).toBe('');
  });
});
