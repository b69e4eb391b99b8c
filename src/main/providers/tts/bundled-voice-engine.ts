import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { silentLogger, type Logger } from '../../log';
import { bundledEspeakModule } from './bundled-espeak-package';
import { BUNDLED_VOICE_WORKER_SOURCE } from './bundled-voice-worker-source';
import { SpeechSynthesisError, cancelledError, timeoutError } from './speech-synthesis-error';

export interface BundledSpeechRequest {
  /** Already made speakable (speakable-text.ts). */
  text: string;
  voice?: string | undefined;
  wordsPerMinute: number;
}

export interface BundledSpeech {
  /** 16-bit mono PCM. */
  samples: Int16Array;
  sampleRate: number;
  /** The requested voice is not one of espeak-ng's, so its default English voice spoke. */
  usedDefaultVoice: boolean;
}

/** espeak-ng compiled to WebAssembly, in a worker thread kept between questions. */
export interface BundledSpeechEngine {
  /** Requests are spoken one at a time, in order; rejects with a SpeechSynthesisError. */
  speak(request: BundledSpeechRequest, signal?: AbortSignal): Promise<BundledSpeech>;
  /** Whether the engine's files are in this copy of the app, without starting it. */
  installed(): boolean;
  /** How many times a worker has loaded the engine: once, until it is freed or crashes. */
  loads(): number;
  /** Stops the worker and frees its memory; the next request starts it again. */
  close(): void;
}

export interface BundledSpeechEngineOptions {
  /** The loaded engine (45–90 MB of the process's memory) is freed after this long without a request. */
  idleMs?: number;
  /** Per request, from when the worker is given it; a stuck worker is stopped. */
  timeoutMs?: number;
  log?: Logger;
  /** For tests: another module to load in place of the bundled espeak-ng (bundled-espeak-package.ts). */
  modulePath?: string;
}

type WorkerMessage =
  | { type: 'loaded'; ms: number; rssGrowthBytes: number }
  | { id: number; samples?: Int16Array; sampleRate?: number; usedDefaultVoice?: boolean; cancelled?: true; failure?: 'load' | 'synthesis' };

interface Thread {
  worker: Worker;
  /** Shared with the worker: the id of a request it should stop speaking. */
  cancel: Int32Array;
  loaded: boolean;
}

interface Job {
  id: number;
  request: BundledSpeechRequest;
  signal: AbortSignal | undefined;
  thread?: Thread;
  timer?: NodeJS.Timeout;
  settle(outcome: { speech: BundledSpeech } | { error: SpeechSynthesisError }): void;
}

const DEFAULT_IDLE_MS = 5 * 60_000;
const DEFAULT_TIMEOUT_MS = 60_000;
const MB = 1024 * 1024;

const notLoadable = (): SpeechSynthesisError =>
  new SpeechSynthesisError('NOT_AVAILABLE', 'The built-in voice could not be started on this computer; choose OpenAI speech in Settings.');
const stoppedSpeaking = (): SpeechSynthesisError =>
  new SpeechSynthesisError('SYNTHESIS_FAILED', 'The built-in voice stopped while speaking this question.');

/**
 * Why a worker thread: synthesis is synchronous WebAssembly (up to 300 ms for a 4-second
 * question while it warms up, 20–40 ms after), which on the main process's event loop would
 * freeze the app's messages while it runs. Why not a child process like speech recognition (sherpa-child-process.ts): this is pure
 * WebAssembly with no native code that could exit the process, so a thread is enough, and it
 * starts in a fraction of the time.
 */
export function createBundledSpeechEngine(options: BundledSpeechEngineOptions = {}): BundledSpeechEngine {
  const log = options.log ?? silentLogger;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Resolved here, not in the worker, which starts with no module path of its own.
  const modulePath = (): string => options.modulePath ?? bundledEspeakModule();
  let thread: Thread | undefined;
  let current: Job | undefined;
  const waiting: Job[] = [];
  let nextId = 1;
  let loads = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const start = (): Thread => {
    const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const started: Thread = {
      worker: new Worker(BUNDLED_VOICE_WORKER_SOURCE, { eval: true, workerData: { modulePath: modulePath(), cancel }, stdout: true, stderr: true }),
      cancel: new Int32Array(cancel),
      loaded: false,
    };
    // Whatever the engine prints is not for the host's log lines: read and dropped.
    started.worker.stdout.resume();
    started.worker.stderr.resume();
    started.worker.on('message', (message: WorkerMessage) => onMessage(started, message));
    // Without an 'error' listener an exception in the worker would be thrown in the app itself.
    started.worker.on('error', () => onGone(started));
    started.worker.on('exit', () => onGone(started));
    return started;
  };

  const onMessage = (from: Thread, message: WorkerMessage): void => {
    if ('type' in message) {
      from.loaded = true;
      loads += 1;
      log.info('tts.bundled.loaded', { ms: message.ms, rssGrowthMb: Math.round(message.rssGrowthBytes / MB) });
      return;
    }
    const job = current;
    if (!job || job.thread !== from || job.id !== message.id) return;
    if (message.samples && message.sampleRate) {
      job.settle({ speech: { samples: message.samples, sampleRate: message.sampleRate, usedDefaultVoice: message.usedDefaultVoice === true } });
    } else if (message.failure === 'load') {
      // Start afresh next time rather than keep a worker that has nothing loaded.
      stop(from);
      job.settle({ error: notLoadable() });
    } else if (message.failure === 'synthesis') {
      job.settle({ error: new SpeechSynthesisError('SYNTHESIS_FAILED', 'The built-in voice failed to speak this question.') });
    }
  };

  const onGone = (gone: Thread): void => {
    if (thread === gone) thread = undefined;
    const job = current;
    if (job?.thread !== gone) return;
    log.warn('tts.bundled.worker_exited', { loaded: gone.loaded });
    job.settle({ error: gone.loaded ? stoppedSpeaking() : notLoadable() });
  };

  const stop = (target: Thread | undefined): void => {
    if (!target) return;
    if (thread === target) thread = undefined;
    void target.worker.terminate();
  };

  /** Gives the next waiting request to the worker, starting one if there is none. */
  const pump = (): void => {
    if (current) return;
    const job = waiting.shift();
    if (!job) {
      // An idle worker must not keep the app (or a test run) from exiting.
      if (thread) {
        thread.worker.unref();
        const idle = thread;
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => stop(idle), idleMs).unref();
      }
      return;
    }
    clearTimeout(idleTimer);
    try {
      thread ??= start();
    } catch {
      job.settle({ error: notLoadable() });
      return;
    }
    current = job;
    job.thread = thread;
    thread.worker.ref();
    const busy = thread;
    job.timer = setTimeout(() => {
      // Past the limit the worker is presumed stuck: only stopping it frees its CPU.
      stop(busy);
      job.settle({ error: timeoutError(timeoutMs) });
    }, timeoutMs);
    const { text, voice, wordsPerMinute } = job.request;
    thread.worker.postMessage({ id: job.id, text, voice, wordsPerMinute });
  };

  return {
    speak(request, signal) {
      if (signal?.aborted) return Promise.reject(cancelledError());
      return new Promise<BundledSpeech>((resolve, reject) => {
        const onAbort = (): void => {
          // The worker stops at its next chunk of audio and stays loaded for the next question.
          if (job.thread) Atomics.store(job.thread.cancel, 0, job.id);
          job.settle({ error: cancelledError() });
        };
        let settled = false;
        const job: Job = {
          id: nextId++,
          request,
          signal,
          settle(outcome) {
            if (settled) return;
            settled = true;
            clearTimeout(job.timer);
            signal?.removeEventListener('abort', onAbort);
            const queued = waiting.indexOf(job);
            if (queued >= 0) waiting.splice(queued, 1);
            if ('speech' in outcome) resolve(outcome.speech);
            else reject(outcome.error);
            if (current === job) current = undefined;
            pump();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(job);
        pump();
      });
    },

    installed() {
      try {
        const path = modulePath();
        // The module reads espeak-ng.data from beside itself when it loads.
        return existsSync(path) && (options.modulePath !== undefined || existsSync(join(dirname(path), 'espeak-ng.data')));
      } catch {
        return false;
      }
    },

    loads: () => loads,

    close() {
      // Taken out of the queue first, so settling one does not hand the next to the worker.
      for (const job of waiting.splice(0)) job.settle({ error: cancelledError() });
      current?.settle({ error: cancelledError() });
      clearTimeout(idleTimer);
      stop(thread);
    },
  };
}
