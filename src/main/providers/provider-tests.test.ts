import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatReplies } from '../../../tests/support/llm/interview-model-replies';
import { startOpenAiChatServer } from '../../../tests/support/llm/openai-chat-server';
import { closedPortOrigin, jsonReply, startTranscriptionServer, type TranscriptionServer } from '../../../tests/support/stt/fake-transcription-server';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { answerError, answerWav, startSpeechServer, type SpeechServer } from '../../../tests/support/tts/speech-server';
import { toneWav } from '../../../tests/support/tts/test-wav';
import { silentLogger } from '../log';
import { CallError } from '../rpc/call-handlers';
import { createSecretFile } from '../settings/secret-file';
import { createSettingsFile } from '../settings/settings-file';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { createProviderTests, type ProviderTests } from './provider-tests';
import { testSpeechToText } from './stt/test-speech-to-text';

/**
 * `providers.test` for every capability (issue #10): what is on screen is tested as it is,
 * with the key typed there, and nothing of it is stored.
 */
const STORED = 'sk-stored-key-aaaaaaaa';
const TYPED = 'sk-typed-key-bbbbbbbb';

let temp: ReturnType<typeof makeTempDir>;
let settings: SettingsService;
let closers: (() => Promise<void>)[] = [];
beforeEach(() => {
  temp = makeTempDir('provider-tests');
  settings = createSettingsService(createSettingsFile(temp.path, silentLogger), createSecretFile(temp.path, { mode: 'browser-mode' }, silentLogger), silentLogger);
});
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
  temp.remove();
});

function tests(speech?: SpeechServer): ProviderTests {
  return createProviderTests({
    settings,
    speechToText: { localModelDirectory: async () => undefined, log: silentLogger },
    textToSpeech: { log: silentLogger, ...(speech ? { openai: { baseURL: speech.baseURL, maxRetries: 0 } } : {}) },
  });
}
async function transcriptionServer(...args: Parameters<typeof startTranscriptionServer>): Promise<TranscriptionServer> {
  const server = await startTranscriptionServer(...args);
  closers.push(() => server.close());
  return server;
}
async function speechServer(...args: Parameters<typeof startSpeechServer>): Promise<SpeechServer> {
  const server = await startSpeechServer(...args);
  closers.push(() => server.close());
  return server;
}

describe('speech recognition', () => {
  it('transcribes a generated half second with the key typed on screen, and stores nothing', async () => {
    settings.set({ secrets: { openaiCompatible: STORED } });
    const server = await transcriptionServer(() => jsonReply({ text: '' }));
    const report = await tests().test({ capability: 'speechToText', draft: { provider: 'openai-compatible', baseUrl: server.baseURL, model: 'whisper-test' }, key: TYPED });
    expect(report).toEqual({ ok: true, sentence: expect.stringMatching(/^Speech recognition with the transcription server at 127\.0\.0\.1:\d+ works: a half-second test recording was transcribed in \d+ ms\.$/), latencyMs: expect.any(Number) });
    const upload = server.received[0]!;
    expect(upload.authorization).toBe(`Bearer ${TYPED}`);
    expect(upload.fields.model).toBe('whisper-test');
    expect(upload.file?.bytes.length).toBe(44 + 16_000);
    // The draft and the typed key were for the test only.
    expect(settings.get().speechToText).toEqual({ provider: 'local' });
    expect(settings.secret('openaiCompatible')).toBe(STORED);
  });

  it('says the key was refused, without the key the server echoed', async () => {
    const server = await transcriptionServer((upload) => jsonReply({ error: { message: `Incorrect API key provided: ${upload.authorization}` } }, 401));
    const report = await tests().test({ capability: 'speechToText', draft: { provider: 'openai-compatible', baseUrl: server.baseURL }, key: TYPED });
    expect(report.ok).toBe(false);
    expect(report.sentence).toMatch(/did not accept the API key: check it in Settings\.$/);
    expect(JSON.stringify(report)).not.toContain(TYPED);
  });

  it('says an address where nothing listens cannot be reached, and one that never answers is too slow', async () => {
    const unreachable = await tests().test({ capability: 'speechToText', draft: { provider: 'openai-compatible', baseUrl: await closedPortOrigin() } });
    expect(unreachable).toEqual({ ok: false, sentence: expect.stringMatching(/^Could not reach the transcription server at 127\.0\.0\.1:\d+/) });
    const server = await transcriptionServer(() => 'hang');
    const slow = await testSpeechToText({ provider: 'openai-compatible', baseUrl: server.baseURL }, { secret: () => undefined, localModelDirectory: async () => undefined }, 300);
    expect(slow).toEqual({ ok: false, sentence: expect.stringMatching(/took longer than 0\.3 s to transcribe a half-second test recording\.$/) });
  });

  it('checks the local model is installed, and says what to do when it is not', async () => {
    const report = await tests().test({ capability: 'speechToText', draft: { provider: 'local' } });
    expect(report.ok).toBe(false);
    expect(report.sentence).toMatch(/speech model/i);
  });
});

describe('the voice', () => {
  it('OpenAI speech says one short sentence with the typed key', async () => {
    const server = await speechServer(answerWav(toneWav(400)));
    const report = await tests(server).test({ capability: 'textToSpeech', draft: { provider: 'openai', voice: 'nova' }, key: TYPED });
    expect(report).toEqual({ ok: true, sentence: expect.stringMatching(/^OpenAI speech \(voice "nova"\) works: it spoke a test sentence in \d+ ms\.$/), latencyMs: expect.any(Number) });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TYPED}`);
    expect(String(server.requests[0]!.json?.input).length).toBeLessThan(60);
  });

  it('a refused key, a removed key and no voice at all each get their sentence', async () => {
    settings.set({ secrets: { openai: STORED } });
    const refused = await tests(await speechServer(answerError(401, `Incorrect API key provided: ${STORED}`))).test({ capability: 'textToSpeech', draft: { provider: 'openai' } });
    expect(refused).toEqual({ ok: false, sentence: 'OpenAI did not accept the API key. Check the key in Settings.' });
    // null: as if the stored key were removed, the way Save would remove it.
    const removed = await tests().test({ capability: 'textToSpeech', draft: { provider: 'openai' }, key: null });
    expect(removed).toEqual({ ok: false, sentence: 'OpenAI speech needs an OpenAI API key. Add one in Settings, or use the system voice.' });
    expect(await tests().test({ capability: 'textToSpeech', draft: { provider: 'none' } })).toEqual({ ok: true, sentence: 'Questions are shown, not spoken.' });
  });
});

describe('the interviewer', () => {
  it('tests the draft on screen and leaves the stored settings as they were', async () => {
    const server = await startOpenAiChatServer(chatReplies(), { models: ['llama-test'] });
    closers.push(() => server.close());
    const report = await tests().test({ capability: 'interviewer', draft: { provider: 'openai-compatible', baseUrl: server.origin, model: 'llama-test' } });
    expect(report).toMatchObject({ ok: true, capabilities: { structuredOutput: 'json_schema' } });
    expect(settings.get().interviewer).toEqual({ provider: 'embedded' });
  });

  it('lists models for the picker, and answers UNAVAILABLE with a sentence when it cannot', async () => {
    const server = await startOpenAiChatServer(chatReplies(), { models: ['llama-test', 'qwen-test'] });
    closers.push(() => server.close());
    expect(await tests().models({ capability: 'interviewer', draft: { provider: 'openai-compatible', baseUrl: server.origin } })).toEqual({ models: ['llama-test', 'qwen-test'] });
    const failure = await tests()
      .models({ capability: 'interviewer', draft: { provider: 'openai-compatible', baseUrl: await closedPortOrigin() } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CallError);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^Could not reach the model server at 127\.0\.0\.1:\d+/) });
  });
});
