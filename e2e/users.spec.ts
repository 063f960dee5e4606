// The Users page: an admin adds, re-roles, resets, signs out and deletes users, and sees every API
// token; the last admin cannot remove itself; other roles are told the page is for admins.
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { apiSignInStatus, createUser, NO_COOKIES, removeUser, signInAs, uniqueUsername } from './support/users';

interface UserJson {
  id: string;
  username: string;
  role: string;
}

async function listUsers(request: APIRequestContext): Promise<UserJson[]> {
  const response = await request.get('/api/users');
  expect(response.status()).toBe(200);
  return (await response.json()) as UserJson[];
}

async function findUser(request: APIRequestContext, username: string): Promise<UserJson | undefined> {
  return (await listUsers(request)).find((user) => user.username === username);
}

function userRow(page: Page, username: string) {
  return page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: username });
}

async function openAction(page: Page, username: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${username}`, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('admin adds an operator and a monitor; a bad password shows the rule, differing passwords say so, and neither creates anything', async ({
  page,
  request,
}) => {
  const stamp = uniqueUsername('add');
  const operator = `${stamp}-op`;
  const monitor = `${stamp}-mon`;
  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await expect(dialog.getByText('At least 10 characters.')).toBeVisible();
  await dialog.getByLabel('Username').fill(operator);
  await dialog.getByLabel('Password', { exact: true }).fill('short');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText('Password must be at least 10 characters')).toBeVisible();
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  expect(await findUser(request, operator)).toBeUndefined();

  // Typed twice, as setup asks: a slip in a password nobody sees would lock the new user out.
  await dialog.getByLabel('Password', { exact: true }).fill('operator-password-1');
  await dialog.getByLabel('Confirm password').fill('operator-password-2');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText('The two passwords differ: type the same password in both.')).toBeVisible();
  await expect(dialog.getByLabel('Confirm password')).toBeFocused();
  await expect(dialog.getByLabel('Confirm password')).toHaveAttribute('aria-invalid', 'true');
  expect(await findUser(request, operator)).toBeUndefined();
  await dialog.getByLabel('Confirm password').fill('operator-password-1');
  await expect(dialog.getByText('The two passwords differ: type the same password in both.')).toBeHidden();
  await dialog.getByLabel('Role').click();
  await page.getByRole('option', { name: 'operator' }).click();
  await expect(dialog.getByText('Volumes, copies, consistency groups, simulation and faults')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText(`User ${operator} added`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(userRow(page, operator)).toContainText('operator');

  // The role defaults to the least powerful one.
  await page.getByRole('button', { name: 'Add user' }).click();
  await dialog.getByLabel('Username').fill(monitor);
  await dialog.getByLabel('Password', { exact: true }).fill('monitor-password-1');
  await dialog.getByLabel('Confirm password').fill('monitor-password-1');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`User ${monitor} added`)).toBeVisible();
  await expect(userRow(page, monitor)).toContainText('monitor');

  // A taken username is refused by the server, under the field.
  await page.getByRole('button', { name: 'Add user' }).click();
  await dialog.getByLabel('Username').fill(monitor);
  await dialog.getByLabel('Password', { exact: true }).fill('monitor-password-1');
  await dialog.getByLabel('Confirm password').fill('monitor-password-1');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText(`A user named ${monitor} already exists`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Search and sort live in the URL.
  await page.getByRole('searchbox', { name: 'Search users' }).fill(stamp);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${stamp}`));
  await expect(page.getByTestId('user-count')).toContainText('2 of');
  await page.getByRole('button', { name: 'Role', exact: true }).click();
  await expect(page).toHaveURL(/sort=role/);
  const rows = page.getByRole('table', { name: 'Users' }).getByRole('row');
  await expect(rows.nth(1)).toContainText(operator);
  await expect(rows.nth(2)).toContainText(monitor);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search users' })).toHaveValue(stamp);
  await expect(rows.nth(1)).toContainText(operator);

  const created = await listUsers(request);
  expect(created.find((user) => user.username === operator)?.role).toBe('operator');
  expect(created.find((user) => user.username === monitor)?.role).toBe('monitor');
  for (const user of created.filter((candidate) => candidate.username === operator || candidate.username === monitor)) await removeUser(request, user);
});

test('admin demotes a user after confirming, then deletes them; cancel keeps them', async ({ page, request }) => {
  const user = await createUser(request, 'operator', 'role');
  await page.goto(`/users?q=${user.username}`);
  await expect(userRow(page, user.username)).toContainText('operator');

  // By keyboard: Enter opens the row's menu on its first item, arrows move, Enter picks.
  await page.getByRole('button', { name: `Actions for ${user.username}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Change role…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Reset password…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const roleDialog = page.getByRole('dialog', { name: `Change role of ${user.username}` });
  await expect(roleDialog.getByRole('radio', { name: 'operator' })).toBeChecked();
  await expect(roleDialog.getByRole('radio', { name: 'operator' })).toBeFocused();
  await expect(roleDialog.getByRole('button', { name: 'Change role' })).toBeDisabled();
  await page.keyboard.press('ArrowDown');
  await expect(roleDialog.getByRole('radio', { name: 'monitor' })).toBeChecked();
  await expect(roleDialog).toContainText(`${user.username} loses their operator rights`);
  await roleDialog.getByRole('button', { name: 'Demote to monitor' }).click();
  await expect(page.getByText(`${user.username} is now a monitor`)).toBeVisible();
  await expect(roleDialog).toBeHidden();
  await expect(userRow(page, user.username)).toContainText('monitor');
  expect((await findUser(request, user.username))?.role).toBe('monitor');
  // Focus goes back to the row's menu button.
  await expect(page.getByRole('button', { name: `Actions for ${user.username}` })).toBeFocused();

  await openAction(page, user.username, 'Delete user…');
  const deleteDialog = page.getByRole('alertdialog', { name: `Delete user ${user.username}?` });
  await expect(deleteDialog).toContainText(`${user.username} (monitor) is deleted`);
  await expect(deleteDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(deleteDialog).toBeHidden();
  await expect(userRow(page, user.username)).toBeVisible();
  expect(await findUser(request, user.username)).toBeDefined();

  await openAction(page, user.username, 'Delete user…');
  await deleteDialog.getByRole('button', { name: 'Delete user' }).click();
  await expect(page.getByText(`User ${user.username} deleted`)).toBeVisible();
  await expect(deleteDialog).toBeHidden();
  await expect(page.getByText('No users match this search')).toBeVisible();
  expect(await findUser(request, user.username)).toBeUndefined();
});

test('the last admin can neither delete nor demote itself: the 409 is shown', async ({ page, request }) => {
  // These specs never leave a second admin behind; with one, deleting yourself would succeed.
  const admins = (await listUsers(request)).filter((user) => user.role === 'admin');
  expect(admins.map((user) => user.username)).toEqual(['admin']);

  await page.goto('/users?q=admin');
  const row = userRow(page, 'admin').filter({ hasText: 'you' });
  await expect(row).toHaveCount(1);

  await openAction(page, 'admin', 'Delete user…');
  const dialog = page.getByRole('alertdialog', { name: 'Delete user admin?' });
  await expect(dialog).toContainText('This is you');
  await dialog.getByRole('button', { name: 'Delete user' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Cannot delete the last admin: make another user an admin first');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await openAction(page, 'admin', 'Change role…');
  const roleDialog = page.getByRole('dialog', { name: 'Change role of admin' });
  await roleDialog.getByRole('radio', { name: 'operator' }).check();
  await expect(roleDialog).toContainText('This is you');
  await roleDialog.getByRole('button', { name: 'Demote to operator' }).click();
  await expect(roleDialog.getByRole('alert')).toHaveText('Cannot demote the last admin: make another user an admin first');
  await page.keyboard.press('Escape');

  expect((await findUser(request, 'admin'))?.role).toBe('admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});

test('a new operator signs in elsewhere, sees Account, and is told Users is for admins', async ({ browser, baseURL, request }) => {
  const operator = await createUser(request, 'operator', 'signin');
  const { context, page } = await signInAs(browser, baseURL, operator);
  try {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    const identity = page.getByRole('region', { name: 'Signed in as' });
    await expect(identity).toContainText(operator.username);
    await expect(identity).toContainText('operator');
    await expect(identity).toContainText('Volumes, copies, consistency groups, simulation and faults');

    await page.goto('/users');
    await expect(page.getByText('Only administrators can manage users')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
    expect((await page.request.get('/api/users')).status()).toBe(403);
  } finally {
    await context.close();
    await removeUser(request, operator);
  }
});

test('admin signs a user out everywhere and resets their password', async ({ browser, baseURL, page, request }) => {
  const user = await createUser(request, 'monitor', 'reset');
  const other = await signInAs(browser, baseURL, user);
  try {
    await page.goto(`/users?q=${user.username}`);
    await expect(userRow(page, user.username).getByRole('cell').nth(4)).toHaveText('1'); // sessions

    await openAction(page, user.username, 'Sign out everywhere…');
    const signOut = page.getByRole('alertdialog', { name: `Sign ${user.username} out everywhere?` });
    await signOut.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page.getByText(`${user.username} signed out everywhere`)).toBeVisible();
    await expect(userRow(page, user.username).getByRole('cell').nth(4)).toHaveText('0');
    // The other page's live socket is cut too and may be sending it to sign-in at this very moment,
    // aborting our navigation: retry until the answer is the sign-in page.
    await expect(async () => {
      await other.page.goto('/account');
      await expect(other.page).toHaveURL(/\/signin\?next=%2Faccount$/, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });

    await openAction(page, user.username, 'Reset password…');
    const reset = page.getByRole('dialog', { name: `Reset password of ${user.username}` });
    await reset.getByLabel('New password', { exact: true }).fill('too-short');
    await reset.getByLabel('Confirm new password').fill('too-short');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await expect(reset.getByText('New password must be at least 10 characters')).toBeVisible();
    await reset.getByLabel('New password', { exact: true }).fill('a-brand-new-password');
    await reset.getByLabel('Confirm new password').fill('a-brand-new-password');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await expect(page.getByText(`Password of ${user.username} reset`)).toBeVisible();
    expect(await apiSignInStatus(baseURL, user.username, 'a-brand-new-password')).toBe(200);
  } finally {
    await other.context.close();
    await removeUser(request, user);
  }
});

test('all API tokens: the admin sees another user’s token and revokes it', async ({ page, request, playwright, baseURL }) => {
  const user = await createUser(request, 'operator', 'tok');
  const api = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
  try {
    const signIn = await api.post('/api/session', { data: { username: user.username, password: user.password } });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const created = await api.post('/api/tokens', { data: { name: 'ci-job' }, headers: { 'x-csrf-token': csrfToken } });
    expect(created.status()).toBe(201);
    const { secret, prefix } = (await created.json()) as { secret: string; prefix: string };

    await page.goto('/users');
    const tokens = page.getByRole('table', { name: 'All API tokens' });
    const row = tokens.getByRole('row').filter({ hasText: user.username });
    await expect(row).toContainText('ci-job');
    await expect(row).toContainText(prefix);
    await expect(row).toContainText('operator');
    await expect(row).toContainText('never');

    await page.getByRole('button', { name: `Revoke token ci-job of ${user.username}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke token ci-job?' });
    await expect(dialog).toContainText(`owned by ${user.username}`);
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect(page.getByText('Token ci-job revoked')).toBeVisible();
    await expect(row).toHaveCount(0);
    const bearer = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    expect((await bearer.get('/api/session')).status()).toBe(401);
    await bearer.dispose();
  } finally {
    await api.dispose();
    await removeUser(request, user);
  }
});
