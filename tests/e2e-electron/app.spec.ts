import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
// @ts-expect-error plain ES module shared with the npm scripts
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import type { InterviewApi } from '../../src/shared/api';
import { makeTempDir } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const binary = (findElectronBinary as () => string | undefined)();

const SKIP_REASON = 'no Electron binary on this machine (it is downloaded on first run, which needs the internet)';
// The list reporter does not print skip reasons, so say it once in the output.
if (!binary) console.log(`electron e2e skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

test('the app opens its window and lists tracks over IPC', async () => {
  const data = makeTempDir('electron-data');
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT, `--user-data-dir=${data.path}`],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('connection-state')).toHaveText('Connected');
    const tracks = await page.evaluate(() => (globalThis as unknown as { interview: InterviewApi }).interview.call('tracks.list'));
    expect(tracks.length).toBeGreaterThanOrEqual(8);
    await expect(page.getByTestId('track-list').getByRole('button')).toHaveCount(tracks.length);
    const isolated = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined');
    expect(isolated).toBe(true);
  } finally {
    await app.close();
    data.remove();
  }
});
