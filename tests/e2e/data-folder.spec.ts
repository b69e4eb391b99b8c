import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #9 faults 5 and 8 on the page: what browser mode found in the data folder at start is
 * said where the user looks, a damaged database in a banner and the app's keys in Settings.
 */
let data: ReturnType<typeof makeTempDir>;
let serve: ServeProcess | undefined;

test.beforeEach(() => {
  data = makeTempDir('e2e-folder');
});
test.afterEach(async () => {
  if (serve) expect(await serve.stop()).toBe(0);
  serve = undefined;
  data.remove();
});

test('a damaged database: the page says a new one was started and names the kept file', async ({ page }) => {
  writeFileSync(join(data.path, 'interviews.sqlite'), randomBytes(16_384));
  serve = await startServe(data.path);
  const kept = readdirSync(data.path).find((name) => name.startsWith('interviews.damaged-'));
  expect(kept).toBeDefined();

  await page.goto(serve.url);
  const notice = page.getByTestId('app-notice');
  await expect(notice).toContainText('a new, empty one was started');
  await expect(notice).toContainText(kept!);
  await expect(notice).not.toContainText(data.path);
  // The fresh database works: the home screen offers the tracks.
  await expect(page.getByTestId('track-list').getByRole('button')).toHaveCount(8);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test("a key the desktop app stored: Settings says it is the app's and asks for it here", async ({ page }) => {
  writeFileSync(join(data.path, 'secrets.json'), JSON.stringify({ openai: Buffer.concat([Buffer.from('v10'), randomBytes(40)]).toString('base64') }));
  serve = await startServe(data.path);

  await page.goto(serve.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('secret-openai-elsewhere')).toHaveText('Stored by the desktop app; enter it again here to use it in browser mode.');
  await expect(page.getByLabel('OpenAI API key')).toHaveAttribute('placeholder', 'Not set');
  await expect(page.getByTestId('secret-anthropic-elsewhere')).toHaveCount(0);
});
