import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { silentLogger, type Logger } from '../../log';
import { SHERPA_CHILD_SOURCE } from './sherpa-child-source';
import type { OfflineRecognizerConfig } from './sherpa-recognizer-config';
import { cancelledError, TranscriptionError } from './transcription-error';

export interface RecognitionRequest {
  config: OfflineRecognizerConfig;
  samples: Float32Array;
  sampleRate: number;
}

/** What the local transcriber needs from a recognizer. */
export interface RecognitionEngine {
  /** One request at a time; resolves with the raw text, rejects with a TranscriptionError. */
  recognize(request: RecognitionRequest, signal?: AbortSignal): Promise<string>;
  /** Whether the engine is installed at all, without starting it. */
  installed(): boolean;
  /** Stops the engine and frees its memory; the next request starts it again. */
  close(): void;
}

export interface SherpaProcessOptions {
  /** The loaded model (hundreds of MB) is freed after this long without a request. */
  idleMs?: number;
  log?: Logger;
  /** For tests: another module to load in place of sherpa-onnx-node. */
  addonPath?: string;
}

type ChildMessage = { id: number; loaded?: true; text?: string; failure?: 'addon' | 'load' | 'decode' };

interface Child {
  process: ChildProcess;
  /** The config the child has loaded, once it said so. */
  loadedKey?: string;
}

interface Pending {
  id: number;
  key: string;
  child: Child;
  started: number;
  finish(outcome: { text: string } | { error: TranscriptionError }): void;
}

const DEFAULT_IDLE_MS = 5 * 60_000;
const UNSUPPORTED = 'Local speech recognition does not work on this computer: choose another provider in Settings.';
const modelUnloadable = (): TranscriptionError =>
  new TranscriptionError('BAD_MODEL', 'The speech model could not be loaded: it may be damaged, so download it again in Settings.');
const decodeFailed = (): TranscriptionError => new TranscriptionError('RECOGNITION_FAILED', 'The speech model could not transcribe the recording.');

/**
 * sherpa-onnx in a child process of its own, kept between requests so the model loads once.
 *
 * Why a process, not in-process or a worker thread: sherpa-onnx's native code calls exit()
 * on some malformed model files (a bad tokens.txt ends the process with status 255, past any
 * JavaScript handler), and a native crash takes every thread of its process with it. In the
 * app's own process that would quit the app, and since an untranscribed recording is
 * transcribed again on resume, it would quit again at every start. Here it costs one child,
 * reported as BAD_MODEL. It also makes cancelling real (the child is killed, its CPU freed)
 * and lets the model's memory go when idle.
 *
 * The child is `process.execPath -e <source>` with ELECTRON_RUN_AS_NODE=1, which Electron's
 * binary honours by running as plain Node; under Node the variable means nothing.
 */
export function createSherpaProcess(options: SherpaProcessOptions = {}): RecognitionEngine {
  const log = options.log ?? silentLogger;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  let child: Child | undefined;
  let pending: Pending | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  const start = (): Child => {
    const started: Child = {
      process: spawn(process.execPath, ['-e', SHERPA_CHILD_SOURCE, options.addonPath ?? resolveAddon()], {
        // sherpa-onnx writes diagnostics to stderr; they would break the host's JSON log lines.
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        serialization: 'advanced',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        windowsHide: true,
      }),
    };
    started.process.on('message', (message: ChildMessage) => onMessage(started, message));
    started.process.on('exit', (code, signal) => onGone(started, { code, signal }));
    // Could not start at all, or lost its channel: not the model's fault.
    started.process.on('error', () => onGone(started, { code: null, signal: null, failure: new TranscriptionError('RECOGNITION_FAILED', UNSUPPORTED) }));
    return started;
  };

  const onMessage = (from: Child, message: ChildMessage): void => {
    if (!pending || pending.child !== from || message.id !== pending.id) return;
    if (message.loaded) {
      from.loadedKey = pending.key;
      log.info('stt.local.model_loaded', { ms: Math.round(performance.now() - pending.started) });
    } else if (typeof message.text === 'string') pending.finish({ text: message.text });
    else if (message.failure === 'load') pending.finish({ error: modelUnloadable() });
    else if (message.failure === 'addon') pending.finish({ error: new TranscriptionError('RECOGNITION_FAILED', UNSUPPORTED) });
    else pending.finish({ error: decodeFailed() });
  };

  const onGone = (gone: Child, how: { code: number | null; signal: NodeJS.Signals | null; failure?: TranscriptionError }): void => {
    if (child === gone) child = undefined;
    if (pending?.child !== gone) return;
    log.warn('stt.local.process_exited', { code: how.code, signal: how.signal, modelLoaded: gone.loadedKey === pending.key });
    // Dying before it said the model was loaded means the model killed it.
    pending.finish({ error: how.failure ?? (gone.loadedKey === pending.key ? decodeFailed() : modelUnloadable()) });
  };

  const stop = (target: Child | undefined): void => {
    if (!target) return;
    if (child === target) child = undefined;
    target.process.kill('SIGKILL');
  };

  const setBusy = (target: Child, busy: boolean): void => {
    // An idle child must not keep the app (or a test run) from exiting.
    if (busy) {
      target.process.ref();
      target.process.channel?.ref();
    } else {
      target.process.unref();
      target.process.channel?.unref();
    }
  };

  return {
    recognize(request, signal) {
      if (pending) return Promise.reject(new Error('sherpa-process takes one request at a time'));
      if (signal?.aborted) return Promise.reject(cancelledError());
      clearTimeout(idleTimer);
      let current: Child;
      try {
        current = child ??= start();
      } catch {
        return Promise.reject(new TranscriptionError('RECOGNITION_FAILED', UNSUPPORTED));
      }
      setBusy(current, true);
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        const onAbort = (): void => {
          // Killing is the only way to stop a native decode; the model loads again next time.
          stop(current);
          pending?.finish({ error: cancelledError() });
        };
        pending = {
          id,
          key: JSON.stringify(request.config),
          child: current,
          started: performance.now(),
          finish(outcome) {
            if (pending?.id !== id) return;
            pending = undefined;
            signal?.removeEventListener('abort', onAbort);
            setBusy(current, false);
            if (child === current) idleTimer = setTimeout(() => stop(current), idleMs).unref();
            if ('text' in outcome) resolve(outcome.text);
            else reject(outcome.error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        current.process.send({ id, ...request }, (error) => {
          if (error) pending?.finish({ error: decodeFailed() });
        });
      });
    },

    installed() {
      try {
        return Boolean(options.addonPath ?? resolveAddon());
      } catch {
        return false;
      }
    },

    close() {
      clearTimeout(idleTimer);
      pending?.finish({ error: cancelledError() });
      stop(child);
    },
  };
}

/** Resolved here, not in the child, which starts with no module path of its own. */
const resolveAddon = (): string => createRequire(import.meta.url).resolve('sherpa-onnx-node');
