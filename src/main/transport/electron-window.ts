import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { PRODUCT_NAME } from '../app-paths';

export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's spellchecker downloads dictionaries: no traffic the user did not choose (DESIGN.md §6).
      spellcheck: false,
      // The interviewer's question plays as soon as it arrives, as in a real conversation.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  // Show only once painted, so the user never sees an empty white frame.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}

export const preloadPathFrom = (mainDir: string): string => join(mainDir, '../preload/index.cjs');
