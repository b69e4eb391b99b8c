import { expect, test, type Page } from '@playwright/test';
import { ANSWERS, answer, elapsedSeconds, startQuickInterview } from '../support/interview-page';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #9, the interview screen a candidate uses (items 11, 12, 16): the feedback on the
 * answer just sent is where the eye is; a reload or a visit to another tab loses nothing;
 * End and Skip ask first; focus follows the question. Typed answers against the real host.
 */
const served = servePerTest('e2e-screen');

const meta = (page: Page) => page.getByTestId('question-meta');
const earlierTurns = (page: Page) => page.getByRole('region', { name: 'So far' }).getByTestId('earlier-turn');

test('the feedback on the answer just sent is in view above the next question, at question 5 of a quick interview', async ({ page }) => {
  await startQuickInterview(page, served.serve.url);
  for (let turn = 0; turn < 12 && !(await meta(page).textContent())?.startsWith('Question 5 of 5'); turn += 1) {
    await answer(page, ANSWERS[turn % ANSWERS.length]!);
  }
  await expect(meta(page)).toHaveText(/^Question 5 of 5/);
  const fifth = (await page.getByTestId('question-text').textContent()) ?? '';
  await answer(page, ANSWERS[1]!);

  const latest = page.getByRole('region', { name: 'Feedback on your last answer' });
  await expect(latest).toContainText('Question 5 of 5');
  await expect(latest).toContainText(fifth);
  const card = latest.getByTestId('evaluation');
  await expect(card.getByTestId('answer-score')).toBeVisible();
  // In the viewport as the candidate sees it, without scrolling: the card's top and its score line.
  const viewport = page.viewportSize()!;
  const box = (await card.boundingBox())!;
  const score = (await card.getByTestId('answer-score').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(score.y + score.height).toBeLessThanOrEqual(viewport.height);
  expect(await page.evaluate('window.scrollY')).toBe(0);
  // The next question follows it, and the history below lists the newest first, folded.
  expect((await page.getByTestId('question-text').boundingBox())!.y).toBeGreaterThan(box.y);
  await expect(earlierTurns(page).first()).toContainText(fifth);
  await expect(earlierTurns(page).first().getByTestId('evaluation')).toBeHidden();
  await earlierTurns(page).first().locator('summary').click();
  await expect(earlierTurns(page).first().getByTestId('evaluation')).toBeVisible();
});

test('a reload mid-interview: the Interview tab offers to continue, and the time, the history and the draft survive', async ({ page }) => {
  await startQuickInterview(page, served.serve.url);
  await answer(page, ANSWERS[0]!);
  await answer(page, ANSWERS[1]!);
  await expect.poll(() => elapsedSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  const pending = (await page.getByTestId('question-text').textContent()) ?? '';
  const draft = 'A draft I have not sent yet: first I would measure';
  await page.getByLabel('Your answer').fill(draft);
  const before = await elapsedSeconds(page);

  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await expect(page).toHaveURL(/#\/interview$/);
  await expect(page.getByTestId('no-interview')).toBeHidden();
  await page.getByTestId('unfinished-interview').getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByTestId('question-text')).toHaveText(pending);
  expect(await elapsedSeconds(page)).toBeGreaterThanOrEqual(before);
  await expect(page.getByLabel('Your answer')).toHaveValue(draft);
  // The history is read back from the stored interview: both earlier questions, newest first.
  await expect(earlierTurns(page)).toHaveCount(2);
  await expect(earlierTurns(page).nth(1)).toContainText('Introduction');
  await expect(earlierTurns(page).nth(1)).toContainText(ANSWERS[0]!);
  await expect(earlierTurns(page).nth(0)).toContainText(ANSWERS[1]!);
  await expect(page.getByRole('region', { name: 'Feedback on your last answer' }).getByTestId('evaluation')).toBeVisible();

  // Once the answer is accepted its draft is gone: the next question starts empty, after a reload too.
  await answer(page, draft);
  await expect(page.getByLabel('Your answer')).toHaveValue('');
  await page.reload();
  await page.getByTestId('unfinished-interview').getByRole('button', { name: 'Continue' }).click();
  await expect(earlierTurns(page)).toHaveCount(3);
  await expect(page.getByLabel('Your answer')).toHaveValue('');
});

test('Continue goes back to the interview still live in this tab, from Practice and from History', async ({ page }) => {
  await startQuickInterview(page, served.serve.url);
  await answer(page, ANSWERS[0]!);
  const current = (await page.getByTestId('question-text').textContent()) ?? '';

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Practice' }).click();
  await page.getByTestId('unfinished-interview').getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/#\/interview$/);
  await expect(page.getByTestId('question-text')).toHaveText(current);
  await expect(earlierTurns(page)).toHaveCount(1);

  await page.getByRole('link', { name: 'History' }).click();
  await page.getByTestId('history-row').getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/#\/interview$/);
  await expect(page.getByTestId('question-text')).toHaveText(current);
  await expect(earlierTurns(page)).toHaveCount(1);
  // Still answerable: the session was never lost.
  await answer(page, ANSWERS[1]!);
  await expect(earlierTurns(page)).toHaveCount(2);
});

test('Skip and End ask first, End stands apart from Pause, and focus follows the question', async ({ page }) => {
  await startQuickInterview(page, served.serve.url);
  // After Start, focus is on the question, not the page body; Tab goes on to the answer, then Send.
  await expect(page.getByTestId('question-text')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Your answer')).toBeFocused();
  await page.keyboard.type(ANSWERS[0]!);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(meta(page)).not.toHaveText('Introduction');
  // The feedback that arrives is announced by screen readers without taking the focus.
  await expect(page.getByTestId('latest-feedback-live')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('latest-feedback-live').getByTestId('evaluation')).toBeVisible();
  await expect(page.getByTestId('question-text')).toBeFocused();
  const question = (await page.getByTestId('question-text').textContent()) ?? '';

  await page.getByRole('button', { name: 'Skip' }).click();
  const skip = page.getByRole('dialog', { name: 'Skip this question?' });
  await expect(skip).toBeVisible();
  await skip.getByRole('button', { name: 'Keep answering' }).click();
  await expect(skip).toBeHidden();
  await expect(page.getByTestId('question-text')).toHaveText(question);

  await page.getByRole('button', { name: 'Skip' }).click();
  await skip.getByRole('button', { name: 'Skip question' }).click();
  await expect(page.getByTestId('question-text')).not.toHaveText(question);
  await expect(page.getByTestId('question-text')).toBeFocused();
  await expect(earlierTurns(page).first()).toContainText('Skipped');

  // End is not next to Pause, and Escape keeps the interview going.
  const pause = (await page.getByRole('button', { name: 'Pause' }).boundingBox())!;
  const end = (await page.getByRole('button', { name: 'End interview' }).boundingBox())!;
  expect(Math.abs(end.x - (pause.x + pause.width)) + Math.abs(end.y - pause.y)).toBeGreaterThan(80);
  await page.getByRole('button', { name: 'End interview' }).click();
  const ending = page.getByRole('dialog', { name: 'End the interview now?' });
  await expect(ending).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ending).toBeHidden();
  await expect(page.getByTestId('question-text')).toBeVisible();
  await page.getByRole('button', { name: 'End interview' }).click();
  await ending.getByRole('button', { name: 'End interview' }).click();
  await expect(page).toHaveURL(/#\/report\//);
});

test('the clock stops while the interview is paused', async ({ page }) => {
  await startQuickInterview(page, served.serve.url);
  await expect.poll(() => elapsedSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('status-line')).toHaveText(/Paused/);
  const paused = await elapsedSeconds(page);
  // Long enough for a running clock to tick twice.
  await page.waitForTimeout(2_500);
  expect(await elapsedSeconds(page)).toBe(paused);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => elapsedSeconds(page), { timeout: 20_000 }).toBeGreaterThan(paused);
});
