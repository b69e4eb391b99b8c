import { expect, test, type Page } from '@playwright/test';
import { chatReplies, isConnectionTest, MODEL_QUESTION } from '../support/llm/interview-model-replies';
import { startOpenAiChatServer, type ChatServer } from '../support/llm/openai-chat-server';
import { ANSWERS, answer, startQuickInterview } from '../support/interview-page';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #10, Settings → Interviewer: a local OpenAI-compatible server (a loopback server in
 * this test's process) chosen by address, its model picked from its own list, Test connection
 * saying it works, and a quick interview whose questions come from that server. A wrong key
 * is never answered "Saved." alone.
 */
const host = servePerTest('e2e-model-settings');
let model: ChatServer | undefined;
test.afterEach(async () => {
  await model?.close();
  model = undefined;
});

async function chooseLocalServer(page: Page, server: ChatServer): Promise<void> {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Interviewer', { exact: true }).selectOption('openai-compatible');
  await page.getByLabel('Server base URL').fill(server.origin);
}

test('a local server picked in Settings, tested, saved, and asking the questions', async ({ page }) => {
  model = await startOpenAiChatServer(chatReplies(), { models: ['llama-test', 'qwen-test'] });
  await chooseLocalServer(page, model);

  // The model list comes from the server's GET /v1/models.
  const modelField = page.getByLabel('Model', { exact: true });
  await expect(modelField.locator('option', { hasText: 'qwen-test' })).toHaveCount(1);
  await modelField.selectOption('llama-test');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-test-interviewer')).toHaveText(
    /^The model server at 127\.0\.0\.1:\d+ works: model "llama-test" found, structured output \(JSON schema\) supported, a test request took \d+(\.\d)? m?s\.$/,
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText(/^Saved\. Interviewer: The model server at 127\.0\.0\.1:\d+ works/);
  // Save used the test just made: one tiny request in all, and what it found is stored.
  expect(model.received.filter(isConnectionTest)).toHaveLength(1);

  await startQuickInterview(page, host.serve.url);
  const asked: string[] = [];
  for (let turn = 0; turn < 20 && !page.url().includes('#/report/'); turn += 1) {
    asked.push((await page.getByTestId('question-text').textContent()) ?? '');
    await answer(page, ANSWERS[turn % ANSWERS.length]!);
  }
  await expect(page).toHaveURL(/#\/report\//);
  expect(asked).toContain(MODEL_QUESTION(1));
  expect(asked.filter((text) => /^Model question \d+:/.test(text)).length).toBeGreaterThanOrEqual(5);
  const interviewRequests = model.received.filter((request) => !isConnectionTest(request));
  expect(interviewRequests.every((request) => request.body.model === 'llama-test')).toBe(true);
  // The stored capabilities are used: evaluations ask for native json_schema output.
  expect(interviewRequests.some((request) => request.body.response_format?.type === 'json_schema')).toBe(true);
});

test('a wrong key or an address where nothing answers is never answered "Saved." alone', async ({ page }) => {
  model = await startOpenAiChatServer(chatReplies(), { models: ['llama-test'], key: 'the-right-key-42' });
  await chooseLocalServer(page, model);
  await page.getByLabel('Model', { exact: true }).fill('llama-test');
  await page.getByLabel('Local server API key (if it needs one)').fill('a-wrong-key-17');

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-test-interviewer')).toHaveText(/^The model server at 127\.0\.0\.1:\d+ did not accept the API key: check it in Settings\.$/);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.');
  await expect(page.getByTestId('settings-check-failed')).toHaveText(/^Interviewer does not work yet: The model server at 127\.0\.0\.1:\d+ did not accept the API key/);
  await expect(page.getByLabel('Local server API key (if it needs one)')).toHaveAttribute('placeholder', 'Stored — type to replace');
  await expect(page.locator('body')).not.toContainText('a-wrong-key-17');

  // An address where nothing listens: Save tests it before it says anything.
  const origin = model.origin;
  await model.close();
  model = undefined;
  await page.getByLabel('Server base URL').fill(`${origin}/v1`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-check-failed')).toHaveText(/^Interviewer does not work yet: Could not reach the model server at 127\.0\.0\.1:\d+/);
});
