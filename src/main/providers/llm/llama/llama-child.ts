import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, setPriority } from 'node:os';
import { silentLogger, type Logger } from '../../../log';
import type { ChatMessage, TokenUsage } from '../language-model';
import { ModelError } from '../model-error';
import { LLAMA_CHILD_PROGRAM } from './llama-child-program';

export interface LlamaChildOptions {
  modelPath: string;
  contextSize: number;
  /** Threads for generation; default physical cores − 1 (the child decides), 1 in CI. */
  threads?: number | undefined;
  /** A model that has not loaded after this long is a runaway load: the child is ended. */
  loadTimeoutMs?: number;
  /** A request still unanswered after this long is a hang: the child is ended. */
  requestTimeoutMs?: number;
  /** The loaded model (gigabytes for a real one) is freed after this long without a request. */
  idleMs?: number;
  log?: Logger;
  /** For tests: another module to load in place of node-llama-cpp. */
  libraryPath?: string;
}

export interface LlamaChildRequest {
  kind: 'text' | 'structured';
  system: string;
  messages: readonly ChatMessage[];
  maxTokens: number;
  schema?: Record<string, unknown>;
  seed?: number;
}

export interface LlamaChild {
  /** Requests are answered one after another (one context sequence); rejects with a ModelError. */
  request(request: LlamaChildRequest, signal?: AbortSignal, onDelta?: (text: string) => void): Promise<{ text: string; usage: TokenUsage }>;
  /** Characters per token of the loaded model's tokenizer (English prose), once it has loaded; starts the child. */
  charsPerToken(): Promise<number>;
  /** Stops the child and frees the model's memory; the next request starts it again. */
  close(): void;
}

type ChildMessage = { id?: number; loaded?: true; threads?: number; charsPerToken?: number; delta?: string; text?: string; usage?: TokenUsage; failure?: 'addon' | 'load' | 'run' | 'cancelled' };

interface Pending {
  onDelta: ((text: string) => void) | undefined;
  finish(outcome: { result: { text: string; usage: TokenUsage } } | { error: ModelError }): void;
}

interface Running {
  process: ChildProcess;
  loaded: boolean;
  pending: Map<number, Pending>;
  loadTimer: NodeJS.Timeout;
  loadedSignal: { promise: Promise<number>; resolve(charsPerToken: number): void; reject(error: ModelError): void };
}

/** Below normal, so audio capture (in the app's own process) always wins the CPU. */
const CHILD_PRIORITY = 10;
const DEFAULTS = { loadTimeoutMs: 180_000, requestTimeoutMs: 240_000, idleMs: 10 * 60_000 };

/** The user-facing errors: the engine falls back to the built-in interviewer on each. */
export const LLAMA_FAILURES = {
  unsupported: () => new ModelError('NOT_CONFIGURED', 'The model runner for this computer is missing from this installation: reinstall the app or choose another interviewer in Settings.'),
  unloadable: () => new ModelError('BAD_REQUEST', 'The downloaded interviewer model could not be loaded: download it again or choose another model in Settings.'),
  crashed: () => new ModelError('SERVER_ERROR', 'The model on this computer stopped while answering.'),
  tooSlow: () => new ModelError('TIMEOUT', 'The model on this computer took too long to answer.'),
  cancelled: () => new ModelError('CANCELLED', 'The request was cancelled.'),
};

/**
 * node-llama-cpp in a child process of its own (DESIGN.md §10), kept between requests so the
 * model loads once. Why a process: llama.cpp aborts the whole process on some bad files and
 * asserts, and a load it cannot finish can take all the memory; in the app's own process
 * either would end the app. Here it costs one child, reported as a ModelError the failover
 * answers with the built-in interviewer. The child runs at a lower priority than the app.
 */
export function createLlamaChild(options: LlamaChildOptions): LlamaChild {
  const log = options.log ?? silentLogger;
  const limits = { ...DEFAULTS, ...options };
  let running: Running | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  const start = (): Running => {
    const config = { modelPath: options.modelPath, contextSize: options.contextSize, threads: threadsFor(options.threads), gpu: process.platform === 'darwin' && process.arch === 'arm64' ? 'metal' : false };
    const started = performance.now();
    const child: Running = {
      process: spawn(process.execPath, ['-e', LLAMA_CHILD_PROGRAM, options.libraryPath ?? resolveLibrary(), JSON.stringify(config)], {
        // llama.cpp prints what it loads and generates: it must not reach the host's log lines.
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        serialization: 'advanced',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        windowsHide: true,
      }),
      loaded: false,
      pending: new Map(),
      loadedSignal: signalled(),
      loadTimer: setTimeout(() => {
        log.warn('llama.load_timeout', { ms: limits.loadTimeoutMs });
        gone(child, LLAMA_FAILURES.unloadable());
      }, limits.loadTimeoutMs),
    };
    try {
      if (child.process.pid !== undefined) setPriority(child.process.pid, CHILD_PRIORITY);
    } catch {
      // Not permitted everywhere; a normal priority still works, only less politely.
    }
    child.process.on('message', (message: ChildMessage) => {
      if (message.loaded) {
        child.loaded = true;
        clearTimeout(child.loadTimer);
        child.loadedSignal.resolve(typeof message.charsPerToken === 'number' && message.charsPerToken > 0 ? message.charsPerToken : 1);
        log.info('llama.loaded', { ms: Math.round(performance.now() - started), threads: message.threads ?? null });
        return;
      }
      if (message.failure === 'addon' || message.failure === 'load') return gone(child, message.failure === 'addon' ? LLAMA_FAILURES.unsupported() : LLAMA_FAILURES.unloadable());
      const pending = message.id === undefined ? undefined : child.pending.get(message.id);
      if (!pending) return;
      if (typeof message.delta === 'string') pending.onDelta?.(message.delta);
      else if (typeof message.text === 'string' && message.usage) pending.finish({ result: { text: message.text, usage: message.usage } });
      else pending.finish({ error: message.failure === 'cancelled' ? LLAMA_FAILURES.cancelled() : LLAMA_FAILURES.crashed() });
    });
    child.process.on('exit', (code, signal) => {
      if (child.pending.size > 0) log.warn('llama.child_exited', { code, signal, loaded: child.loaded });
      // Dying before it said the model was loaded means the model killed it.
      gone(child, child.loaded ? LLAMA_FAILURES.crashed() : LLAMA_FAILURES.unloadable());
    });
    child.process.on('error', () => gone(child, LLAMA_FAILURES.unsupported()));
    return child;
  };

  /** Ends the child (if still running) and fails what it had. */
  const gone = (child: Running, error: ModelError): void => {
    clearTimeout(child.loadTimer);
    child.loadedSignal.reject(error);
    if (running === child) running = undefined;
    child.process.kill('SIGKILL');
    for (const pending of [...child.pending.values()]) pending.finish({ error });
  };

  const setBusy = (child: Running): void => {
    clearTimeout(idleTimer);
    // An idle child must not keep the app (or a test run) from exiting.
    if (child.pending.size > 0) {
      child.process.ref();
      child.process.channel?.ref();
      return;
    }
    child.process.unref();
    child.process.channel?.unref();
    if (running === child) idleTimer = setTimeout(() => running === child && gone(child, LLAMA_FAILURES.cancelled()), limits.idleMs).unref();
  };

  return {
    request(request, signal, onDelta) {
      if (signal?.aborted) return Promise.reject(LLAMA_FAILURES.cancelled());
      let child: Running;
      try {
        child = running ??= start();
      } catch {
        return Promise.reject(LLAMA_FAILURES.unsupported());
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          log.warn('llama.request_timeout', { ms: limits.requestTimeoutMs });
          gone(child, LLAMA_FAILURES.tooSlow());
        }, limits.requestTimeoutMs);
        const onAbort = (): void => {
          // The child stops generating at its next token and says 'cancelled'.
          if (child.process.connected) child.process.send({ cancel: id });
        };
        child.pending.set(id, {
          onDelta,
          finish(outcome) {
            if (!child.pending.delete(id)) return;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            setBusy(child);
            if ('result' in outcome) resolve(outcome.result);
            else reject(outcome.error);
          },
        });
        setBusy(child);
        signal?.addEventListener('abort', onAbort, { once: true });
        child.process.send({ id, ...request }, (error) => {
          if (error) child.pending.get(id)?.finish({ error: LLAMA_FAILURES.crashed() });
        });
      });
    },

    async charsPerToken() {
      let child: Running;
      try {
        child = running ??= start();
      } catch {
        throw LLAMA_FAILURES.unsupported();
      }
      setBusy(child);
      return child.loadedSignal.promise;
    },

    close() {
      clearTimeout(idleTimer);
      if (running) gone(running, LLAMA_FAILURES.cancelled());
    },
  };
}

function signalled(): Running['loadedSignal'] {
  let resolve!: (value: number) => void;
  let reject!: (error: ModelError) => void;
  const promise = new Promise<number>((yes, no) => ((resolve = yes), (reject = no)));
  // Only callers of charsPerToken() wait on it; a failed load is also reported to each request.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** CI machines are small and shared; elsewhere the child picks physical cores − 1. */
function threadsFor(setting: number | undefined): number | undefined {
  if (setting !== undefined) return Math.max(1, Math.min(setting, availableParallelism()));
  return process.env.CI ? 1 : undefined;
}

/** Resolved here, not in the child, which starts with no module path of its own. */
const resolveLibrary = (): string => createRequire(import.meta.url).resolve('node-llama-cpp');
