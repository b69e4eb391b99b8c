import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
// @ts-expect-error plain ES module shared with the npm scripts
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
// @ts-expect-error plain ES module shared with the npm scripts
import { NATIVE_PACKAGES, wrongAbiAddons } from '../../scripts/native-abi.mjs';
import { ANSWERS, answer, beginQuickInterview } from '../support/interview-page';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #13: the desktop app end to end, the packaged one when `electron-builder` has made it
 * (the release workflow runs this after packaging), else the built tree with the installed
 * Electron. Each test has a fresh data folder. Skipped with one line where there is neither.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where electron-builder leaves the unpacked app for this OS and CPU. */
function packagedApp(): string | undefined {
  const dist = join(ROOT, 'dist');
  const candidates =
    process.platform === 'darwin'
      ? [`mac-${process.arch}`, 'mac'].map((dir) => join(dist, dir, 'Interview Practice.app', 'Contents', 'MacOS', 'Interview Practice'))
      : process.platform === 'win32'
        ? [join(dist, 'win-unpacked', 'Interview Practice.exe')]
        : [join(dist, process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`, 'interview-practice')];
  return candidates.find((path) => existsSync(path));
}

const packaged = packagedApp();
const binary = (findElectronBinary as () => string | undefined)();
/** Why the app cannot run here, if it cannot. A packaged app carries its own native modules, checked when it was made. */
function whyNotRunnable(): string | undefined {
  if (packaged) return undefined;
  if (!binary) return 'no Electron binary on this machine (it is downloaded on first run, which needs the internet) and no packaged app in dist/';
  // npm test builds better-sqlite3 for Node: the built tree then cannot open its database in Electron.
  const notForElectron = (wrongAbiAddons as (packages: string[], runtime: string) => string[])(NATIVE_PACKAGES as string[], 'electron');
  return notForElectron.length > 0 ? 'better-sqlite3 is built for Node (the tests), not Electron: run `npm run rebuild:electron` first' : undefined;
}
const SKIP_REASON = whyNotRunnable();
// The list reporter does not print skip reasons, so say it once in the output.
console.log(SKIP_REASON ? `electron e2e skipped: ${SKIP_REASON}` : `electron e2e: ${packaged ? `the packaged app ${packaged}` : 'the built tree (no packaged app in dist/)'}`);
test.skip(SKIP_REASON !== undefined, SKIP_REASON);

function launch(dataDir: string): Promise<ElectronApplication> {
  const userData = `--user-data-dir=${dataDir}`;
  return packaged
    ? electron.launch({ executablePath: packaged, args: [userData] })
    : electron.launch({ executablePath: binary!, args: [ROOT, userData], env: { ...process.env, ELECTRON_RENDERER_URL: '' } });
}

let data: ReturnType<typeof makeTempDir>;
test.beforeEach(() => (data = makeTempDir('electron-data')));
test.afterEach(() => data.remove());

test('a quick typed interview, its report saved as Markdown, and after quitting and opening again the interview in History', async () => {
  const downloads = join(data.path, 'downloads');
  mkdirSync(downloads);
  let app = await launch(data.path);
  try {
    const page = await app.firstWindow();
    // Sandboxed and isolated: the page has no Node.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await beginQuickInterview(page);
    for (let turn = 0; turn < 20 && !page.url().includes('#/report/'); turn += 1) await answer(page, ANSWERS[turn % ANSWERS.length]!);
    await expect(page).toHaveURL(/#\/report\//);
    await expect(page.getByTestId('report-meta')).toContainText('Backend engineering');

    // Electron would ask where to save: the test answers for the user.
    await app.evaluate(({ session }, folder) => {
      session.defaultSession.on('will-download', (_event, item) => item.setSavePath(`${folder}/${item.getFilename()}`));
    }, downloads);
    await page.getByTestId('export-bar').getByRole('button', { name: 'Markdown', exact: true }).click();
    await expect.poll(() => readdirSync(downloads).filter((name) => name.endsWith('.md')), { timeout: 30_000 }).toHaveLength(1);
    const markdown = readFileSync(join(downloads, readdirSync(downloads).find((name) => name.endsWith('.md'))!), 'utf8');
    expect(markdown).toContain('Backend engineering');
  } finally {
    await app.close();
  }

  app = await launch(data.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('connection-state')).toHaveText('Connected');
    await page.getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('link', { name: 'Open report' })).toHaveCount(1);
  } finally {
    await app.close();
  }
});

test('a database that cannot be opened shows a window that says where it is', async () => {
  // A folder where the database file should be: SQLite cannot open it.
  mkdirSync(join(data.path, 'interviews.sqlite'));
  const app = await launch(data.path);
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('startup-failure')).toContainText(join(data.path, 'interviews.sqlite'));
    await expect(window.getByTestId('startup-failure')).toContainText('cannot be used');
  } finally {
    await app.close().catch(() => undefined);
  }
});
