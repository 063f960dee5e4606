import { describe, expect, it } from 'vitest';
import { matchesUserSearch, parseUserView, serializeUserView } from './user-url-state';

describe('users view state in the URL', () => {
  it('round-trips search and sort', () => {
    const state = parseUserView(new URLSearchParams('q=ali&sort=lastSeen&dir=desc'));
    expect(state).toEqual({ q: 'ali', sort: 'lastSeen', descending: true });
    expect(serializeUserView(state)).toBe('q=ali&sort=lastSeen&dir=desc');
  });

  it('ignores an unknown sort column and a direction without a column', () => {
    expect(parseUserView(new URLSearchParams('sort=password&dir=desc'))).toEqual({ q: '', sort: null, descending: false });
    expect(serializeUserView({ q: '', sort: null, descending: true })).toBe('');
  });

  it('matches usernames case-insensitively', () => {
    expect(matchesUserSearch('Alice.Ops', ' alice ')).toBe(true);
    expect(matchesUserSearch('bob', 'alice')).toBe(false);
  });
});
