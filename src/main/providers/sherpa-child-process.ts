import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { silentLogger, type Logger } from '../log';

/** What a sherpa-onnx child says; see sherpa-child-program.ts. */
export type ChildMessage = { id: number; loaded?: true; failure?: 'addon' | 'load' | 'run' } & Record<string, unknown>;

/** The user-facing errors of one kind of child: each side writes its own sentences. */
export interface ChildFailures {
  /** The addon is missing or the process cannot start: not the model's fault. */
  unsupported(): Error;
  /** The model did not load, or the process died while loading it. */
  unloadable(): Error;
  /** The loaded model failed this request, or the process died while on it. */
  failed(): Error;
  cancelled(): Error;
}

export interface SherpaChildOptions {
  /** The loaded model (hundreds of MB for recognition, tens for a voice) is freed after this long without a request. */
  idleMs?: number;
  log?: Logger;
  /** For tests: another module to load in place of sherpa-onnx-node. */
  addonPath?: string;
}

/** What one kind of child does differently. */
export interface SherpaChildSpec<Request extends { config: unknown }, Result> {
  /** The child's program, from sherpaChildProgram(). */
  source: string;
  /** Names the engine in the error for a second request while one is running. */
  name: string;
  /** The child's answer as a result, or undefined when it is not a well-formed one. */
  result(message: ChildMessage): Result | undefined;
  failures: ChildFailures;
  /** Log events: when the model is loaded, and when the process dies mid-request (with `loadedField`). */
  events: { loaded: string; exited: string; loadedField: string };
  /** Requests with a different key than the running child's need a new process. */
  processKey?(request: Request): string;
}

export interface SherpaChild<Request, Result> {
  /** One request at a time; rejects with one of the spec's failures. */
  run(request: Request, signal?: AbortSignal): Promise<Result>;
  /** Whether sherpa-onnx-node is installed at all, without starting it. */
  installed(): boolean;
  /** Stops the child and frees its memory; the next request starts it again. */
  close(): void;
}

interface Child {
  process: ChildProcess;
  processKey: string;
  /** The config the child has loaded, once it said so. */
  loadedKey?: string;
}

interface Pending<Result> {
  id: number;
  key: string;
  child: Child;
  started: number;
  finish(outcome: { result: Result } | { error: Error }): void;
}

const DEFAULT_IDLE_MS = 5 * 60_000;

/**
 * sherpa-onnx in a child process of its own, kept between requests so the model loads once.
 *
 * Why a process, not in-process or a worker thread: sherpa-onnx's native code calls exit()
 * on some malformed files (a bad tokens.txt ends the process with status 255, past any
 * JavaScript handler; so do missing metadata and an espeak-ng data folder it cannot read),
 * and a native crash takes every thread of its process with it. In the app's own process
 * that would quit the app, and since an untranscribed recording is transcribed again on
 * resume, it would quit again at every start. Here it costs one child, reported as the
 * spec's `unloadable` failure. It also makes cancelling real (the child is killed, its CPU
 * freed) and lets the model's memory go when idle.
 *
 * The child is `process.execPath -e <source>` with ELECTRON_RUN_AS_NODE=1, which Electron's
 * binary honours by running as plain Node; under Node the variable means nothing.
 */
export function createSherpaChild<Request extends { config: unknown }, Result>(
  options: SherpaChildOptions,
  spec: SherpaChildSpec<Request, Result>,
): SherpaChild<Request, Result> {
  const { failures } = spec;
  const log = options.log ?? silentLogger;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  let child: Child | undefined;
  let pending: Pending<Result> | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  const start = (processKey: string): Child => {
    const started: Child = {
      processKey,
      process: spawn(process.execPath, ['-e', spec.source, options.addonPath ?? resolveAddon()], {
        // sherpa-onnx writes diagnostics, and text it cannot phonemise, to stdout and stderr:
        // they would break the host's JSON log lines and must not reach a log.
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        serialization: 'advanced',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        windowsHide: true,
      }),
    };
    started.process.on('message', (message: ChildMessage) => onMessage(started, message));
    started.process.on('exit', (code, signal) => onGone(started, { code, signal }));
    // Could not start at all, or lost its channel: not the model's fault.
    started.process.on('error', () => onGone(started, { code: null, signal: null, failure: failures.unsupported() }));
    return started;
  };

  const onMessage = (from: Child, message: ChildMessage): void => {
    if (!pending || pending.child !== from || message.id !== pending.id) return;
    if (message.loaded) {
      from.loadedKey = pending.key;
      log.info(spec.events.loaded, { ms: Math.round(performance.now() - pending.started) });
      return;
    }
    const result = spec.result(message);
    if (result !== undefined) pending.finish({ result });
    else if (message.failure === 'load') pending.finish({ error: failures.unloadable() });
    else if (message.failure === 'addon') pending.finish({ error: failures.unsupported() });
    else pending.finish({ error: failures.failed() });
  };

  const onGone = (gone: Child, how: { code: number | null; signal: NodeJS.Signals | null; failure?: Error }): void => {
    if (child === gone) child = undefined;
    if (pending?.child !== gone) return;
    const modelLoaded = gone.loadedKey === pending.key;
    log.warn(spec.events.exited, { code: how.code, signal: how.signal, [spec.events.loadedField]: modelLoaded });
    // Dying before it said the model was loaded means the model killed it.
    pending.finish({ error: how.failure ?? (modelLoaded ? failures.failed() : failures.unloadable()) });
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
    run(request, signal) {
      if (pending) return Promise.reject(new Error(`${spec.name} takes one request at a time`));
      if (signal?.aborted) return Promise.reject(failures.cancelled());
      clearTimeout(idleTimer);
      const processKey = spec.processKey?.(request) ?? '';
      if (child && child.processKey !== processKey) stop(child);
      let current: Child;
      try {
        current = child ??= start(processKey);
      } catch {
        return Promise.reject(failures.unsupported());
      }
      setBusy(current, true);
      const id = nextId++;
      return new Promise<Result>((resolve, reject) => {
        const onAbort = (): void => {
          // Killing is the only way to stop native work; the model loads again next time.
          stop(current);
          pending?.finish({ error: failures.cancelled() });
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
            if ('result' in outcome) resolve(outcome.result);
            else reject(outcome.error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        current.process.send({ id, ...request }, (error) => {
          if (error) pending?.finish({ error: failures.failed() });
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
      pending?.finish({ error: failures.cancelled() });
      stop(child);
    },
  };
}

/** Resolved here, not in the child, which starts with no module path of its own. */
const resolveAddon = (): string => createRequire(import.meta.url).resolve('sherpa-onnx-node');
