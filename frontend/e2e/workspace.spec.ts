import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, request, test, type Locator, type Page } from '@playwright/test';
import { latencyReport } from './cardLatency';
import { ACCOUNTS, chooseState, login, password, waitForLiveConnection } from './support';

/**
 * The operator's workspace on the full stack (pbx-sim, dialer, queue-router, reporting, gateway):
 * calls reach the operator, the card pops (F-51), cannot be saved without a status (F-52), frees the
 * operator when saved; a task with «Совершать звонок автоматически» brings the card back (F-46, F-54);
 * the recording plays from the call history (F-55).
 *
 * Card pop latency is measured over 20+ calls from the answer to the card on screen: the server's
 * `card_opened.connected_at` (the Timestamp of pbx-sim's AMI event for the operator's answer) to the
 * card's first paint in the browser. Both are wall-clock times of this one machine. The p95 is
 * reported (console and test-results/card-latency.json); the goal is 100 ms, the test only fails
 * above one second (VICIdial's agent screen polls once a second).
 */

const CALLS = 20;

// Tracing snapshots the page around every step, in the page's own thread, just as a card pops: that
// would be measured too. Failures still leave the logs and error context.
test.use({ trace: 'off' });
const CLIENT_ZONE = 'Asia/Yekaterinburg';
const baseURL = process.env.OBZVON_E2E_BASE_URL ?? 'http://127.0.0.1:8765';

/** Starts or stops the demo project as the admin (the runner seeds it stopped). */
async function setProjectRunning(running: boolean): Promise<void> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  try {
    const loggedIn = await api.post('/api/auth/login', { data: { email: ACCOUNTS.admin, password: password() } });
    expect(loggedIn.ok()).toBe(true);
    const csrf = (await api.storageState()).cookies.find((c) => c.name === 'obzvon_csrf')?.value ?? '';
    const projects = (await (await api.get('/api/projects')).json()) as { id: string; name: string }[];
    const project = projects.find((p) => p.name === 'Демо-проект');
    expect(project).toBeTruthy();
    const action = running ? 'start' : 'stop';
    const response = await api.post(`/api/projects/${project?.id}/${action}`, { headers: { 'X-CSRF-Token': csrf } });
    expect(response.ok(), await response.text()).toBe(true);
  } finally {
    await api.dispose();
  }
}

function cardBody(page: Page): Locator {
  return page.getByTestId('client-card-body');
}

/**
 * Waits for a card of a call other than `previous` on screen; returns its call id. It waits inside
 * the page on DOM changes instead of polling: a poll (with its accessibility snapshot on every miss)
 * would run in the page's thread just as the card pops, and be measured as card pop latency.
 */
async function nextCard(page: Page, previous: string | null): Promise<string> {
  await page.evaluate(
    ([previousCall, timeout]) =>
      new Promise<void>((resolve, reject) => {
        const shown = () => {
          // Only the card on screen carries the test id; reading styles here would force a layout.
          const body = document.querySelector<HTMLElement>('[data-testid="client-card-body"]');
          return body !== null && body.dataset.callId !== previousCall;
        };
        if (shown()) {
          resolve();
          return;
        }
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no card other than ${previousCall} within ${timeout} ms`));
        }, timeout);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
    [previous ?? '', 30_000] as const,
  );
  const body = cardBody(page);
  await expect(body).toBeVisible();
  return (await body.getAttribute('data-call-id')) ?? '';
}

function secondsOfDay(text: string): number {
  const [h, m, s] = text.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

async function expectClientLocalTime(page: Page): Promise<void> {
  const text = (await cardBody(page).getByTestId('card-local-time').textContent()) ?? '';
  const shown = /(\d\d:\d\d:\d\d)/.exec(text)?.[1] ?? '';
  const expected = new Intl.DateTimeFormat('ru-RU', {
    timeZone: CLIENT_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date());
  const drift = Math.abs(secondsOfDay(shown) - secondsOfDay(expected));
  expect(Math.min(drift, 86_400 - drift), `${shown} vs ${expected}`).toBeLessThan(5);
}

async function chooseStatus(page: Page, name: string): Promise<void> {
  const select = cardBody(page).getByTestId('card-status');
  await expect(async () => {
    await select.click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`)
      .click({ timeout: 2000 });
    await expect(select).toContainText(name, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * The call id of the card on screen, or null when no card is open (only the card on screen carries the
 * test id). Read in one step in the page: the card may close between two locator calls, and a locator
 * read of a card that has gone would wait for the next one.
 */
async function shownCallId(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('[data-testid="client-card-body"]')?.getAttribute('data-call-id') ?? null,
  );
}

/** Waits until the call ended (the operator is «В карточке»), then saves with a status. */
async function saveCard(page: Page): Promise<void> {
  await expect(page.getByTestId('status-system')).toContainText('В карточке', { timeout: 30_000 });
  await expect(cardBody(page)).toBeVisible();
  const saved = await cardBody(page).getAttribute('data-call-id');
  expect(saved).toBeTruthy();
  await chooseStatus(page, 'Отказ клиента');
  await cardBody(page).getByTestId('card-save').click();
  // The card closes; the next call's card may already be on screen.
  await expect.poll(() => shownCallId(page), { timeout: 20_000 }).not.toBe(saved);
}

/** Adds a task due in a few seconds with «Совершать звонок автоматически» (O §6.1.1). */
async function addAutoCallTask(page: Page, inSeconds: number): Promise<void> {
  const due = await page.evaluate((seconds) => {
    const d = new Date(Date.now() + seconds * 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(d.getDate())}-${two(d.getMonth() + 1)}-${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  }, inSeconds);
  const panel = cardBody(page).getByTestId('tasks-panel');
  await panel.getByTestId('task-auto').check();
  await panel.getByTestId('task-text').fill('Перезвонить с уточнением');
  const dueInput = panel.getByPlaceholder('Дата оповещения');
  await dueInput.click();
  await dueInput.fill(due);
  await dueInput.press('Enter');
  await panel.getByTestId('task-submit').click();
  await expect(panel.getByTestId('task-item').first()).toContainText('Перезвонить с уточнением');
}

test('calls reach the operator, the card gates the next call, tasks call back, recordings play', async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, 'operator');
  await waitForLiveConnection(page);
  await chooseState(page, 'Активно');
  await expect(page.getByTestId('status-current')).toHaveText('Активно');
  await setProjectRunning(true);
  try {
    // The first call: the right card, the client's local time, no save without a status.
    let callId = await nextCard(page, null);
    await expect(cardBody(page).getByTestId('card-field-full_name').locator('input')).toHaveValue(/^Клиент \d\d$/);
    await expectClientLocalTime(page);
    await cardBody(page).getByTestId('card-save').click();
    await expect(page.getByText('Выберите статус результата звонка', { exact: false }).first()).toBeVisible();
    await expect(cardBody(page)).toBeVisible();
    // No way out but saving: no close control, and Esc or a click on the mask leave it on screen.
    await expect(page.getByTestId('client-card-wrap').getByRole('button', { name: /закрыть|close/i })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('client-card-wrap').click({ position: { x: 5, y: 5 } });
    await expect(cardBody(page)).toBeVisible();
    await saveCard(page);

    // Saving frees the operator: the next calls keep coming, one card at a time.
    for (let i = 1; i < CALLS; i += 1) {
      callId = await nextCard(page, callId);
      await saveCard(page);
    }

    // A task with «call automatically» brings this contact's card back. The campaign is stopped
    // first, so the operator is free when the task is due and the call is made for them (F-46). The
    // task is due late enough for the call to end and the card to be saved on a loaded machine.
    callId = await nextCard(page, callId);
    const taskContact = (await cardBody(page).getAttribute('data-contact-id')) ?? '';
    await addAutoCallTask(page, 15);
    await setProjectRunning(false);
    await saveCard(page);
    for (let i = 0; i < 6; i += 1) {
      callId = await nextCard(page, callId);
      if ((await cardBody(page).getAttribute('data-contact-id')) === taskContact) break;
      await saveCard(page);
    }
    await expect(cardBody(page)).toHaveAttribute('data-contact-id', taskContact);

    // The earlier call of this contact plays from «Показать звонки», and seeking works (HTTP Range).
    await cardBody(page).getByTestId('calls-show-own').click();
    const audio = cardBody(page).getByTestId('call-recording').first();
    await expect(audio).toBeAttached({ timeout: 10_000 });
    const played = await audio.evaluate(
      (element: HTMLAudioElement) =>
        new Promise<{ duration: number; seekedTo: number }>((resolve, reject) => {
          const state = () => `readyState ${element.readyState}, networkState ${element.networkState}`;
          setTimeout(() => reject(new Error(`the recording did not load and seek in 20 s (${state()})`)), 20_000);
          element.addEventListener('error', () => reject(new Error(`audio error ${element.error?.code}`)));
          element.addEventListener(
            'loadedmetadata',
            () => {
              element.addEventListener(
                'seeked',
                () => resolve({ duration: element.duration, seekedTo: element.currentTime }),
                {
                  once: true,
                },
              );
              element.currentTime = element.duration / 2;
            },
            { once: true },
          );
          element.preload = 'metadata';
          element.load();
        }),
    );
    expect(played.duration).toBeGreaterThan(0);
    expect(played.seekedTo).toBeGreaterThan(0);
    await saveCard(page);
  } finally {
    await setProjectRunning(false);
  }

  const timings = await page.evaluate(() => window.__obzvonCardTimings ?? []);
  const report = latencyReport(timings);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/card-latency.json', JSON.stringify(report, null, 2));
  console.log(`card pop latency: ${JSON.stringify(report)}`);
  expect(report.calls).toBeGreaterThanOrEqual(CALLS);
  expect(report.cards_without_answer_time).toBe(0);
  expect(report.p95_ms).toBeLessThan(1000);
});
