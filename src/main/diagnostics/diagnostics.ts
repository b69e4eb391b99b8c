import { homedir, release, type } from 'node:os';
import type { AppMode, PublicSettings } from '../../shared/protocol';
import { diagnosticsText } from './diagnostics-text';
import { lastLogLines, logFilePath } from './log-file';

const LOG_LINES = 100;

export interface DiagnosticsOptions {
  dataDir: string;
  mode: AppMode;
  appVersion: string;
  settings(): PublicSettings;
}

/** `app.diagnostics`: the text "Copy diagnostics" copies, gathered when asked (diagnostics-text.ts says what it holds). */
export function createDiagnostics(options: DiagnosticsOptions): () => { text: string } {
  return () => ({
    text: diagnosticsText({
      appVersion: options.appVersion,
      mode: options.mode,
      versions: process.versions,
      os: `${type()} ${release()} ${process.arch}`,
      dataDir: options.dataDir,
      home: homedir(),
      settings: options.settings(),
      logLines: lastLogLines(logFilePath(options.dataDir), LOG_LINES),
    }),
  });
}
