import { expect, test, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #9, fault 16 (History): a search shows where it matched with the match highlighted,
 * Back from a report keeps the search, and a search with no letters or numbers says so.
 */
const host = servePerTest('e2e-history');

test.beforeEach(async () => {
  await practise('For retries after a timeout we send an idempotency key with every charge, so a payment is never taken twice.');
  await practise('I would add an index on the customer id column and check the query plan before and after.');
});

/** A short interview through the host's own protocol: one typed answer, then End. */
async function practise(answer: string): Promise<void> {
  const socket = new WebSocket(host.serve.ws);
  const frames: Record<string, unknown>[] = [];
  const arrived = (type: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} in time`)), 30_000);
      const check = (): void => {
        const frame = frames.find((f) => f.type === type);
        if (!frame) return;
        clearTimeout(timer);
        frames.splice(frames.indexOf(frame), 1);
        socket.off('message', check);
        resolve(frame);
      };
      socket.on('message', check);
      check();
    });
  socket.on('message', (data) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick' } }));
  const question = await arrived('question');
  socket.send(JSON.stringify({ type: 'text_answer', questionId: question.questionId, text: answer }));
  await arrived('evaluation');
  socket.send(JSON.stringify({ type: 'end' }));
  await arrived('session_ended');
  socket.close();
}

async function searchHistory(page: Page, query: string): Promise<void> {
  await page.getByLabel('Search answers').fill(query);
  await page.getByRole('button', { name: 'Search' }).click();
}

test('a search shows where each interview matched, and Back from its report keeps the search', async ({ page }) => {
  await page.goto(host.serve.url);
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);

  await searchHistory(page, 'idempotency');
  const row = page.getByTestId('history-row');
  await expect(row).toHaveCount(1);
  const snippet = row.getByTestId('history-snippet');
  await expect(snippet).toContainText('we send an idempotency key with every charge');
  await expect(snippet.locator('mark')).toHaveText(['idempotency']);

  await row.getByRole('link', { name: 'Open report' }).click();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Search answers')).toHaveValue('idempotency');
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-snippet').locator('mark')).toHaveText(['idempotency']);

  // The app has no Back button: the History link returns to the same search.
  await page.getByTestId('history-row').getByRole('link', { name: 'Open report' }).click();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByLabel('Search answers')).toHaveValue('idempotency');
  await expect(page.getByTestId('history-row')).toHaveCount(1);

  // Clearing the search lists everything again.
  await searchHistory(page, '');
  await expect(page.getByTestId('history-row')).toHaveCount(2);
});

test('a search with no letters or numbers says so and lists nothing', async ({ page }) => {
  await page.goto(host.serve.url);
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  for (const query of ['%', '🚀']) {
    await searchHistory(page, query);
    await expect(page.getByTestId('history-empty')).toContainText('Search needs letters or numbers.');
    await expect(page.getByTestId('history-row')).toHaveCount(0);
  }
  // "%" is a character, not a wildcard: with a word it searches for the word.
  await searchHistory(page, 'index%');
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-snippet').locator('mark')).toHaveText(['index']);
});
