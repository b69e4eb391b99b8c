import { expect, test, type Page } from '@playwright/test';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #9, fault 16 (Settings): leaving with unsaved changes asks first; the hands-free
 * pause shows only for hands-free; installing from a folder that does not exist says so once.
 */
const host = servePerTest('e2e-settings');

async function openSettings(page: Page): Promise<void> {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Feedback')).toHaveValue('after-each');
}

test('leaving Settings with unsaved changes asks, and staying keeps the draft', async ({ page }) => {
  await openSettings(page);
  await page.getByLabel('Feedback').selectOption('at-end');

  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'History' }).click();
  await expect.poll(() => questions).toEqual(['Your changes in Settings are not saved. Leave without saving them?']);
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByLabel('Feedback')).toHaveValue('at-end');
  await expect(page.getByTestId('settings-status')).toHaveText('Unsaved changes.');

  // The browser's Back asks too.
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goBack();
  await expect.poll(() => questions).toHaveLength(2);
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByLabel('Feedback')).toHaveValue('at-end');

  // Leaving for real discards the draft.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Feedback')).toHaveValue('after-each');

  // Saved changes leave without a question.
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByLabel('Feedback').selectOption('at-end');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.');
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  expect(questions).toHaveLength(2);
});

test('the hands-free pause is offered only for hands-free answering', async ({ page }) => {
  await openSettings(page);
  const pause = page.getByLabel('Pause that ends a hands-free answer (seconds)');
  await expect(page.getByLabel('Answering aloud')).toHaveValue('push-to-talk');
  await expect(pause).toHaveCount(0);
  await page.getByLabel('Answering aloud').selectOption('hands-free');
  await expect(pause).toHaveValue('2');
  await page.getByLabel('Answering aloud').selectOption('push-to-talk');
  await expect(pause).toHaveCount(0);
});

test('installing from a folder that does not exist says so, once', async ({ page }) => {
  await openSettings(page);
  const row = page.getByTestId('speech-models').getByTestId('model-row').first();
  await row.getByRole('textbox').fill(`${host.dataDir}/no-such-folder`);
  await row.getByRole('button', { name: 'Install from folder' }).click();
  await expect(row.getByRole('alert')).toHaveText('That folder does not exist. Check the path, or choose the folder that holds the model files.');
  // The row's failed state arrives too (model_progress); still one message.
  await expect(row).toHaveAttribute('data-state', 'failed');
  await expect(row.getByRole('alert')).toHaveCount(1);
});
