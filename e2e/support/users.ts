// Other users for specs: created by the admin through the API, signed in through the real form in
// a browser context of their own (no admin cookies).
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: 'admin' | 'operator' | 'monitor';
}

export async function createUser(request: APIRequestContext, role: TestUser['role'], prefix: string = role): Promise<TestUser> {
  const username = `${prefix}_${Date.now().toString(36)}`;
  const password = `pw-${role}-${Date.now()}-long`;
  const response = await request.post('/api/users', { data: { username, password, role } });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, username, password, role };
}

/** A fresh context with nobody signed in. */
export async function anonymousContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

/** Signs in through /signin and waits for the console to show who is signed in. */
export async function signInThroughForm(page: Page, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-role')).toBeVisible();
}
