import { expect, test } from '@playwright/test';
import { chooseState, login, waitForLiveConnection } from './support';

test("an operator's pause shows on the admin's monitoring within 1 s (F-50, F-64)", async ({ browser }) => {
  const operatorContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const operator = await operatorContext.newPage();
    await login(operator, 'operator');
    await waitForLiveConnection(operator);
    const me = (await (await operator.request.get('/api/auth/me')).json()) as { id: string | number };

    // Start from «Активно» whatever the previous run left.
    const current = operator.getByTestId('status-current');
    await expect(current).toBeVisible();
    if ((await current.textContent()) !== 'Активно' || (await operator.getByTestId('status-system').count()) > 0) {
      await chooseState(operator, 'Активно');
    }
    await expect(current).toHaveText('Активно');

    const admin = await adminContext.newPage();
    await login(admin, 'admin');
    await admin.getByTestId('menu-monitoring').click();
    await expect(admin.getByTestId('page-title')).toHaveText('Мониторинг');
    await waitForLiveConnection(admin);
    const state = admin.locator(`tr[data-row-key="${String(me.id)}"]`).getByTestId('operator-state');
    await expect(state).toHaveText('Активно', { timeout: 10_000 });

    await chooseState(operator, 'Пауза');
    await expect(state).toHaveText('Пауза', { timeout: 1000 });
    await expect(operator.getByTestId('status-current')).toHaveText('Пауза');

    await chooseState(operator, 'Активно');
    await expect(state).toHaveText('Активно', { timeout: 1000 });
  } finally {
    await operatorContext.close();
    await adminContext.close();
  }
});
