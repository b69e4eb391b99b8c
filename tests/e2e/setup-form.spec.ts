import { expect, test, type Page } from '@playwright/test';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #9, faults 15 and 16 (setup): limits are shown and refused, never cut; focus and
 * selection look different; the last choices are remembered; hints are in sentence case.
 */
const host = servePerTest('e2e-setup');

async function openHome(page: Page): Promise<void> {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
}

const lines = (count: number): string => Array.from({ length: count }, (_, i) => `What did you learn from project number ${i + 1}?`).join('\n');

test('texts over a limit are kept whole, counted, and keep Start disabled with the reason', async ({ page }) => {
  await openHome(page);
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await page.getByText('Tailor it (optional)').click();
  const start = page.getByRole('button', { name: 'Start interview' });
  const questions = page.getByLabel('Your own questions, one per line');
  const jobDescription = page.getByLabel('Job description');

  await questions.fill(lines(60));
  await expect(start).toBeDisabled();
  expect((await questions.inputValue()).split('\n')).toHaveLength(60);
  await expect(page.getByTestId('custom-questions-count')).toHaveText('60 / 50 questions: over the limit');
  await expect(page.getByTestId('setup-blocked')).toHaveText('Your question list has 60 questions; it can have at most 50 questions. Remove 10 to start.');

  // 50 KB pasted: every character stays in the box.
  const fiftyKb = 'We run Kafka, Postgres and Kubernetes on call. '.repeat(1_090).slice(0, 51_200);
  await jobDescription.fill(fiftyKb);
  expect(await jobDescription.inputValue()).toHaveLength(51_200);
  await expect(page.getByTestId('job-description-count')).toHaveText('51,200 / 20,000 characters: over the limit');
  await expect(page.getByTestId('setup-blocked').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('setup-blocked')).toContainText('The job description has 51,200 characters; it can have at most 20,000 characters.');

  await questions.fill(lines(50));
  await expect(page.getByTestId('custom-questions-count')).toHaveText('50 / 50 questions');
  await expect(start).toBeDisabled();
  await jobDescription.fill(fiftyKb.slice(0, 20_000));
  await expect(page.getByTestId('job-description-count')).toHaveText('20,000 / 20,000 characters');
  await expect(page.getByTestId('setup-blocked')).toHaveCount(0);
  await expect(start).toBeEnabled();

  await start.click();
  await expect(page.getByTestId('question-text')).toBeVisible();
});

test('the last track, level, length and answer mode are remembered', async ({ page }) => {
  await openHome(page);
  await page.getByRole('button', { name: /Frontend engineering/ }).click();
  await page.getByLabel('Senior').check();
  await page.getByLabel('Full').check();
  await page.getByLabel('Voice').check();

  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await expect(page.getByRole('button', { name: /Frontend engineering/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Senior')).toBeChecked();
  await expect(page.getByLabel('Full')).toBeChecked();
  await expect(page.getByLabel('Voice')).toBeChecked();
});

test('length hints are in sentence case', async ({ page }) => {
  await openHome(page);
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  const length = page.getByRole('group', { name: 'Length' });
  // innerText is the text as drawn, after any CSS text-transform.
  const drawn = await length.innerText();
  expect(drawn).toContain('(5 questions)');
  expect(drawn).toContain('(12–20 questions)');
  expect(drawn).toContain('(up to 20 questions)');
  expect(drawn).not.toMatch(/Questions|Up To/);
});

test('a focused track card does not look selected', async ({ page }) => {
  await openHome(page);
  const cards = page.getByTestId('track-list').getByRole('button');
  const selected = cards.nth(0);
  const focused = cards.nth(1);
  await selected.click();
  await expect(selected).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Tab');
  await expect(focused).toBeFocused();
  await expect(focused).toHaveAttribute('aria-pressed', 'false');

  type Style = { backgroundColor: string; borderColor: string; outlineStyle: string };
  const look = async (card: typeof selected) => ({
    ...(await card.evaluate((element) => {
      const { backgroundColor, borderColor, outlineStyle } = (globalThis as unknown as { getComputedStyle(e: unknown): Style }).getComputedStyle(element);
      return { background: backgroundColor, border: borderColor, outline: outlineStyle };
    })),
    text: await card.innerText(),
  });
  const focusLook = await look(focused);
  const selectedLook = await look(selected);
  expect(focusLook.outline).toBe('solid');
  expect(selectedLook.outline).toBe('none');
  expect(focusLook.background).not.toBe(selectedLook.background);
  expect(focusLook.border).not.toBe(selectedLook.border);
  expect(selectedLook.text).toContain('Selected');
  expect(focusLook.text).not.toContain('Selected');
});
