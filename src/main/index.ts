/**
 * Electron main process: app lifecycle only (DESIGN.md §2). Everything it wires together runs
 * under plain Node too, and is tested there; this file and transport/electron-* are the only
 * ones that import electron.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { findAppRoot } from './app-paths';
import { createLogger } from './log';
import { createServices } from './services';
import { APP_ORIGIN, exportUrl, mediaUrl, registerAppSchemePrivileges, serveExportFiles, serveMediaFiles, serveRendererBundle } from './transport/electron-app-protocol';
import { pickFolder } from './transport/electron-dialogs';
import { registerIpcTransport } from './transport/electron-ipc';
import { askForMicrophoneOnMac, hardenWebContents } from './transport/electron-security';
import { createElectronSettings, createSafeStorageSecrets } from './transport/electron-stores';
import { createMainWindow, preloadPathFrom } from './transport/electron-window';

const mainDir = dirname(fileURLToPath(import.meta.url));
const log = createLogger();
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
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(findAppRoot(mainDir), 'resources');
  const dataDir = app.getPath('userData');
  const services = createServices({
    dataDir,
    mediaUrl,
    downloadUrl: exportUrl,
    appVersion: app.getVersion(),
    pickFolder,
    resourcesDir,
    settingsBackend: createElectronSettings(),
    secretBackend: createSafeStorageSecrets(),
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
  log.error('app.start_failed', { error: error instanceof Error ? error.message : String(error) });
  app.exit(1);
});
