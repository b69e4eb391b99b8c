import { expect, test } from '@playwright/test';
import { servePerTest } from '../support/serve-per-test';

/** Issue #13: Settings → Report a problem → Copy diagnostics puts a safe report on the clipboard. */
const host = servePerTest('e2e-diagnostics');
const KEY = 'sk-proj-FromTheSettingsPage0123456789abc';

test('Copy diagnostics copies the versions and recent events, without the key just saved', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.serve.url).origin });
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('OpenAI API key').fill(KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-status')).toContainText('Saved');

  const report = page.getByTestId('report-a-problem');
  await report.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(report.getByRole('status')).toHaveText('Copied. Paste it into your problem report.');

  const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  expect(copied).toMatch(/^Interview Practice \S+ \(browser mode\)/);
  expect(copied).toContain('API keys: openai stored');
  expect(copied).toMatch(/info host\.ready port=\d+/);
  expect(copied).not.toContain(KEY);
});
