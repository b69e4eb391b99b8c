import { app, BrowserWindow, dialog } from 'electron';
import { PRODUCT_NAME } from '../app-paths';
import { startupFailureUrl } from './startup-failure-page';

/** The app's folder picker, for installing a speech model from files (the path stays in main). */
export async function pickFolder(): Promise<string | undefined> {
  const window = BrowserWindow.getFocusedWindow();
  const options = { title: 'Choose the folder with the model files', properties: ['openDirectory' as const] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

/** The app's file picker for a résumé or job posting (issue #14); the path stays in main. */
export async function pickDocument(): Promise<string | undefined> {
  const window = BrowserWindow.getFocusedWindow();
  const options = {
    title: 'Choose a résumé or job posting',
    properties: ['openFile' as const],
    filters: [{ name: 'PDF, Word, text or Markdown', extensions: ['pdf', 'docx', 'txt', 'md', 'markdown'] }],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

/**
 * A start that cannot go on: its one sentence in a window of its own (startup-failure-page.ts),
 * and the app quits when that window is closed. Before the app is ready, a message box.
 */
export function showStartupFailure(sentence: string): void {
  if (!app.isReady()) {
    dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, sentence);
    app.exit(1);
    return;
  }
  const window = new BrowserWindow({
    width: 640,
    height: 320,
    title: `${PRODUCT_NAME} cannot start`,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.on('closed', () => app.exit(1));
  void window.loadURL(startupFailureUrl(sentence));
}

/** What the start found that the user must know (a damaged database kept aside), with its full path. */
export function showStartupNotice(window: BrowserWindow, detail: string): void {
  void dialog.showMessageBox(window, { type: 'warning', title: 'Interview Practice', message: detail });
}
