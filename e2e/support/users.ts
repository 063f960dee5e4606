// Users for specs that need someone other than the shared admin: created through the API (as the
// admin), signed in through the real sign-in page in a context of their own. Never sign the admin
// out or change its password: every spec runs as that admin.
import { expect, request as apiRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface TestUser {
  id: string;
  username: string;
  role: 'admin' | 'operator' | 'monitor';
  password: string;
}

/** The test runner gives new contexts the config's storage state (the admin's): this clears it. */
export const NO_COOKIES = { cookies: [], origins: [] };

let counter = 0;

/** A username no other spec (sharing this server) will pick. */
export function uniqueUsername(label: string): string {
  counter += 1;
  return `e2e-${label}-${Date.now()}-${counter}`;
}

export async function createUser(request: APIRequestContext, role: TestUser['role'], label: string = role): Promise<TestUser> {
  const username = uniqueUsername(label);
  const password = `pw-${username}`;
  const response = await request.post('/api/users', { data: { username, password, role } });
  expect(response.status(), await response.text()).toBe(201);
  const user = (await response.json()) as { id: string };
  return { id: user.id, username, role, password };
}

/** Best-effort clean-up; the user may already be gone (the spec deleted it). */
export async function removeUser(request: APIRequestContext, user: Pick<TestUser, 'id'>): Promise<void> {
  await request.delete(`/api/users/${user.id}`);
}

/** A fresh browser context with no cookies, signed in as `user` through the /signin page. */
export async function signInAs(
  browser: Browser,
  baseURL: string | undefined,
  user: Pick<TestUser, 'username' | 'password'>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, storageState: NO_COOKIES });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Signed in as ${user.username}`, exact: false })).toBeVisible();
  return { context, page };
}

/** Signs in through the API in a throw-away context (no browser) and reports the status, to test a password. */
export async function apiSignInStatus(baseURL: string | undefined, username: string, password: string): Promise<number> {
  const context = await apiRequest.newContext({ baseURL, storageState: NO_COOKIES });
  try {
    return (await context.post('/api/session', { data: { username, password } })).status();
  } finally {
    await context.dispose();
  }
}

/** A fresh context with nobody signed in. */
export async function anonymousContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ baseURL, storageState: NO_COOKIES });
}

/** Opens `path` signed out, expects the sign-in page, signs in there, and waits to be back. */
export async function signInThroughForm(page: Page, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-role')).toBeVisible();
}
