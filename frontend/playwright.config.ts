import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against a stack that is already up (gateway serving the built SPA).
 * The system Chromium is used; browsers are never downloaded.
 */
const baseURL = process.env.OBZVON_E2E_BASE_URL ?? 'http://127.0.0.1:8765';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--disable-sync', '--no-sandbox'],
    },
    headless: true,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
