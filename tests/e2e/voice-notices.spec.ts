import { expect, test } from '@playwright/test';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #9 item 13: voice mode on a computer with no speech model. The candidate hears it
 * before speaking, on the setup form and on the question screen, not 22 seconds into an answer.
 * A fresh data folder has the default settings: recognition on this computer, no model installed.
 */
const served = servePerTest('e2e-voice-notice');

const NOTICE = 'No speech model yet: your answer will be recorded and you type it; get one in Settings.';

test('with no speech model, the setup form and the question screen say so before any recording', async ({ page }) => {
  await page.goto(served.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await expect(page.getByTestId('recognition-notice')).toBeHidden(); // typing needs no model
  await page.getByLabel('voice').check();
  const onSetup = page.getByTestId('recognition-notice');
  await expect(onSetup).toHaveText(NOTICE);
  await expect(onSetup.getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '#/settings');

  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByTestId('question-text')).toBeVisible();
  await expect(page.getByTestId('recognition-notice')).toHaveText(NOTICE);
  // Nothing has been recorded yet.
  await expect(page.getByTestId('voice-panel')).toHaveAttribute('data-recorder', 'idle');
});
