// The Account page, as a user other than the shared admin (signed in through /signin in a context
// of their own): password change, API tokens with a secret shown once, and signing out everywhere.
import { expect, test } from './support/test';
import { apiSignInStatus, createUser, NO_COOKIES, removeUser, signInAs } from './support/users';

test('the admin sees who they are and what the role may do', async ({ page }) => {
  await page.goto('/account');
  const identity = page.getByRole('region', { name: 'Signed in as' });
  await expect(identity).toContainText('admin');
  await expect(identity).toContainText('Everything, including users and everyone’s API tokens');
  await expect(page.getByRole('region', { name: /^API tokens/ })).toBeVisible();
});

test('a user changes their password: wrong current or bad new ones are refused, then the old fails and the new works', async ({
  browser,
  baseURL,
  request,
}) => {
  const user = await createUser(request, 'monitor', 'pw');
  const { context, page } = await signInAs(browser, baseURL, user);
  try {
    await page.goto('/account');
    const form = page.getByRole('form', { name: 'Change password' });
    const current = form.getByLabel('Current password');
    const next = form.getByLabel('New password', { exact: true });
    const confirm = form.getByLabel('Confirm new password');
    const submit = form.getByRole('button', { name: 'Change password' });

    await submit.click();
    await expect(form.getByText('Current password is required')).toBeVisible();
    await expect(current).toBeFocused();

    await current.fill(user.password);
    await next.fill('short');
    await confirm.fill('short');
    await submit.click();
    await expect(form.getByText('New password must be at least 10 characters')).toBeVisible();

    await next.fill('new-password-for-me');
    await confirm.fill('new-password-for-you');
    await submit.click();
    await expect(form.getByText('The new password and its confirmation differ')).toBeVisible();

    // The server checks the current password: its 403 shows under that field.
    await current.fill('not-my-password');
    await confirm.fill('new-password-for-me');
    await submit.click();
    await expect(form.getByText('The current password is wrong')).toBeVisible();
    await expect(current).toHaveAttribute('aria-invalid', 'true');

    await current.fill(user.password);
    await submit.click();
    await expect(page.getByText('Password changed')).toBeVisible();
    await expect(current).toHaveValue('');
    await expect(next).toHaveValue('');

    expect(await apiSignInStatus(baseURL, user.username, user.password)).toBe(401);
    expect(await apiSignInStatus(baseURL, user.username, 'new-password-for-me')).toBe(200);
    // This browser stays signed in.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  } finally {
    await context.close();
    await removeUser(request, user);
  }
});

test('a token is created with a role cap, its secret shown once, works as a Bearer token, and fails once revoked', async ({
  browser,
  baseURL,
  request,
  playwright,
}) => {
  const user = await createUser(request, 'operator', 'token');
  const { context, page } = await signInAs(browser, baseURL, user);
  try {
    await page.goto('/account');
    const panel = page.getByRole('region', { name: /^API tokens/ });
    await expect(panel.getByText('No API tokens yet')).toBeVisible();

    await panel.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API token' });
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await expect(dialog.getByText('Name is required')).toBeVisible();

    await dialog.getByLabel('Name').fill('nightly-report');
    await dialog.getByLabel('Role cap').click();
    // An operator may cap a token at operator or below, never admin.
    await expect(page.getByRole('option')).toHaveText(['operator (your role)', 'monitor']);
    await page.getByRole('option', { name: 'monitor' }).click();
    await dialog.getByLabel('Expires in (days)').fill('abc');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await expect(dialog.getByText('Expiry must be a whole number of days')).toBeVisible();
    await dialog.getByLabel('Expires in (days)').fill('30');
    await dialog.getByRole('button', { name: 'Create token' }).click();

    const created = page.getByRole('dialog', { name: 'API token created' });
    await expect(created.getByText('it will not be shown again')).toBeVisible();
    const secretField = created.getByLabel('Secret', { exact: true });
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^gl_[A-Za-z0-9_-]{43}$/);
    await expect(secretField).toBeFocused();
    await expect(created.getByRole('button', { name: 'Copy secret' })).toBeVisible();
    await expect(created).toContainText(`curl -H "Authorization: Bearer ${secret}" ${new URL(baseURL ?? '').origin}/api/arrays`);
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(created).toBeHidden();

    // Shown once: the list has its prefix only, and the dialog opens empty again.
    const row = panel.getByRole('table', { name: 'Your API tokens' }).getByRole('row').filter({ hasText: 'nightly-report' });
    await expect(row).toContainText(secret.slice(0, 10));
    await expect(row).toContainText('monitor');
    await expect(page.getByText(secret)).toHaveCount(0);
    await panel.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByRole('dialog', { name: 'Create API token' }).getByLabel('Name')).toHaveValue('');
    await page.keyboard.press('Escape');

    const bearer = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    try {
      const session = await bearer.get('/api/session');
      expect(session.status()).toBe(200);
      expect(await session.json()).toMatchObject({ username: user.username, role: 'monitor', via: 'token', tokenName: 'nightly-report' });

      await panel.getByRole('button', { name: 'Revoke token nightly-report' }).click();
      const revoke = page.getByRole('alertdialog', { name: 'Revoke token nightly-report?' });
      await expect(revoke.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await revoke.getByRole('button', { name: 'Revoke token' }).click();
      await expect(page.getByText('Token nightly-report revoked')).toBeVisible();
      await expect(panel.getByText('No API tokens yet')).toBeVisible();
      expect((await bearer.get('/api/session')).status()).toBe(401);
    } finally {
      await bearer.dispose();
    }
  } finally {
    await context.close();
    await removeUser(request, user);
  }
});

test('sign out everywhere ends the session in another browser too', async ({ browser, baseURL, request }) => {
  const user = await createUser(request, 'monitor', 'everywhere');
  const first = await signInAs(browser, baseURL, user);
  const second = await signInAs(browser, baseURL, user);
  try {
    await first.page.goto('/account');
    await first.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    const dialog = first.page.getByRole('alertdialog', { name: 'Sign out everywhere?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(first.page).toHaveURL(/\/signin$/);
    await expect(first.page.getByRole('button', { name: 'Sign in' })).toBeVisible();

    await second.page.goto('/volumes');
    await expect(second.page).toHaveURL(/\/signin\?next=%2Fvolumes$/);
    await expect(second.page.getByLabel('Username')).toBeVisible();
  } finally {
    await first.context.close();
    await second.context.close();
    await removeUser(request, user);
  }
});
