/**
 * Aborts when nothing happened for `ms`: a server that stops sending without closing the
 * connection would otherwise leave a download "in progress" for ever. `kick` on each chunk.
 */
export interface IdleWatchdog {
  readonly signal: AbortSignal;
  readonly fired: boolean;
  kick(): void;
  stop(): void;
}

export function startIdleWatchdog(ms: number): IdleWatchdog {
  const controller = new AbortController();
  let fired = false;
  const fire = (): void => {
    fired = true;
    controller.abort();
  };
  let timer = setTimeout(fire, ms);
  return {
    signal: controller.signal,
    get fired() {
      return fired;
    },
    kick() {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
