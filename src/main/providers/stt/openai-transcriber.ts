import OpenAI, { toFile } from 'openai';
import type { SpeechToTextPort } from '../../engine/ports';
import { silentLogger, type Logger } from '../../log';
import { hostOf, isOnThisComputer, normaliseBaseUrl } from '../server-address';
import { readAnswerAudio } from './answer-audio';
import { badResponse, toTranscriptionError } from './openai-error-mapping';
import { cancelledError, TranscriptionError } from './transcription-error';

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface OpenAiTranscriberOptions {
  /** OpenAI itself, or any server speaking its transcription API (whisper servers, LM Studio…). */
  kind: 'openai' | 'openai-compatible';
  /** Required by OpenAI; optional for a compatible server, which then gets no Authorization header. */
  apiKey?: string | undefined;
  /** Required for a compatible server. For OpenAI, only tests and proxies set it. */
  baseURL?: string | undefined;
  /** Defaults to "whisper-1", which OpenAI knows and many compatible servers accept or ignore. */
  model?: string | undefined;
  /** For the whole request, upload included. */
  timeoutMs?: number;
  /** Retries inside the SDK; 0 by default, see below. */
  maxRetries?: number;
  /** STYLE.md §4: tests point the real client at a loopback server through this. */
  fetch?: FetchFunction;
  log?: Logger;
}

export const DEFAULT_OPENAI_TRANSCRIPTION_MODEL = 'whisper-1';
const OPENAI_BASE_URL = 'https://api.openai.com/v1';

// OpenAI transcribes a few minutes of speech in seconds. A compatible server is often a
// local whisper on the CPU, which can need a minute or more for a long answer.
const DEFAULT_TIMEOUT_MS = { openai: 60_000, 'openai-compatible': 180_000 } as const;

/**
 * No retries here by default: the engine decides whether to try again from
 * `TranscriptionError.retryable`, and retries at both levels would multiply the waits (each
 * engine attempt could take timeout × (1 + SDK retries) plus the SDK's back-off).
 */
const DEFAULT_MAX_RETRIES = 0;

/**
 * Transcription through the `openai` SDK (POST {baseURL}/audio/transcriptions, multipart with
 * `file` and `model`). The SDK is given every option it would otherwise read from the
 * environment (OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_LOG…), so the app's settings alone decide
 * where a recording goes.
 */
export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): SpeechToTextPort {
  const log = options.log ?? silentLogger;
  const model = options.model?.trim() || DEFAULT_OPENAI_TRANSCRIPTION_MODEL;
  const baseURL = options.kind === 'openai' ? (options.baseURL || OPENAI_BASE_URL) : normaliseBaseUrl(options.baseURL);
  const service = options.kind === 'openai' ? 'OpenAI' : `the transcription server at ${hostOf(baseURL)}`;
  let client: OpenAI | undefined;

  const missing = (): string | undefined => {
    if (options.kind === 'openai' && !options.apiKey) return 'OpenAI speech recognition needs an API key: add one in Settings.';
    if (options.kind === 'openai-compatible' && !baseURL) return 'Speech recognition with a compatible server needs its address (base URL): add it in Settings.';
    return undefined;
  };

  const clientFor = (): OpenAI =>
    (client ??= new OpenAI({
      // The SDK refuses to start without a key; a keyless compatible server gets this
      // placeholder, and the null Authorization below keeps it from being sent.
      apiKey: options.apiKey || 'no-key',
      defaultHeaders: options.apiKey ? {} : { Authorization: null },
      baseURL,
      organization: null,
      project: null,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS[options.kind],
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      logLevel: 'off',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }));

  return {
    name: options.kind,
    // A server on this computer (a local whisper) costs nothing per phrase; anything else may bill.
    liveTranscripts: options.kind === 'openai-compatible' && isOnThisComputer(baseURL),

    async availability() {
      const reason = missing();
      return reason ? { available: false, reason } : { available: true };
    },

    async transcribe({ wavPath, language, signal }) {
      const reason = missing();
      if (reason) throw new TranscriptionError('NOT_CONFIGURED', reason);
      if (signal?.aborted) throw cancelledError();
      const audio = await readAnswerAudio(wavPath);
      const started = performance.now();
      const languageCode = isoLanguage(language);
      try {
        const response: unknown = await clientFor().audio.transcriptions.create(
          {
            file: await toFile(audio.bytes, 'answer.wav', { type: 'audio/wav' }),
            model,
            response_format: 'json',
            ...(languageCode ? { language: languageCode } : {}),
          },
          signal ? { signal } : {},
        );
        const text = textOf(response);
        if (text === undefined) throw badResponse(service);
        log.info('stt.transcribed', { provider: options.kind, audioBytes: audio.sampleBytes, chars: text.length, ms: elapsed(started) });
        return { text };
      } catch (error) {
        const failure = toTranscriptionError(error, service, signal);
        log.warn('stt.failed', { provider: options.kind, code: failure.code, status: failure.status ?? null, ms: elapsed(started) });
        throw failure;
      }
    },
  };
}

/** The API takes ISO-639-1 codes; "en-GB" becomes "en", anything else is left to detection. */
function isoLanguage(language: string | undefined): string | undefined {
  const primary = language?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/** A server that ignores response_format may answer plain text; only `{ text }` is accepted. */
function textOf(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const text = (response as { text?: unknown }).text;
  return typeof text === 'string' ? text.trim() : undefined;
}

const elapsed = (started: number): number => Math.round(performance.now() - started);
