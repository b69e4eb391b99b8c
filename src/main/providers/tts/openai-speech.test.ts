import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWavHeader } from '../../audio/wav-format';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import {
  answerError,
  answerNever,
  answerWav,
  startSpeechServer,
  unusedBaseURL,
  type Answer,
  type SpeechServer,
} from '../../../../tests/support/tts/speech-server';
import { streamedToneWav, toneWav } from '../../../../tests/support/tts/test-wav';
import { createOpenAiSpeech, type OpenAiSpeechOptions } from './openai-speech';
import { SpeechSynthesisError } from './speech-synthesis-error';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';

/** The real `openai` client against a real loopback server speaking POST /v1/audio/speech. */
const KEY = 'sk-test-0123456789abcdef';
const QUESTION = 'How would you design a rate limiter for a public API?';

let dir: ReturnType<typeof makeTempDir>;
let server: SpeechServer | undefined;
beforeEach(() => {
  dir = makeTempDir('tts-openai');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  dir.remove();
});

const out = (): string => join(dir.path, 'question.wav');
const filesLeft = (): string[] => readdirSync(dir.path);

async function speechWith(answer: Answer, options: Partial<OpenAiSpeechOptions> = {}) {
  server = await startSpeechServer(answer);
  return createOpenAiSpeech({ apiKey: () => KEY, baseURL: server.baseURL, ...options });
}

const failureOf = (promise: Promise<unknown>): Promise<SpeechSynthesisError> => failureOfClass(promise, SpeechSynthesisError);

describe('OpenAI speech', () => {
  it('asks for WAV with the model, voice, text and key, and writes what comes back', async () => {
    const wav = toneWav(1_500);
    const speech = await speechWith(answerWav(wav));

    const { durationMs } = await speech.synthesize({ text: `  ${QUESTION}\n`, outputPath: out() });

    expect(server!.requests).toHaveLength(1);
    const [request] = server!.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/audio/speech' });
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.json).toEqual({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: QUESTION, response_format: 'wav' });
    expect(readFileSync(out()).equals(wav)).toBe(true);
    expect(durationMs).toBe(1_500);
    expect(filesLeft()).toEqual(['question.wav']);
  });

  it('uses the configured model and voice, and a voice named in the request over both', async () => {
    const speech = await speechWith(answerWav(toneWav(500)), { model: 'tts-1-hd', voice: 'nova' });

    await speech.synthesize({ text: QUESTION, outputPath: out() });
    await speech.synthesize({ text: QUESTION, outputPath: out(), voice: 'echo' });

    expect(server!.requests.map((r) => [r.json?.['model'], r.json?.['voice']])).toEqual([
      ['tts-1-hd', 'nova'],
      ['tts-1-hd', 'echo'],
    ]);
  });

  it('measures a streamed WAV by its length and writes the real sizes into its header', async () => {
    const speech = await speechWith(answerWav(streamedToneWav(1_200)));

    const { durationMs } = await speech.synthesize({ text: QUESTION, outputPath: out() });

    expect(durationMs).toBe(1_200);
    const written = readFileSync(out());
    expect(parseWavHeader(written).dataBytes).toBe(written.length - 44);
    expect(written.readUInt32LE(4)).toBe(written.length - 8);
  });

  it('goes through the injected fetch', async () => {
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const speech = await speechWith(answerWav(toneWav(300)), { fetch: recordingFetch });

    await speech.synthesize({ text: QUESTION, outputPath: out() });

    expect(seen).toEqual([`${server!.baseURL}/audio/speech`]);
  });

  it('reads the key at each request and asks nothing without one', async () => {
    const settings: { key?: string } = {};
    const speech = await speechWith(answerWav(toneWav(300)), { apiKey: () => settings.key });

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));
    expect(error.code).toBe('NOT_CONFIGURED');
    expect(server!.requests).toHaveLength(0);

    settings.key = 'sk-saved-later';
    await speech.synthesize({ text: QUESTION, outputPath: out() });
    expect(server!.requests[0]!.headers.authorization).toBe('Bearer sk-saved-later');
  });

  it('refuses empty text and text over the endpoint limit without asking', async () => {
    const speech = await speechWith(answerWav(toneWav(300)));

    expect((await failureOf(speech.synthesize({ text: '   ', outputPath: out() }))).code).toBe('EMPTY_TEXT');
    expect((await failureOf(speech.synthesize({ text: 'x'.repeat(4097), outputPath: out() }))).code).toBe('TEXT_TOO_LONG');
    expect(server!.requests).toHaveLength(0);
  });
});

describe('OpenAI speech failures', () => {
  it('401: UNAUTHORIZED, not retried, and the key is not repeated', async () => {
    const speech = await speechWith(answerError(401, `Incorrect API key provided: ${KEY}`, 'invalid_api_key'));

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain('Incorrect');
    expect(server!.requests).toHaveLength(1);
    expect(filesLeft()).toEqual([]);
  });

  it('429: RATE_LIMITED after one retry', async () => {
    const speech = await speechWith(answerError(429, 'Rate limit reached', 'rate_limit_exceeded'));

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('RATE_LIMITED');
    expect(server!.requests).toHaveLength(2);
    expect(filesLeft()).toEqual([]);
  });

  it('500: SERVER_ERROR after one retry', async () => {
    const speech = await speechWith(answerError(500, 'The server had an error'));

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('SERVER_ERROR');
    expect(server!.requests).toHaveLength(2);
    expect(filesLeft()).toEqual([]);
  });

  it('400: BAD_REQUEST (an unknown voice or model)', async () => {
    const speech = await speechWith(answerError(400, 'Invalid voice'));

    expect((await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }))).code).toBe('BAD_REQUEST');
  });

  it('no answer in time: TIMEOUT, and nothing left behind', async () => {
    const speech = await speechWith(answerNever, { timeoutMs: 400, maxRetries: 0 });
    const started = Date.now();

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(filesLeft()).toEqual([]);
  });

  it('audio that stops arriving: TIMEOUT, and the partial file is removed', async () => {
    const wav = toneWav(2_000);
    const speech = await speechWith(
      (res) => {
        res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.length) });
        res.write(wav.subarray(0, wav.length / 2));
      },
      { timeoutMs: 600, maxRetries: 0 },
    );

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('TIMEOUT');
    expect(filesLeft()).toEqual([]);
  });

  it('a connection cut mid-audio: BAD_RESPONSE, and the partial file is removed', async () => {
    const wav = toneWav(2_000);
    const speech = await speechWith((res) => {
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.length) });
      res.write(wav.subarray(0, wav.length / 2), () => res.socket?.destroy());
    });

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('BAD_RESPONSE');
    expect(filesLeft()).toEqual([]);
  });

  it.each([
    ['a JSON document', 'application/json', Buffer.from('{"ok":true}')],
    ['an HTML error page', 'text/html', Buffer.from('<html><body>Bad gateway</body></html>')],
    ['a WAV with no sound', 'audio/wav', toneWav(0)],
    ['an empty body', 'audio/wav', Buffer.alloc(0)],
  ])('200 with %s: BAD_RESPONSE and no file', async (_name, contentType, body) => {
    const speech = await speechWith((res) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    });

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('BAD_RESPONSE');
    expect(filesLeft()).toEqual([]);
  });

  it('cancelled while waiting: CANCELLED, and nothing left behind', async () => {
    const controller = new AbortController();
    const speech = await speechWith(() => controller.abort());

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out(), signal: controller.signal }));

    expect(error.code).toBe('CANCELLED');
    expect(server!.requests).toHaveLength(1);
    expect(filesLeft()).toEqual([]);
  });

  it('nothing listening: UNREACHABLE', async () => {
    const speech = createOpenAiSpeech({ apiKey: () => KEY, baseURL: await unusedBaseURL(), maxRetries: 0 });

    const error = await failureOf(speech.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('UNREACHABLE');
    expect(filesLeft()).toEqual([]);
  });
});
