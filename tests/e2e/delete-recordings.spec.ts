import { expect, test } from '@playwright/test';
import { writeFixtureMedia } from '../support/fixture-media';
import { seedReportInterview } from '../support/report-fixture';
import { servePerTest } from '../support/serve-per-test';

/** Issue #11: Settings → delete all recordings shows the space before asking, frees it, and the report keeps its words. */
const host = servePerTest('e2e-recordings', (dataDir) => {
  seedReportInterview(dataDir);
  writeFixtureMedia(dataDir);
});

test('delete all recordings from Settings: the size first, then the report without audio but with every answer', async ({ page }) => {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('link', { name: 'Open report' }).click();
  await expect(page.getByTestId('waveform').first()).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Delete all recordings, keep transcripts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all recordings?' });
  await expect(dialog.getByTestId('delete-recordings-size')).toContainText('This frees 33 kB: 3 recordings from 1 finished interview');
  await dialog.getByRole('button', { name: 'Delete and free 33 kB' }).click();
  await expect(page.getByTestId('delete-recordings-status')).toHaveText('Deleted 3 recordings from 1 interview and freed 33 kB.');

  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('link', { name: 'Open report' }).click();
  await expect(page.getByTestId('report-question').first()).toBeVisible();
  await expect(page.getByTestId('waveform')).toHaveCount(0);
  await expect(page.getByText('我们使用缓存来减少数据库的负载。').first()).toBeVisible();
});
