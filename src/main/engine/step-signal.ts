/**
 * Pause, end and a closed window cancel the step in hand (issue #10): its model calls and its
 * speech stop at once instead of holding the interview behind them. A cancelled step is not a
 * failure: it is neither retried, nor handed to the built-in interviewer, nor reported; what
 * was committed before it (the answer) stays, and resume carries on from there.
 */
export class StepCancelled extends Error {
  constructor() {
    super('the step was cancelled');
    this.name = 'StepCancelled';
  }
}

export const isStepCancelled = (error: unknown): error is StepCancelled => error instanceof StepCancelled;

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StepCancelled();
}

/** A controller that also aborts when `parent` does: one turn's calls, stopped together. */
export function linkedController(parent: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (parent?.aborted) controller.abort();
  else parent?.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}

/**
 * `promise`, or a rejection as soon as `signal` aborts: a call that does not honour its signal
 * cannot hold the step. Its own later failure is then nobody's concern.
 */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new StepCancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new StepCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/** Waits `ms`, or stops waiting with StepCancelled when `signal` aborts. */
export function waitUnlessCancelled(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  if (!signal) return waited;
  return unlessAborted(waited, signal).finally(() => clearTimeout(timer));
}
