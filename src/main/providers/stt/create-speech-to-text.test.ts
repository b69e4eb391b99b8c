import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretName } from '../../../shared/protocol';
import { jsonReply, startTranscriptionServer, type TranscriptionServer } from '../../../../tests/support/stt/fake-transcription-server';
import { writeToneWav } from '../../../../tests/support/stt/test-wavs';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { createSpeechToText, type SpeechToTextContext } from './create-speech-to-text';
import { NO_MODEL_REASON } from './local-transcriber';
import type { FetchFunction } from './openai-transcriber';
import { createSpeechToTextSource } from './speech-to-text-source';

let temp: ReturnType<typeof makeTempDir>;
let wavPath: string;
let server: TranscriptionServer;
/** Every URL the providers asked for, before being sent to the loopback server. */
let requestedUrls: string[];

beforeEach(async () => {
  temp = makeTempDir('stt-factory');
  wavPath = join(temp.path, 'answer.wav');
  writeToneWav(wavPath);
  server = await startTranscriptionServer(() => jsonReply({ text: 'transcribed' }));
  requestedUrls = [];
});
afterEach(async () => {
  await server.close();
  temp.remove();
});

/** The injected fetch (STYLE.md §4): notes the real URL, then delivers to the loopback server. */
const toLoopback: FetchFunction = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input);
  // The SDK first probes a custom fetch's FormData support with fetch('data:,').
  if (url.protocol === 'data:') return fetch(input, init);
  requestedUrls.push(url.href);
  return fetch(`${server.origin}${url.pathname}${url.search}`, init);
};

const SECRETS: Partial<Record<SecretName, string>> = { openai: 'sk-openai', openaiCompatible: 'compat-key', anthropic: 'sk-ant' };

const context = (overrides: Partial<SpeechToTextContext> = {}): SpeechToTextContext => ({
  secret: (name) => SECRETS[name],
  localModelDirectory: undefined,
  fetch: toLoopback,
  ...overrides,
});

describe('createSpeechToText', () => {
  it('none: says recognition is off, and transcribe rejects', async () => {
    const port = createSpeechToText({ provider: 'none' }, context());

    expect(port.name).toBe('none');
    expect(await port.availability()).toEqual({ available: false, reason: expect.stringMatching(/turned off/) });
    await expect(port.transcribe({ wavPath })).rejects.toMatchObject({ code: 'NOT_CONFIGURED', retryable: false });
  });

  it('openai: sends to OpenAI with the "openai" key and the chosen model, ignoring baseUrl', async () => {
    const port = createSpeechToText({ provider: 'openai', model: 'gpt-4o-mini-transcribe', baseUrl: 'http://127.0.0.1:9/v1' }, context());

    expect(port.name).toBe('openai');
    expect(await port.transcribe({ wavPath })).toEqual({ text: 'transcribed' });
    expect(requestedUrls).toEqual(['https://api.openai.com/v1/audio/transcriptions']);
    expect(server.received[0]!.authorization).toBe('Bearer sk-openai');
    expect(server.received[0]!.fields.model).toBe('gpt-4o-mini-transcribe');
  });

  it('openai without a stored key is unavailable', async () => {
    const port = createSpeechToText({ provider: 'openai' }, context({ secret: () => undefined }));

    expect(await port.availability()).toEqual({ available: false, reason: expect.stringMatching(/API key/) });
  });

  it('openai-compatible: sends to the base URL with the "openaiCompatible" key', async () => {
    const port = createSpeechToText({ provider: 'openai-compatible', baseUrl: 'http://localhost:1234/v1', model: 'whisper-small' }, context());

    expect(port.name).toBe('openai-compatible');
    expect(await port.transcribe({ wavPath })).toEqual({ text: 'transcribed' });
    expect(requestedUrls).toEqual(['http://localhost:1234/v1/audio/transcriptions']);
    expect(server.received[0]!.authorization).toBe('Bearer compat-key');
    expect(server.received[0]!.fields.model).toBe('whisper-small');
  });

  it('openai-compatible without a base URL is unavailable', async () => {
    const port = createSpeechToText({ provider: 'openai-compatible' }, context());

    expect(await port.availability()).toEqual({ available: false, reason: expect.stringMatching(/base URL/) });
  });

  it('local: uses the installed model folder', async () => {
    const port = createSpeechToText({ provider: 'local' }, context());

    expect(port.name).toBe('local');
    expect(await port.availability()).toEqual({ available: false, reason: NO_MODEL_REASON });
  });
});

describe('createSpeechToTextSource', () => {
  it('keeps the provider while the choice stays the same, and builds a new one when it changes', () => {
    let settings: Parameters<typeof createSpeechToText>[0] = { provider: 'local' };
    const secrets: Partial<Record<SecretName, string>> = { openai: 'sk-1' };
    let built = 0;
    const source = createSpeechToTextSource(() => settings, context({ secret: (name) => secrets[name] }), (chosen, given) => {
      built++;
      return createSpeechToText(chosen, given);
    });

    const local = source();
    expect(source()).toBe(local);
    expect(built).toBe(1);

    settings = { provider: 'openai' };
    const openai = source();
    expect(openai.name).toBe('openai');
    expect(source()).toBe(openai);

    secrets.openai = 'sk-2';
    expect(source()).not.toBe(openai);

    settings = { provider: 'openai', model: 'gpt-4o-transcribe' };
    source();
    expect(built).toBe(4);
  });
});
