import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { logFilePath } from '../../src/main/diagnostics/log-file';
import { TestClient } from '../support/host-fixture';
import { hostFolderPerTest } from '../support/host-folder';
import { readyOf } from '../support/host-process';

/**
 * Issue #13: testers report problems with "Copy diagnostics" (Settings). The real host CLI
 * keeps its log in the data folder; `app.diagnostics` gives versions, providers and the last
 * log lines, and neither a stored key nor anything the candidate said.
 */
const folder = hostFolderPerTest('diagnostics');
const KEY = 'sk-proj-Diagnostics0123456789abcdefXYZ';
const ANSWER = 'My distinctive answer mentions the zebra migration runbook and a quokka cache.';

it('names versions, providers and recent events, and holds no key and no answer text', async () => {
  const host = folder.start();
  const client = await TestClient.open((await readyOf(host)).ws);
  try {
    await client.call('settings.set', { textToSpeech: { provider: 'none' }, secrets: { openai: KEY } });
    client.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick' } });
    const question = await client.next((frame) => frame.type === 'question', 10_000);
    client.send({ type: 'text_answer', questionId: question.questionId, text: ANSWER });
    await client.next((frame) => frame.type === 'evaluation', 10_000);
    client.send({ type: 'end' });
    await client.next((frame) => frame.type === 'session_ended', 10_000);

    const { text } = (await client.call('app.diagnostics')).result as { text: string };

    expect(text).toMatch(/^Interview Practice \d+\.\d+\.\d+ \(browser mode\)$/m);
    expect(text).toMatch(/^Runtime: node \d+/m);
    expect(text).toContain('API keys: openai stored');
    expect(text).toMatch(/^\S+Z info host\.ready port=\d+$/m);
    for (const secret of [KEY, 'sk-proj', 'zebra', 'quokka', ANSWER]) expect(text).not.toContain(secret);
    // The log on disk is where testers find it, and it is the logger's own lines.
    expect(readFileSync(logFilePath(folder.dataDir), 'utf8')).toContain('"event":"host.ready"');
  } finally {
    client.close();
  }
});
