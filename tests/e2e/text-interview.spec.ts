import { expect, test } from '@playwright/test';
import { describeOverallScore } from '../../src/shared/interview/overall-definition';
import { ANSWERS, answer, startQuickInterview } from '../support/interview-page';
import { startServe, type ServeProcess } from '../support/serve-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #3 end to end: a whole interview typed in the browser against the real host,
 * engine and SQLite file; and a crash (SIGKILL) in the middle that loses no answer.
 * Issue #8: the progress line, the report, the end of the interview and History count the
 * same main questions and explain the overall the same way (DESIGN.md §5.1). The assertions
 * hold for any evaluator: they never assume a score or whether a follow-up is asked.
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

async function serve(): Promise<ServeProcess> {
  const server = await startServe(data.path);
  servers.push(server);
  return server;
}

/** DESIGN.md §5.1 and docs/decisions.md: how much each difficulty weighs in the overall. */
const WEIGHTS: Record<string, number> = { easy: 1, medium: 1.5, hard: 2 };
const MAIN_LINE = /^Question (\d+) of 5 · (easy|medium|hard)$/;
const FOLLOW_UP_LINE = /^Follow-up to question (\d+)$/;
/** On the live screen a follow-up also quotes its main question. */
const LIVE_FOLLOW_UP_LINE = /^Follow-up to question (\d+): (.+)$/;
const scoreIn = (text: string | null): number => Number(/(\d+(?:\.5)?) \/ 10/.exec(text ?? '')?.[1] ?? Number.NaN);

test('a quick interview by typing: 5 main questions, at most 2 follow-ups, and a report and History that add up', async ({ page }) => {
  const server = await serve();
  await startQuickInterview(page, server.url);

  // The progress line on every question counts main questions only (issue #8); a follow-up
  // names its main question and quotes it (issue #9).
  const progress: string[] = [];
  const asked: string[] = [];
  for (let turn = 0; turn < 20 && !page.url().includes('#/report/'); turn += 1) {
    progress.push((await page.getByTestId('question-meta').textContent()) ?? '');
    asked.push((await page.getByTestId('question-text').textContent()) ?? '');
    await answer(page, ANSWERS[turn % ANSWERS.length]!);
  }
  await expect(page).toHaveURL(/#\/report\//);
  expect(progress[0]).toBe('Introduction');
  expect(progress.at(-1)).toBe('Your questions for us');
  let mainSeen = 0;
  let followUpsSeen = 0;
  const mainTexts: string[] = [];
  for (const [i, line] of progress.entries()) {
    if (i === 0 || i === progress.length - 1) continue;
    const main = MAIN_LINE.exec(line);
    const followUp = LIVE_FOLLOW_UP_LINE.exec(line);
    expect(main ?? followUp, `progress line "${line}"`).not.toBeNull();
    if (main) {
      expect(Number(main[1])).toBe((mainSeen += 1));
      mainTexts.push(asked[i]!);
    } else {
      expect(Number(followUp![1])).toBe(mainSeen); // it follows the question just asked
      expect(followUp![2]).toBe(mainTexts.at(-1));
      followUpsSeen += 1;
    }
  }
  expect(mainSeen).toBe(5);
  expect(followUpsSeen).toBeLessThanOrEqual(2);

  // The report: main questions 1..5, follow-ups under their question, intro and closing not scored.
  const questions = page.getByTestId('report-question');
  await expect(questions).toHaveCount(5);
  let weighted = 0;
  let weights = 0;
  for (let i = 0; i < 5; i += 1) {
    const question = questions.nth(i);
    const labels = await question.getByTestId('turn-label').allTextContents();
    const difficulty = new RegExp(`^Question ${i + 1} · .+ · (easy|medium|hard)$`).exec(labels[0] ?? '')?.[1];
    expect(difficulty, `label "${labels[0]}"`).toBeDefined();
    expect(labels.slice(1)).toEqual(labels.slice(1).map(() => `Follow-up to question ${i + 1}`));
    const counted = scoreIn(await question.getByTestId('counted-score').textContent());
    const own = scoreIn(await question.getByTestId('answer-score').first().textContent());
    expect(counted).toBeGreaterThanOrEqual(Math.round(own * 2) / 2); // a follow-up never lowers it
    weighted += WEIGHTS[difficulty!]! * counted;
    weights += WEIGHTS[difficulty!]!;
  }
  const followUps = page.getByTestId('turn-label').filter({ hasText: FOLLOW_UP_LINE });
  await expect(followUps).toHaveCount(followUpsSeen);
  await expect(page.getByTestId('report-counts')).toHaveText(new RegExp(`^5 main questions · ${followUpsSeen} follow-ups?$`));
  const unscored = page.getByTestId('report-unscored');
  await expect(unscored).toHaveCount(2);
  await expect(unscored.getByTestId('turn-label')).toHaveText(['Introduction · not scored', 'Closing: your questions for us · not scored']);
  await expect(unscored.getByTestId('answer-score')).toHaveCount(0);
  await expect(unscored.getByTestId('evaluation')).toHaveCount(2); // feedback, but no score
  const definition = describeOverallScore(5);
  expect(definition).toContain('your 5 main questions');
  await expect(page.getByTestId('score-definition')).toHaveText(definition);
  // The overall is what the report's own numbers give.
  const overall = Math.round((weighted * 10) / weights);
  await expect(page.getByTestId('overall-score')).toHaveText(`${overall} / 100`);
  await expect(page.getByText('Model answer outline').first()).toBeVisible();

  // The end of the interview says the same.
  await page.getByRole('link', { name: 'Interview', exact: true }).click();
  await expect(page.getByTestId('interview-complete')).toContainText(`${overall} / 100 over 5 main questions`);
  await expect(page.getByTestId('interview-complete').getByTestId('score-definition')).toHaveText(definition);

  // History shows the same overall and count, with the same definition, and finds it by a word from an answer.
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByLabel('Search answers').fill('idempotency');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('history-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('completed');
  await expect(row.getByTestId('history-count')).toHaveText('· 5 main questions');
  await expect(row.getByTestId('history-score')).toHaveText(`· ${overall}/100`);
  await expect(row.getByTestId('history-score')).toHaveAttribute('title', definition);
});

test('after the host is killed mid-interview, resume continues with every earlier answer', async ({ page }) => {
  const first = await serve();
  await startQuickInterview(page, first.url);
  await answer(page, ANSWERS[0]!);
  await answer(page, ANSWERS[1]!);
  const pending = await page.getByTestId('question-text').textContent();
  const pendingProgress = await page.getByTestId('question-meta').textContent();
  expect(pendingProgress).toMatch(/^(Question 2 of 5 · \w+|Follow-up to question 1: .+)$/);
  await page.close();
  expect(await first.stop('SIGKILL')).toBeNull();

  const second = await serve();
  const again = await page.context().newPage();
  await again.goto(second.url);
  await expect(again.getByTestId('unfinished-interview')).toBeVisible();
  await again.getByRole('button', { name: 'Continue' }).click();
  await expect(again.getByTestId('question-text')).toHaveText(pending ?? '');
  // The progress line is the engine's, so it reads the same after the crash.
  await expect(again.getByTestId('question-meta')).toHaveText(pendingProgress ?? '');

  for (let turn = 2; turn < 22 && !again.url().includes('#/report/'); turn += 1) {
    await answer(again, ANSWERS[turn % ANSWERS.length]!);
  }
  await expect(again).toHaveURL(/#\/report\//);
  // The two answers given before the crash are there, on the first two questions.
  const turns = again.getByTestId('report-turn');
  await expect(turns.nth(0).locator('blockquote')).toHaveText(ANSWERS[0]!);
  await expect(turns.nth(1).locator('blockquote')).toHaveText(ANSWERS[1]!);
  // The introduction gets feedback but no score; the first main question its score.
  await expect(turns.nth(0).getByTestId('evaluation')).toBeVisible();
  await expect(turns.nth(1).getByTestId('answer-score')).toBeVisible();
});
