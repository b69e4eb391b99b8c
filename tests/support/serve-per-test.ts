import { test } from '@playwright/test';
import { startServe, type ServeProcess } from './serve-process';
import { makeTempDir } from './temp-dir';

/**
 * `npm run serve` on a fresh data folder for every test of the file that calls this
 * (STYLE.md §5), stopped and removed after it. Returns the running host of the current test.
 */
export function servePerTest(prefix: string): () => ServeProcess {
  let data: ReturnType<typeof makeTempDir> | undefined;
  let server: ServeProcess | undefined;
  test.beforeEach(async () => {
    data = makeTempDir(prefix);
    server = await startServe(data.path);
  });
  test.afterEach(async () => {
    await server?.stop();
    data?.remove();
  });
  return () => {
    if (!server) throw new Error('servePerTest: no host outside a test');
    return server;
  };
}
