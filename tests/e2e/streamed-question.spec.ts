import { expect, test, type Page } from '@playwright/test';
import { TestClient } from '../support/host-fixture';
import { isEvaluationRequest, evaluationReply } from '../support/model-interview-host';
import { startOpenAiChatServer, type ChatServer } from '../support/llm/openai-chat-server';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #10 in the browser: with a model interviewer, the next question appears on screen
 * word by word while the model writes it, where the question will be, and is then replaced by
 * the question itself. The model is a loopback OpenAI-compatible server that writes slowly.
 */
const served = servePerTest('e2e-streamed');
let model: ChatServer;

const QUESTION = 'You mentioned payment retries in Go. How would you make sure a retried refund is never paid out twice, and how would you test that?';

test.beforeEach(async () => {
  let asked = 0;
  model = await startOpenAiChatServer((request) => {
    if (isEvaluationRequest(request)) return evaluationReply();
    asked += 1;
    return asked === 1 ? { text: 'Hello! Please introduce yourself.' } : { text: QUESTION, chunkDelayMs: 150 };
  });
  const client = await TestClient.open(served.serve.ws);
  await client.call('settings.set', {
    interviewer: { provider: 'openai-compatible', model: 'local', baseUrl: model.origin, capabilities: { structuredOutput: 'json_schema', contextTokens: 32_000, textField: 'content' } },
  });
  client.close();
});
test.afterEach(async () => {
  await model.close();
});

/** A quick interview, its greeting answered: from here the model streams the next question. */
async function answerTheGreeting(page: Page, mode: 'text' | 'voice'): Promise<void> {
  await page.goto(served.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await page.getByLabel('quick').check();
  await page.getByRole('radio', { name: mode === 'text' ? 'Text' : 'Voice', exact: true }).check();
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByTestId('question-text')).toHaveText('Hello! Please introduce yourself.');
  await page.getByLabel('Your answer').fill('I build payment services in Go and Postgres.');
  await page.getByRole('button', { name: 'Send answer' }).click();
}

test('the next question is shown as the model writes it, before the question itself replaces it', async ({ page }) => {
  await answerTheGreeting(page, 'text');
  const draft = page.getByTestId('question-draft');
  await expect(draft).toBeVisible();
  await expect(page.getByTestId('question-meta')).toHaveText('Next question');
  const partly = (await draft.textContent()) ?? '';
  expect(partly.length).toBeGreaterThan(0);
  expect(partly.length).toBeLessThan(QUESTION.length);
  expect(QUESTION.startsWith(partly)).toBe(true);
  // It grows as the model writes…
  await expect.poll(async () => ((await draft.textContent()) ?? '').length).toBeGreaterThan(partly.length);
  // …and the question itself takes its place.
  await expect(page.getByTestId('question-text')).toHaveText(QUESTION);
  await expect(draft).toBeHidden();
  await expect(page.getByTestId('question-text')).toBeFocused();
});

test('in voice mode its sentences are played as they are spoken, and the candidate’s turn comes after the last', async ({ page }) => {
  // Which sentences really played (not merely loaded), in order.
  // A script as text: the tests are compiled for Node, without the DOM's types.
  await page.addInitScript({
    content: `window.played = [];
      document.addEventListener('playing', (event) => {
        const sentence = event.target.dataset.sentence;
        if (sentence !== undefined) window.played.push(sentence);
      }, true);`,
  });
  await answerTheGreeting(page, 'voice');
  // The first sentence plays while the model is still writing the second.
  const sentence = page.getByTestId('question-sentence-audio');
  await expect(sentence).toHaveAttribute('data-sentence', '0');
  await expect(page.getByTestId('question-draft')).toBeVisible();
  await expect(page.getByTestId('question-text')).toHaveText(QUESTION);
  // The question's own file is not played over it; the candidate's turn comes when the last sentence ends.
  await expect(page.getByTestId('question-audio')).not.toHaveAttribute('autoplay');
  await expect(page.getByTestId('status-line')).toHaveText('Your turn.', { timeout: 30_000 });
  expect(await page.evaluate('window.played')).toEqual(['0', '1']);
});
