import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closedPortOrigin, jsonReply, startTranscriptionServer, type Reply, type TranscriptionServer } from '../../../../tests/support/stt/fake-transcription-server';
import { writeToneWav } from '../../../../tests/support/stt/test-wavs';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { createLogger } from '../../log';
import { createOpenAiTranscriber, type OpenAiTranscriberOptions } from './openai-transcriber';
import { TranscriptionError } from './transcription-error';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';

/**
 * Contract tests: the real `openai` SDK against a real loopback server that speaks the
 * transcription API and parses the multipart upload.
 */
const KEY = 'sk-test-key-123';
const TRANSCRIPT = 'I would shard the orders table by customer';

let temp: ReturnType<typeof makeTempDir>;
let wavPath: string;
let wavBytes: Buffer;
let server: TranscriptionServer | undefined;
let reply: (upload: Parameters<Parameters<typeof startTranscriptionServer>[0]>[0]) => Reply;

beforeEach(async () => {
  temp = makeTempDir('stt-openai');
  wavPath = join(temp.path, 'answer.wav');
  wavBytes = writeToneWav(wavPath, { ms: 300 });
  reply = () => jsonReply({ text: TRANSCRIPT });
  server = await startTranscriptionServer((upload) => reply(upload));
});

afterEach(async () => {
  await server?.close();
  temp.remove();
});

const openai = (options: Partial<OpenAiTranscriberOptions> = {}) =>
  createOpenAiTranscriber({ kind: 'openai', apiKey: KEY, baseURL: server!.baseURL, timeoutMs: 5_000, ...options });

/** The rejection of `promise`, which must reject with a TranscriptionError. */
const failureOf = (promise: Promise<unknown>): Promise<TranscriptionError> => failureOfClass(promise, TranscriptionError);

describe('OpenAI transcription against a loopback server', () => {
  it('uploads the WAV with the configured model and key, and returns the text', async () => {
    const transcriber = openai({ model: 'whisper-large-test' });

    const result = await transcriber.transcribe({ wavPath, language: 'en-GB' });

    expect(result).toEqual({ text: TRANSCRIPT });
    expect(server!.received).toHaveLength(1);
    const upload = server!.received[0]!;
    expect(upload.method).toBe('POST');
    expect(upload.path).toBe('/v1/audio/transcriptions');
    expect(upload.authorization).toBe(`Bearer ${KEY}`);
    expect(upload.fields.model).toBe('whisper-large-test');
    expect(upload.fields.response_format).toBe('json');
    expect(upload.fields.language).toBe('en');
    expect(upload.file?.name).toBe('answer.wav');
    expect(upload.file?.type).toBe('audio/wav');
    expect(upload.file?.bytes.equals(wavBytes)).toBe(true);
  });

  it('asks for whisper-1 when no model is set, and leaves the language to detection when none is given', async () => {
    await openai().transcribe({ wavPath });

    expect(server!.received[0]!.fields.model).toBe('whisper-1');
    expect(server!.received[0]!.fields).not.toHaveProperty('language');
  });

  it('maps 401 to UNAUTHORIZED without repeating what the server said (it may echo the key)', async () => {
    reply = () => jsonReply({ error: { message: `Incorrect API key provided: ${KEY}`, code: 'invalid_api_key' } }, 401);

    const error = await failureOf(openai().transcribe({ wavPath }));

    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(KEY);
    expect(error.message).toMatch(/key/i);
  });

  it('maps 429 to a retryable RATE_LIMITED carrying Retry-After', async () => {
    reply = () => ({ status: 429, body: JSON.stringify({ error: { message: 'slow down' } }), headers: { 'retry-after': '2' } });

    const error = await failureOf(openai().transcribe({ wavPath }));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2_000);
  });

  it('does not call a 429 for an empty account retryable', async () => {
    reply = () => jsonReply({ error: { message: 'You exceeded your current quota', code: 'insufficient_quota' } }, 429);

    const error = await failureOf(openai().transcribe({ wavPath }));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryable).toBe(false);
  });

  it('maps 500 to SERVER_ERROR and sends the request once: retrying is the engine’s call', async () => {
    reply = () => jsonReply({ error: { message: 'boom' } }, 500);

    const error = await failureOf(openai().transcribe({ wavPath }));

    expect(error.code).toBe('SERVER_ERROR');
    expect(error.retryable).toBe(true);
    expect(server!.received).toHaveLength(1);
  });

  it('maps 404 (wrong path or model) to BAD_REQUEST', async () => {
    reply = () => jsonReply({ error: { message: 'model not found' } }, 404);

    const error = await failureOf(openai().transcribe({ wavPath }));

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.retryable).toBe(false);
  });

  it('gives up with TIMEOUT on a server that never answers, within the configured timeout', async () => {
    reply = () => 'hang';
    const started = performance.now();

    const error = await failureOf(openai({ timeoutMs: 400 }).transcribe({ wavPath }));

    const elapsed = performance.now() - started;
    expect(error.code).toBe('TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(2_500);
    expect(server!.received).toHaveLength(1);
  });

  it('maps a closed port to UNREACHABLE', async () => {
    const error = await failureOf(openai({ baseURL: `${await closedPortOrigin()}/v1` }).transcribe({ wavPath }));

    expect(error.code).toBe('UNREACHABLE');
    expect(error.retryable).toBe(true);
  });

  it('maps malformed JSON to BAD_RESPONSE without quoting the body', async () => {
    reply = () => ({ status: 200, body: `{"text": "${TRANSCRIPT}` });

    const error = await failureOf(openai().transcribe({ wavPath }));

    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).not.toContain('shard');
  });

  it('maps an answer that is not { text } (plain text, or JSON without text) to BAD_RESPONSE', async () => {
    reply = () => ({ status: 200, body: TRANSCRIPT, contentType: 'text/plain' });
    expect((await failureOf(openai().transcribe({ wavPath }))).code).toBe('BAD_RESPONSE');

    reply = () => jsonReply({ transcript: TRANSCRIPT });
    expect((await failureOf(openai().transcribe({ wavPath }))).code).toBe('BAD_RESPONSE');
  });

  it('stops with CANCELLED when the signal aborts mid-request', async () => {
    reply = () => 'hang';
    const controller = new AbortController();
    const uploaded = server!.nextUpload();
    const started = performance.now();
    const transcription = openai({ timeoutMs: 10_000 }).transcribe({ wavPath, signal: controller.signal });

    await uploaded;
    controller.abort();
    const error = await failureOf(transcription);

    expect(error.code).toBe('CANCELLED');
    expect(error.retryable).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const error = await failureOf(openai().transcribe({ wavPath, signal: AbortSignal.abort() }));

    expect(error.code).toBe('CANCELLED');
    expect(server!.received).toHaveLength(0);
  });

  it('rejects a missing recording with BAD_AUDIO before sending anything', async () => {
    const error = await failureOf(openai().transcribe({ wavPath: join(temp.path, 'missing.wav') }));

    expect(error.code).toBe('BAD_AUDIO');
    expect(server!.received).toHaveLength(0);
  });

  it('logs ids, sizes and timings, never the transcript or the key', async () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));

    await openai({ log }).transcribe({ wavPath });
    reply = () => jsonReply({ error: { message: `Incorrect API key provided: ${KEY}` } }, 401);
    await failureOf(openai({ log }).transcribe({ wavPath }));

    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'stt.transcribed', provider: 'openai', chars: TRANSCRIPT.length });
    expect(JSON.parse(lines[1]!)).toMatchObject({ event: 'stt.failed', code: 'UNAUTHORIZED', status: 401 });
    expect(lines.join('\n')).not.toContain('shard');
    expect(lines.join('\n')).not.toContain(KEY);
  });
});

describe('availability', () => {
  it('OpenAI needs a key, and without one transcribe sends nothing', async () => {
    const transcriber = openai({ apiKey: undefined });

    const availability = await transcriber.availability();
    const error = await failureOf(transcriber.transcribe({ wavPath }));

    expect(availability).toEqual({ available: false, reason: expect.stringMatching(/API key/) });
    expect(error.code).toBe('NOT_CONFIGURED');
    expect(server!.received).toHaveLength(0);
    expect(await openai().availability()).toEqual({ available: true });
  });

  it('a compatible server needs a base URL', async () => {
    const transcriber = createOpenAiTranscriber({ kind: 'openai-compatible' });

    expect(await transcriber.availability()).toEqual({ available: false, reason: expect.stringMatching(/base URL/) });
    expect((await failureOf(transcriber.transcribe({ wavPath }))).code).toBe('NOT_CONFIGURED');
  });
});

describe('an OpenAI-compatible server', () => {
  it('works without a key: no Authorization header is sent, and a bare origin gets /v1', async () => {
    const transcriber = createOpenAiTranscriber({ kind: 'openai-compatible', baseURL: server!.origin, model: 'ggml-base.en' });

    expect(await transcriber.availability()).toEqual({ available: true });
    expect(await transcriber.transcribe({ wavPath })).toEqual({ text: TRANSCRIPT });
    expect(transcriber.name).toBe('openai-compatible');
    const upload = server!.received[0]!;
    expect(upload.path).toBe('/v1/audio/transcriptions');
    expect(upload.authorization).toBeUndefined();
    expect(upload.fields.model).toBe('ggml-base.en');
  });

  it('sends the key when one is set', async () => {
    await createOpenAiTranscriber({ kind: 'openai-compatible', baseURL: server!.baseURL, apiKey: 'lm-studio' }).transcribe({ wavPath });

    expect(server!.received[0]!.authorization).toBe('Bearer lm-studio');
  });

  it('names the server’s host, not its full URL, in messages', async () => {
    reply = () => jsonReply({ error: { message: 'boom' } }, 500);
    const baseURL = server!.baseURL.replace('http://', 'http://user:secret@');

    const error = await failureOf(createOpenAiTranscriber({ kind: 'openai-compatible', baseURL }).transcribe({ wavPath }));

    expect(error.message).toContain(new URL(server!.origin).host);
    expect(error.message).not.toContain('secret');
  });

  it('ignores OPENAI_* environment variables: the settings alone decide where audio goes', async () => {
    vi.stubEnv('OPENAI_BASE_URL', `${await closedPortOrigin()}/v1`);
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-environment');
    try {
      await createOpenAiTranscriber({ kind: 'openai-compatible', baseURL: server!.baseURL }).transcribe({ wavPath });
    } finally {
      vi.unstubAllEnvs();
    }

    expect(server!.received).toHaveLength(1);
    expect(server!.received[0]!.authorization).toBeUndefined();
  });
});

describe('live partial transcripts', () => {
  it('are offered for a server on this computer only: each phrase would cost money anywhere else', () => {
    const compatible = (baseURL: string) => createOpenAiTranscriber({ kind: 'openai-compatible', baseURL }).liveTranscripts;
    expect(compatible('http://127.0.0.1:8080/v1')).toBe(true);
    expect(compatible('http://localhost:9000')).toBe(true);
    expect(compatible('http://[::1]:9000/v1')).toBe(true);
    expect(compatible('https://api.groq.com/openai/v1')).toBe(false);
    expect(compatible('http://192.168.1.20:8080/v1')).toBe(false);
    expect(openai({ baseURL: 'http://127.0.0.1:1/v1' }).liveTranscripts).toBe(false);
  });
});
