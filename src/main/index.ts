/**
 * Electron main process: app lifecycle only (DESIGN.md §2). Everything it wires together runs
 * under plain Node too, and is tested there; this file and transport/electron-* are the only
 * ones that import electron.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { findAppRoot, packagedResourcesDir } from './app-paths';
import { DataFolderError } from './data-folder/data-folder-error';
import { stderrAndLogFile } from './diagnostics/log-file';
import { createLogger, describeError } from './log';
import { createServices } from './services';
import { APP_ORIGIN, exportUrl, mediaUrl, registerAppSchemePrivileges, serveExportFiles, serveMediaFiles, serveRendererBundle } from './transport/electron-app-protocol';
import { pickDocument, pickFolder, showStartupFailure, showStartupNotice } from './transport/electron-dialogs';
import { registerIpcTransport } from './transport/electron-ipc';
import { askForMicrophoneOnMac, hardenWebContents } from './transport/electron-security';
import { safeStorageCipher } from './transport/electron-safe-storage';
import { createMainWindow, preloadPathFrom } from './transport/electron-window';

const mainDir = dirname(fileURLToPath(import.meta.url));
// Also on disk: a packaged app has no terminal (README "For testers").
const log = createLogger(stderrAndLogFile(app.getPath('userData')));
// electron-vite sets this in `npm run dev` to the Vite dev server's address.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const isAppUrl = (url: string): boolean => {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
};

registerAppSchemePrivileges();
if (!app.requestSingleInstanceLock()) app.quit();

async function start(): Promise<void> {
  await app.whenReady();
  const resourcesDir = app.isPackaged ? packagedResourcesDir(process.resourcesPath) : join(findAppRoot(mainDir), 'resources');
  const dataDir = app.getPath('userData');
  const services = createServices({
    dataDir,
    mode: 'desktop-app',
    mediaUrl,
    downloadUrl: exportUrl,
    appVersion: app.getVersion(),
    pickFolder,
    pickDocument,
    resourcesDir,
    cipher: safeStorageCipher(),
    log,
  });
  hardenWebContents(isAppUrl, log);
  serveRendererBundle(join(mainDir, '../renderer'));
  serveMediaFiles(join(dataDir, 'media'));
  serveExportFiles(services.downloads, appOrigin);
  await askForMicrophoneOnMac();
  registerIpcTransport(services, isAppUrl, log);

  const openWindow = (): BrowserWindow => createMainWindow(preloadPathFrom(mainDir), devServerUrl ?? `${APP_ORIGIN}/index.html`);
  let window = openWindow();
  for (const notice of services.notices) showStartupNotice(window, notice.detail);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void services.close());
}

start().catch((error: unknown) => {
  log.error('app.start_failed', { error: describeError(error) });
  // A folder in use or not writable is the user's to fix, and its sentence says how.
  showStartupFailure(error instanceof DataFolderError ? error.message : 'Interview Practice could not start because of an unexpected error. Please open it again.');
});
