import { BrowserWindow, dialog } from 'electron';

/** The app's folder picker, for installing a speech model from files (the path stays in main). */
export async function pickFolder(): Promise<string | undefined> {
  const window = BrowserWindow.getFocusedWindow();
  const options = { title: 'Choose the folder with the model files', properties: ['openDirectory' as const] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}
