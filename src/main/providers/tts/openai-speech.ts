import { open, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import OpenAI, { type ClientOptions } from 'openai';
import type { TextToSpeechPort } from '../../engine/ports';
import { speechErrorFromOpenAi, type FailureContext } from './openai-speech-errors';
import { SpeechSynthesisError, cancelledError, emptyTextError } from './speech-synthesis-error';
import { InvalidSpeechFileError, commitSpeechWav, partialPathFor } from './spoken-wav-file';

export interface OpenAiSpeechOptions {
  /** Read at every request, so a key saved after start is used and a removed one is not. */
  apiKey: () => string | undefined;
  model?: string | undefined;
  voice?: string | undefined;
  /** For tests and compatible servers; the real OpenAI otherwise. */
  baseURL?: string | undefined;
  /** Injected so tests can point the real client at a loopback server (STYLE.md §4). */
  fetch?: ClientOptions['fetch'];
  /** Whole-request limit, retries included. */
  timeoutMs?: number;
  maxRetries?: number;
}

export const DEFAULT_OPENAI_SPEECH_MODEL = 'gpt-4o-mini-tts';
export const DEFAULT_OPENAI_SPEECH_VOICE = 'alloy';
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** The speech endpoint's own limit on `input`. */
export const OPENAI_SPEECH_MAX_CHARS = 4096;
const DEFAULT_TIMEOUT_MS = 30_000;
/** One retry: a question that takes longer than that to voice is better shown than awaited. */
const DEFAULT_MAX_RETRIES = 1;
/** Far above five minutes of 24 kHz speech (about 14 MB); anything bigger is not speech. */
const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** OpenAI speech (`POST /v1/audio/speech`, `response_format: 'wav'`) written to a WAV file. */
export function createOpenAiSpeech(options: OpenAiSpeechOptions): TextToSpeechPort {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    name: 'openai',

    async synthesize(request) {
      const input = request.text.trim();
      if (!input) throw emptyTextError();
      if (input.length > OPENAI_SPEECH_MAX_CHARS) {
        throw new SpeechSynthesisError('TEXT_TOO_LONG', `OpenAI speaks at most ${OPENAI_SPEECH_MAX_CHARS} characters at a time; this question is longer.`);
      }
      const apiKey = options.apiKey();
      if (!apiKey) throw new SpeechSynthesisError('NOT_CONFIGURED', 'OpenAI speech needs an OpenAI API key. Add one in Settings, or use the system voice.');
      if (request.signal?.aborted) throw cancelledError();

      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
      const outputPath = resolve(request.outputPath);
      const partialPath = partialPathFor(outputPath);
      const context: FailureContext = { cancelled: false, timedOut: false, timeoutMs, phase: 'request' };

      try {
        const response = await clientFor(apiKey, options, timeoutMs).audio.speech.create(
          {
            model: options.model ?? DEFAULT_OPENAI_SPEECH_MODEL,
            voice: request.voice ?? options.voice ?? DEFAULT_OPENAI_SPEECH_VOICE,
            input,
            response_format: 'wav',
          },
          { signal },
        );
        context.phase = 'body';
        await writeBody(response, partialPath, signal);
        return await commitSpeechWav(partialPath, outputPath);
      } catch (error) {
        await rm(partialPath, { force: true });
        context.cancelled = request.signal?.aborted ?? false;
        context.timedOut = !context.cancelled && deadline.aborted;
        throw speechErrorFromOpenAi(error, context);
      }
    },
  };
}

/**
 * A client per request: the key is read fresh and not kept. Everything the client would take
 * from the environment (OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_LOG, …) is set here instead,
 * so the app behaves the same on every machine and the library never logs a request.
 */
function clientFor(apiKey: string, options: OpenAiSpeechOptions, timeoutMs: number): OpenAI {
  return new OpenAI({
    apiKey,
    baseURL: options.baseURL ?? OPENAI_BASE_URL,
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** Streams the body to disk, so a long answer is never held in memory whole. */
async function writeBody(response: Response, path: string, signal: AbortSignal): Promise<void> {
  if (!response.body) throw new InvalidSpeechFileError('empty body');
  const file = await open(path, 'wx', 0o600);
  try {
    let total = 0;
    for await (const chunk of response.body) {
      signal.throwIfAborted();
      total += chunk.byteLength;
      if (total > MAX_RESPONSE_BYTES) throw new InvalidSpeechFileError('too large to be speech');
      await file.write(chunk);
    }
  } finally {
    await file.close();
  }
}
