import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretName, Settings } from '../../shared/protocol';
import type { Logger } from '../log';
import type { SecretBackend, SettingsBackend } from './settings-backend';

/** Write to a temporary file and rename it over the old one, so a crash never leaves half a file. */
function writeJsonAtomically(path: string, value: unknown, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(value, null, 2) + '\n', { mode });
    renameSync(temporary, path);
  } catch (error) {
    // A full or read-only disk: the old file stands, and no half-written copy is left beside it.
    rmSync(temporary, { force: true });
    throw error;
  }
  chmodSync(path, mode);
}

function readJsonOrUndefined(path: string, log: Logger): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    // Keep the damaged file for the user to inspect; start from defaults.
    renameSync(path, `${path}.damaged-${Date.now()}`);
    log.warn('settings.file_damaged', { file: path.split(/[\\/]/).pop() });
    return undefined;
  }
}

/** Browser mode: settings.json in the data folder. */
export function createJsonFileSettings(dataDir: string, log: Logger): SettingsBackend {
  const path = join(dataDir, 'settings.json');
  return {
    read: () => readJsonOrUndefined(path, log),
    write: (settings: Settings) => writeJsonAtomically(path, settings, 0o644),
  };
}

/**
 * Browser mode: secrets.json, readable by the user only. Unlike the app (safeStorage), this is
 * not encrypted at rest; the README says so, and recommends the app for storing API keys.
 */
export function createJsonFileSecrets(dataDir: string, log: Logger): SecretBackend {
  const path = join(dataDir, 'secrets.json');
  const load = (): Partial<Record<SecretName, string>> => {
    const stored = readJsonOrUndefined(path, log);
    return typeof stored === 'object' && stored !== null ? (stored as Partial<Record<SecretName, string>>) : {};
  };
  let secrets = load();
  return {
    has: (name) => typeof secrets[name] === 'string',
    get: (name) => secrets[name],
    set(name, value) {
      const next = { ...secrets };
      if (value === null) delete next[name];
      else next[name] = value;
      writeJsonAtomically(path, next, 0o600);
      secrets = next;
    },
  };
}
