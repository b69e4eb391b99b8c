import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from './serve-process';
import { makeTempDir } from './temp-dir';

/**
 * `npm run serve` on a fresh data folder for each test of the spec that calls this (STYLE.md
 * §5), stopped after it with SIGTERM, which must end it cleanly (exit code 0). Hooks a spec
 * registers later run after the host is up.
 */
export function servePerTest(prefix: string, seed?: (dataDir: string) => void): { readonly serve: ServeProcess; readonly dataDir: string } {
  let running: { serve: ServeProcess; data: ReturnType<typeof makeTempDir> } | undefined;
  test.beforeEach(async () => {
    const data = makeTempDir(prefix);
    // What an earlier run left in the folder: written before the host starts.
    seed?.(data.path);
    running = { serve: await startServe(data.path), data };
  });
  test.afterEach(async () => {
    const { serve, data } = running!;
    running = undefined;
    expect(await serve.stop()).toBe(0);
    data.remove();
  });
  const current = () => {
    if (!running) throw new Error('the host runs only inside a test');
    return running;
  };
  return {
    get serve() {
      return current().serve;
    },
    get dataDir() {
      return current().data.path;
    },
  };
}
