import { BrowserWindow, dialog } from 'electron';

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

/** A start that cannot go on has no window to say so in: one sentence in a dialog, then quit. */
export function showStartupFailure(sentence: string): void {
  dialog.showErrorBox('Interview Practice cannot start', sentence);
}

/** What the start found that the user must know (a damaged database kept aside), with its full path. */
export function showStartupNotice(window: BrowserWindow, detail: string): void {
  void dialog.showMessageBox(window, { type: 'warning', title: 'Interview Practice', message: detail });
}
