import { expect, type Page } from '@playwright/test';

export type Role = 'admin' | 'supervisor' | 'operator';

/** Demo accounts created by the stack's seed; the password comes from the environment. */
export const ACCOUNTS: Record<Role, string> = {
  admin: 'admin@obzvon.local',
  supervisor: 'supervisor@obzvon.local',
  operator: 'operator1@obzvon.local',
};

export function password(): string {
  const value = process.env.OBZVON_E2E_PASSWORD;
  if (!value) throw new Error("Set OBZVON_E2E_PASSWORD to the demo accounts' password");
  return value;
}

/** Logs in through the login form and waits for the dashboard (A §2). */
export async function login(page: Page, role: Role): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(ACCOUNTS[role]);
  await page.getByTestId('login-password').fill(password());
  await page.getByTestId('login-submit').click();
  // Sign-in hashes with argon2id (64 MiB): allow a loaded machine some seconds.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 15_000 });
  await expect(page.getByTestId('main-menu')).toBeVisible();
}

/** Waits until the tab's WebSocket is open. */
export async function waitForLiveConnection(page: Page): Promise<void> {
  await expect(page.locator('[data-live="open"]')).toHaveCount(1, { timeout: 10_000 });
}

/**
 * Picks a state in the operator's status selector (O §4) and waits until the selector shows it. On a
 * loaded machine the page may still shift while the menu opens and a click can land beside the item
 * (no request is made); the gesture is then repeated, as an operator would.
 */
export async function chooseState(page: Page, label: string): Promise<void> {
  await expect(async () => {
    await page.getByTestId('status-selector').click();
    await page.getByRole('menuitem', { name: label, exact: true }).click({ timeout: 2000 });
    await expect(page.getByTestId('status-current')).toHaveText(label, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
}
