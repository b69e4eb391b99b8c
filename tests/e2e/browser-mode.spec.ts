import { expect, test, type Page } from '@playwright/test';
import { servePerTest } from '../support/serve-per-test';

const host = servePerTest('e2e-data');

test('the app loads with the token, connects, and lists the tracks', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(host.serve.url);

  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  const tracks = page.getByTestId('track-list').getByRole('button');
  await expect(tracks).toHaveCount(8);
  await expect(page.getByTestId('track-list')).toContainText('System design');
  // The token leaves the address bar once read.
  expect(page.url()).not.toContain('token=');
  expect(consoleErrors).toEqual([]);

  // Reload keeps working (the token lives on in this tab's session storage).
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
});

test('without the token the page explains how to get in', async ({ page }) => {
  await page.goto(host.serve.url.split('#')[0]!);
  await expect(page.getByTestId('no-access')).toBeVisible();
  await expect(page.getByRole('heading')).toHaveText('This page needs its access link');
});

test('with a wrong token the page says it is not authorised', async ({ page }) => {
  await page.goto(host.serve.url.replace(/token=[^&]+/, 'token=wrong'));
  await expect(page.getByTestId('connection-state')).toHaveText('Not authorised');
});

/** Opens an address in the same tab as a user pasting it would: only the fragment differs, so no reload. */
type PageWindow = { notReloaded?: boolean; location: { href: string } };
async function openInSameTab(page: Page, url: string): Promise<void> {
  await page.evaluate(() => void ((globalThis as unknown as PageWindow).notReloaded = true));
  await page.evaluate((address) => void ((globalThis as unknown as PageWindow).location.href = address), url);
}
const stillTheSamePage = (page: Page): Promise<boolean> => page.evaluate(() => (globalThis as unknown as PageWindow).notReloaded === true);

test('after a wrong access link, the right one in the same tab connects without a reload (issue #9)', async ({ page }) => {
  await page.goto(host.serve.url.replace(/token=[^&]+/, 'token=wrong'));
  await expect(page.getByTestId('connection-state')).toHaveText('Not authorised');
  await openInSameTab(page, host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await expect(page.getByTestId('track-list').getByRole('button')).toHaveCount(8);
  expect(await stillTheSamePage(page)).toBe(true);
  expect(page.url()).not.toContain('token=');
  // The right token is the one kept for a reload.
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
});

test('after a link without its token, the right one in the same tab connects without a reload (issue #9)', async ({ page }) => {
  await page.goto(host.serve.url.split('#')[0]!);
  await expect(page.getByTestId('no-access')).toBeVisible();
  await openInSameTab(page, host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await expect(page.getByTestId('no-access')).toHaveCount(0);
  expect(await stillTheSamePage(page)).toBe(true);
});

test('every screen of the frame is reachable from the navigation', async ({ page }) => {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Interviewer', { exact: true })).toHaveValue('embedded');
  await page.getByLabel('Feedback').selectOption('at-end');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('link', { name: 'Interview' }).click();
  await expect(page.getByTestId('no-interview')).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Feedback')).toHaveValue('at-end');
});

test('Settings says where to get a speech model and a natural voice before any is installed', async ({ page }) => {
  await page.goto(host.serve.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  // Local recognition is the default: with no model yet, a note instead of a picker.
  await expect(page.getByTestId('no-speech-model-installed')).toContainText('download one under Speech models');
  await expect(page.getByRole('heading', { name: 'Speech models' })).toBeVisible();
  // The catalog offers a natural voice; choosing it before downloading says what to do.
  await expect(page.getByRole('heading', { name: 'Voices' })).toBeVisible();
  await page.getByLabel("Interviewer's voice").selectOption({ label: 'Natural voice (downloaded)' });
  await expect(page.getByTestId('no-voice-installed')).toContainText('download one under Voices');
});
