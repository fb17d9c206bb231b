import { expect, test } from '@playwright/test';
import { login, type Role } from './support';

/** Top-level entries, the children of each group, and entries the role must not see (F-02, F-03). */
const MENUS: Record<Role, { top: string[]; groups: Record<string, string[]>; absent: string[] }> = {
  admin: {
    top: ['dashboard', 'projects', 'reports', 'settings', 'monitoring', 'blacklist', 'files', 'support'],
    groups: { reports: ['contacts', 'calls', 'operatorStats'], settings: ['users', 'groups', 'statuses', 'trunks'] },
    absent: ['workplace'],
  },
  supervisor: {
    top: ['dashboard', 'projects', 'reports', 'settings', 'monitoring', 'blacklist', 'files', 'support'],
    groups: { reports: ['contacts', 'calls', 'operatorStats'], settings: ['users', 'groups', 'statuses'] },
    absent: ['workplace', 'trunks'],
  },
  operator: {
    top: ['workplace', 'dashboard', 'reports', 'blacklist', 'files', 'support'],
    groups: { reports: ['contacts', 'calls'] },
    absent: ['projects', 'settings', 'users', 'trunks', 'operatorStats', 'monitoring'],
  },
};

for (const role of Object.keys(MENUS) as Role[]) {
  test(`${role} logs in, lands on the dashboard and sees the own menu (F-01, F-03)`, async ({ page }) => {
    const menu = MENUS[role];
    await login(page, role);
    await expect(page.getByTestId('page-title')).toHaveText('Дашборд');

    const mainMenu = page.getByTestId('main-menu');
    const entry = (key: string) => mainMenu.getByTestId(`menu-${key}`);
    const topLevel = mainMenu.locator(':scope > li.ant-menu-item, :scope > li.ant-menu-submenu');
    await expect(topLevel).toHaveCount(menu.top.length);
    for (const key of menu.top) await expect(entry(key)).toBeVisible();
    for (const [group, children] of Object.entries(menu.groups)) {
      await entry(group).click();
      for (const key of children) await expect(entry(key)).toBeVisible();
    }
    for (const key of menu.absent) await expect(page.getByTestId(`menu-${key}`)).toHaveCount(0);

    // Only operators have the status selector in the header (O §4).
    await expect(page.getByTestId('status-selector')).toHaveCount(role === 'operator' ? 1 : 0);

    // The session survives a reload (F-01).
    await page.reload();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(entry(menu.top[0] ?? 'dashboard')).toBeVisible();
  });
}

test('an operator cannot open monitoring by its address (F-02)', async ({ page }) => {
  await login(page, 'operator');
  await page.goto('/monitoring');
  await expect(page.getByTestId('forbidden')).toBeVisible();
});

test('logout returns to the login page and the session is gone (F-01)', async ({ page }) => {
  await login(page, 'supervisor');
  const logout = page.getByRole('menuitem', { name: 'Выход' });
  // The profile dropdown opens with an animation: a click that lands before it settles is repeated.
  await expect(async () => {
    if (!(await logout.isVisible())) await page.getByTestId('profile-menu').click();
    await logout.click({ timeout: 2000 });
    await expect(page).toHaveURL(/\/login$/, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('login-submit')).toBeVisible();
});
