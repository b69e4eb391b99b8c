import { expect, type Page } from '@playwright/test';

/** What a candidate does on the interview screen, for the e2e tests (browser mode and the app). */

export const ANSWERS = [
  'I have worked as a backend engineer for five years. Currently I build payment APIs in Go and Postgres, and I am looking for a role with more ownership of reliability.',
  'An operation is idempotent when repeating it has the same effect as doing it once. PUT and DELETE are idempotent, POST is not, which matters for retries after a timeout because the client cannot know whether the first attempt worked. For example we send an idempotency key.',
  'I would look at the query plan with EXPLAIN, check for a missing index, and add one on the filtered column, because a sequential scan over millions of rows is slow. The trade-off is slower writes and more storage.',
];

export async function startQuickInterview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await beginQuickInterview(page);
}

/** From the Practice screen of a page already open (the app's window, say): a typed quick interview. */
export async function beginQuickInterview(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await page.getByLabel('quick').check();
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByTestId('question-text')).toBeVisible();
}

/** Types an answer to the current question and waits for the next one (or the report). */
export async function answer(page: Page, text: string): Promise<void> {
  const meta = (await page.getByTestId('question-meta').textContent()) ?? '';
  await page.getByLabel('Your answer').fill(text);
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByTestId('overall-score').or(page.getByTestId('question-meta').filter({ hasNotText: meta }))).toBeVisible();
}

/** The interview clock on screen, in seconds ("2:05" → 125). */
export async function elapsedSeconds(page: Page): Promise<number> {
  const [minutes, seconds] = ((await page.getByTestId('elapsed-time').textContent()) ?? '').split(':').map(Number);
  return (minutes ?? Number.NaN) * 60 + (seconds ?? Number.NaN);
}
