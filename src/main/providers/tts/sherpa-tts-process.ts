import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { silentLogger, type Logger } from '../../log';
import { SHERPA_TTS_CHILD_SOURCE } from './sherpa-tts-child-source';
import { SpeechSynthesisError, cancelledError } from './speech-synthesis-error';

/** sherpa-onnx-node's OfflineTtsConfig, as far as a Piper (VITS) voice uses it. */
export interface OfflineTtsConfig {
  model: {
    vits: { model: string; tokens: string; dataDir: string };
    numThreads: number;
    provider: 'cpu';
    debug: 0;
  };
  /** Sentences run through the model one at a time, which bounds memory for long text. */
  maxNumSentences: number;
}

export interface SpeechRequest {
  config: OfflineTtsConfig;
  text: string;
  /** 1 is the voice's own pace; sherpa-onnx uses 1/speed as the model's length scale. */
  speed: number;
}

export interface GeneratedSpeech {
  samples: Float32Array;
  sampleRate: number;
}

/** What the Piper voice needs from a synthesizer. */
export interface SpeechEngine {
  /** One request at a time; rejects with a SpeechSynthesisError. */
  generate(request: SpeechRequest, signal?: AbortSignal): Promise<GeneratedSpeech>;
  /** Whether the engine is installed at all, without starting it. */
  installed(): boolean;
  /** Stops the engine and frees its memory; the next request starts it again. */
  close(): void;
}

export interface SherpaTtsProcessOptions {
  /** The loaded voice (tens of MB) is freed after this long without a request. */
  idleMs?: number;
  log?: Logger;
  /** For tests: another module to load in place of sherpa-onnx-node. */
  addonPath?: string;
}

type ChildMessage = { id: number; loaded?: true; samples?: Float32Array; sampleRate?: number; failure?: 'addon' | 'load' | 'generate' };

interface Child {
  process: ChildProcess;
  /** sherpa-onnx starts espeak-ng once per process (std::call_once) with the first data folder. */
  espeakDataDir: string;
  /** The config the child has loaded, once it said so. */
  loadedKey?: string;
}

interface Pending {
  id: number;
  key: string;
  child: Child;
  started: number;
  finish(outcome: { speech: GeneratedSpeech } | { error: SpeechSynthesisError }): void;
}

export const DEFAULT_TTS_IDLE_MS = 5 * 60_000;
const UNSUPPORTED = 'Natural voices do not work on this computer: choose another voice in Settings.';
const unsupported = (): SpeechSynthesisError => new SpeechSynthesisError('NOT_AVAILABLE', UNSUPPORTED);
const voiceUnloadable = (): SpeechSynthesisError =>
  new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice could not be loaded: it may be damaged, so download it again in Settings.');
const generateFailed = (): SpeechSynthesisError => new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice did not produce any audio for this question.');

/**
 * sherpa-onnx's OfflineTts in a child process of its own, kept between requests so the voice
 * loads once, for the reasons given in stt/sherpa-process.ts: its native code calls exit()
 * on malformed files (tokens.txt, missing metadata, an espeak-ng data folder it cannot
 * read), which here costs a child rather than the app; killing the child is the only way
 * to stop a native synthesis; and the voice's memory goes when it is idle.
 *
 * The child is `process.execPath -e <source>` with ELECTRON_RUN_AS_NODE=1, which Electron's
 * binary honours by running as plain Node; under Node the variable means nothing. Its
 * stdout and stderr are discarded: sherpa-onnx prints text it cannot phonemise there.
 */
export function createSherpaTtsProcess(options: SherpaTtsProcessOptions = {}): SpeechEngine {
  const log = options.log ?? silentLogger;
  const idleMs = options.idleMs ?? DEFAULT_TTS_IDLE_MS;
  let child: Child | undefined;
  let pending: Pending | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  const start = (espeakDataDir: string): Child => {
    const started: Child = {
      espeakDataDir,
      process: spawn(process.execPath, ['-e', SHERPA_TTS_CHILD_SOURCE, options.addonPath ?? resolveAddon()], {
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        serialization: 'advanced',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        windowsHide: true,
      }),
    };
    started.process.on('message', (message: ChildMessage) => onMessage(started, message));
    started.process.on('exit', (code, signal) => onGone(started, { code, signal }));
    // Could not start at all, or lost its channel: not the voice's fault.
    started.process.on('error', () => onGone(started, { code: null, signal: null, failure: unsupported() }));
    return started;
  };

  const onMessage = (from: Child, message: ChildMessage): void => {
    if (!pending || pending.child !== from || message.id !== pending.id) return;
    if (message.loaded) {
      from.loadedKey = pending.key;
      log.info('tts.local.voice_loaded', { ms: Math.round(performance.now() - pending.started) });
    } else if (message.samples instanceof Float32Array && typeof message.sampleRate === 'number') {
      pending.finish({ speech: { samples: message.samples, sampleRate: message.sampleRate } });
    } else if (message.failure === 'load') pending.finish({ error: voiceUnloadable() });
    else if (message.failure === 'addon') pending.finish({ error: unsupported() });
    else pending.finish({ error: generateFailed() });
  };

  const onGone = (gone: Child, how: { code: number | null; signal: NodeJS.Signals | null; failure?: SpeechSynthesisError }): void => {
    if (child === gone) child = undefined;
    if (pending?.child !== gone) return;
    log.warn('tts.local.process_exited', { code: how.code, signal: how.signal, voiceLoaded: gone.loadedKey === pending.key });
    // Dying before it said the voice was loaded means the voice (or its data) killed it.
    pending.finish({ error: how.failure ?? (gone.loadedKey === pending.key ? generateFailed() : voiceUnloadable()) });
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
    generate(request, signal) {
      if (pending) return Promise.reject(new Error('sherpa-tts-process takes one request at a time'));
      if (signal?.aborted) return Promise.reject(cancelledError());
      clearTimeout(idleTimer);
      const espeakDataDir = request.config.model.vits.dataDir;
      if (child && child.espeakDataDir !== espeakDataDir) stop(child);
      let current: Child;
      try {
        current = child ??= start(espeakDataDir);
      } catch {
        return Promise.reject(unsupported());
      }
      setBusy(current, true);
      const id = nextId++;
      return new Promise<GeneratedSpeech>((resolve, reject) => {
        const onAbort = (): void => {
          // Killing is the only way to stop a native synthesis; the voice loads again next time.
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
            if ('speech' in outcome) resolve(outcome.speech);
            else reject(outcome.error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        current.process.send({ id, config: request.config, text: request.text, speed: request.speed }, (error) => {
          if (error) pending?.finish({ error: generateFailed() });
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
