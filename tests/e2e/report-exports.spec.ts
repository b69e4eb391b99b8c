import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seedReportInterview, TRICKY } from '../support/report-fixture';
import { startServe, type ServeProcess } from '../support/serve-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #11 end to end: from History, open a report, save it in each format and History as
 * CSV; each download arrives with its name and content. The interview was stored earlier
 * (typed and spoken answers, a follow-up, a job description, text that must stay text).
 */
let data: ReturnType<typeof makeTempDir>;
let serve: ServeProcess;

test.beforeEach(async () => {
  data = makeTempDir('e2e-report');
  seedReportInterview(data.path);
  serve = await startServe(data.path);
});
test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
  data.remove();
});

test('from History, open a report and save it as PDF, HTML, Markdown and JSON, and History as CSV', async ({ page }) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('link', { name: 'Open report' }).click();

  // The report: summary with evidence, the job description's skills, the candidate's text as text.
  await expect(page.getByTestId('report-meta')).toContainText('Backend engineering');
  await expect(page.getByTestId('summary-focus')).toContainText('Left out key points: answers 1 and 2');
  await expect(page.getByTestId('job-coverage')).toContainText('Never covered: Queues and async processing');
  await expect(page.getByTestId('score-chart')).toBeVisible();
  await expect(page.getByText(TRICKY.script).first()).toBeVisible();

  // The PDF takes a moment: hold its download so the progress indicator can be seen.
  await page.route('**/exports/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  const expected = { PDF: /\.pdf$/, HTML: /\.html$/, Markdown: /\.md$/, JSON: /\.json$/ };
  for (const [label, name] of Object.entries(expected)) {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-bar').getByRole('button', { name: label, exact: true }).click();
    if (label === 'PDF') await expect(page.getByTestId('export-progress')).toContainText('Preparing the PDF');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Backend engineering interview \d{4}-\d\d-\d\d \d\d-\d\d/);
    expect(file.suggestedFilename()).toMatch(name);
    const bytes = readFileSync((await file.path())!);
    if (label === 'PDF') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (label === 'HTML') expect(bytes.toString()).toContain('&lt;script&gt;');
    if (label === 'Markdown') expect(bytes.toString()).toContain('\\<script\\>');
    if (label === 'JSON') expect(JSON.parse(bytes.toString())).toMatchObject({ schemaVersion: 1 });
  }
  await expect(page.getByTestId('export-progress')).toHaveCount(0);

  await page.getByRole('link', { name: 'History' }).click();
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export history as CSV' }).click();
  const file = await csv;
  expect(file.suggestedFilename()).toMatch(/^Interview history .*\.csv$/);
  expect(readFileSync((await file.path())!, 'utf8')).toContain('Backend engineering,completed');
});
