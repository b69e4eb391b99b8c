import { expect, test, type Page } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #3 end to end: a whole interview typed in the browser against the real host,
 * engine and SQLite file; and a crash (SIGKILL) in the middle that loses no answer.
 */
let data: ReturnType<typeof makeTempDir>;
const servers: ServeProcess[] = [];

test.beforeEach(() => {
  data = makeTempDir('e2e-interview');
});
test.afterEach(async () => {
  for (const server of servers.splice(0)) if (server.child.exitCode === null) await server.stop();
  data.remove();
});

const ANSWERS = [
  'I have worked as a backend engineer for five years. Currently I build payment APIs in Go and Postgres, and I am looking for a role with more ownership of reliability.',
  'An operation is idempotent when repeating it has the same effect as doing it once. PUT and DELETE are idempotent, POST is not, which matters for retries after a timeout because the client cannot know whether the first attempt worked. For example we send an idempotency key.',
  'I would look at the query plan with EXPLAIN, check for a missing index, and add one on the filtered column, because a sequential scan over millions of rows is slow. The trade-off is slower writes and more storage.',
];

async function serve(): Promise<ServeProcess> {
  const server = await startServe(data.path);
  servers.push(server);
  return server;
}

async function startQuickInterview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await page.getByLabel('quick').check();
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByTestId('question-text')).toBeVisible();
}

/** Types an answer to the current question and waits for the next one (or the report). */
async function answer(page: Page, text: string): Promise<void> {
  const meta = await page.getByTestId('question-meta').textContent();
  await page.getByLabel('Your answer').fill(text);
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByTestId('question-meta').or(page.getByTestId('overall-score'))).not.toHaveText(meta ?? '');
}

test('a complete quick interview by typing ends on a report with per-answer scores', async ({ page }) => {
  const server = await serve();
  await startQuickInterview(page, server.url);
  await expect(page.getByTestId('question-meta')).toContainText('Question 1');

  for (let turn = 0; turn < 20 && !page.url().includes('#/report/'); turn += 1) {
    await answer(page, ANSWERS[turn % ANSWERS.length]!);
  }

  await expect(page).toHaveURL(/#\/report\//);
  await expect(page.getByTestId('overall-score')).toHaveText(/^\d+ \/ 100$/);
  const turns = page.getByTestId('report-turn');
  expect(await turns.count()).toBeGreaterThanOrEqual(7); // intro, 5 questions, wrap-up
  const scores = page.getByTestId('answer-score');
  expect(await scores.count()).toBe(await turns.count());
  await expect(scores.first()).toHaveText(/^\d+(\.5)? \/ 10$/);
  await expect(page.getByText('Model answer outline').first()).toBeVisible();

  // History lists it as completed, and finds it by a word from an answer.
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByLabel('Search answers').fill('idempotency');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toContainText('completed');
});

test('after the host is killed mid-interview, resume continues with every earlier answer', async ({ page }) => {
  const first = await serve();
  await startQuickInterview(page, first.url);
  await answer(page, ANSWERS[0]!);
  await answer(page, ANSWERS[1]!);
  const pending = await page.getByTestId('question-text').textContent();
  await page.close();
  expect(await first.stop('SIGKILL')).toBeNull();

  const second = await serve();
  const again = await page.context().newPage();
  await again.goto(second.url);
  await expect(again.getByTestId('unfinished-interview')).toBeVisible();
  await again.getByRole('button', { name: 'Continue' }).click();
  await expect(again.getByTestId('question-text')).toHaveText(pending ?? '');

  for (let turn = 2; turn < 22 && !again.url().includes('#/report/'); turn += 1) {
    await answer(again, ANSWERS[turn % ANSWERS.length]!);
  }
  await expect(again).toHaveURL(/#\/report\//);
  // The two answers given before the crash are there, on the first two questions.
  const turns = again.getByTestId('report-turn');
  await expect(turns.nth(0).locator('blockquote')).toHaveText(ANSWERS[0]!);
  await expect(turns.nth(1).locator('blockquote')).toHaveText(ANSWERS[1]!);
  await expect(turns.nth(0).getByTestId('answer-score')).toBeVisible();
});
