// Playwright's `test`, with the `request` fixture acting as the signed-in admin the way the page
// does: the session cookie from ADMIN_STATE plus the CSRF token echoed from its readable cookie
// (the server refuses cookie-authenticated writes without it, e2e included).
import fs from 'node:fs';
import { test as base } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER } from '../../lib/client/auth-constants';
import { ADMIN_STATE } from './chromium';

interface StoredState {
  cookies: { name: string; value: string }[];
}

/** The CSRF token of a saved storage state (the value of its readable CSRF cookie). */
export function csrfTokenOf(statePath: string): string {
  const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as StoredState;
  const cookie = state.cookies.find((candidate) => candidate.name === CSRF_COOKIE);
  if (cookie === undefined) throw new Error(`${statePath} holds no ${CSRF_COOKIE} cookie: did global setup sign in?`);
  return decodeURIComponent(cookie.value);
}

export const test = base.extend({
  // Playwright calls the fixture's callback `use`; named otherwise here so React's hook rules do not mistake it for use().
  request: async ({ playwright, baseURL }, provide) => {
    const context = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE, extraHTTPHeaders: { [CSRF_HEADER]: csrfTokenOf(ADMIN_STATE) } });
    await provide(context);
    await context.dispose();
  },
});

export { expect } from '@playwright/test';
