import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/protocol';
import type { Logger } from '../log';
import { isRecord, readJsonFile, writeJsonAtomically } from './json-file';
import type { SettingsBackend } from './settings-backend';

export const SETTINGS_FILE = 'settings.json';

/**
 * settings.json, read and written by this one module in the app and in browser mode, in one
 * shape (DESIGN.md §6): `{ "settings": { … } }`, the shape electron-store gave the app's file,
 * so files from earlier versions of the app read as they are. Settings hold no secrets.
 */
export function createSettingsFile(dataDir: string, log: Logger): SettingsBackend {
  const path = join(dataDir, SETTINGS_FILE);
  return {
    read() {
      const document = readJsonFile(path, log);
      if (!isRecord(document)) return undefined;
      // Browser mode before issue #9 wrote the sections at the top level.
      return 'settings' in document ? document.settings : document;
    },
    write(settings: Settings) {
      const document = readJsonFile(path, log);
      // Whatever else the file holds stays (electron-store's own keys); old top-level sections go.
      const others = isRecord(document) ? Object.fromEntries(Object.entries(document).filter(([key]) => !(key in DEFAULT_SETTINGS))) : {};
      writeJsonAtomically(path, { ...others, settings }, 0o644);
    },
  };
}
