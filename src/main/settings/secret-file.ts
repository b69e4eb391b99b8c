import { join } from 'node:path';
import type { AppMode, KeyStorage, SecretName } from '../../shared/protocol';
import { describeError, type Logger } from '../log';
import { CallError } from '../rpc/call-handlers';
import { registerSecret } from '../secret-redaction';
import { isRecord, peekJsonFile, readJsonFile, writeJsonAtomically } from './json-file';
import type { SecretBackend, SecretCipher } from './settings-backend';

/**
 * Each mode keeps its keys in its own file (DESIGN.md §6, issue #9). The app's are encrypted
 * with safeStorage, which browser mode cannot decrypt; browser mode's are plain text readable
 * by the user only. Neither mode writes the other's file or takes its content for a key: it
 * reads only the other file's key names, to say that a key is stored there.
 */
export const SECRET_FILES: Record<AppMode, string> = {
  // electron-store's name and shape (name → base64 ciphertext), so earlier versions' keys still read.
  'desktop-app': 'secrets.json',
  'browser-mode': 'browser-mode-secrets.json',
};

/** Who keeps the keys: browser mode, or the app with its cipher. */
export type SecretKeeper = { mode: 'browser-mode' } | { mode: 'desktop-app'; cipher: SecretCipher };

/** How a mode turns a key into what its file holds, and back. */
interface SecretCodec {
  storage(): KeyStorage;
  encode(key: string): string;
  decode(stored: string): string;
}

/** Said in Settings above the keys (README: "API keys"). */
export const PLAIN_FILE_NOTE =
  'In browser mode keys are kept in a file only your user account can read, not encrypted; the desktop app encrypts them.';

const plainText: SecretCodec = { storage: () => ({ kind: 'plain-file', note: PLAIN_FILE_NOTE }), encode: (key) => key, decode: (stored) => stored };

function encryptedWith(cipher: SecretCipher): SecretCodec {
  return {
    storage: () => {
      const reason = cipher.unavailableReason();
      return reason ? { kind: 'unavailable', note: reason } : { kind: 'encrypted' };
    },
    encode: (key) => cipher.encrypt(key).toString('base64'),
    decode: (stored) => cipher.decrypt(Buffer.from(stored, 'base64')),
  };
}

/** Why a key was not stored, as the call's answer. */
export const keysRefused = (storage: KeyStorage): CallError => new CallError('UNAVAILABLE', storage.note ?? 'API keys cannot be stored on this computer.');

type Entries = Partial<Record<SecretName, string>>;

function entriesOf(document: unknown): Entries {
  if (!isRecord(document)) return {};
  return Object.fromEntries(Object.entries(document).filter(([, value]) => typeof value === 'string')) as Entries;
}

export function createSecretFile(dataDir: string, keeper: SecretKeeper, log: Logger): SecretBackend {
  const path = join(dataDir, SECRET_FILES[keeper.mode]);
  const otherMode: AppMode = keeper.mode === 'desktop-app' ? 'browser-mode' : 'desktop-app';
  const codec = keeper.mode === 'desktop-app' ? encryptedWith(keeper.cipher) : plainText;
  let stored = entriesOf(readJsonFile(path, log));
  const storedByOther = new Set(Object.keys(entriesOf(peekJsonFile(join(dataDir, SECRET_FILES[otherMode])))));
  const decoded = new Map<SecretName, string | undefined>();

  const decode = (name: SecretName): string | undefined => {
    const entry = stored[name];
    if (entry === undefined) return undefined;
    try {
      return codec.decode(entry);
    } catch (error) {
      // Encrypted on another computer or by another user: unusable here, so reported as not stored.
      log.warn('secrets.unreadable', { name, error: describeError(error) });
      return undefined;
    }
  };
  const get = (name: SecretName): string | undefined => {
    if (!decoded.has(name)) {
      const key = decode(name);
      // Known to the logger from the moment it is in memory, so no error can log it.
      registerSecret(key);
      decoded.set(name, key);
    }
    return decoded.get(name);
  };

  return {
    storage: () => codec.storage(),
    status(name) {
      if (get(name) !== undefined) return { hasKey: true };
      return storedByOther.has(name) ? { hasKey: false, storedBy: otherMode } : { hasKey: false };
    },
    get,
    set(name, value) {
      const storage = codec.storage();
      if (value !== null && storage.kind === 'unavailable') throw keysRefused(storage);
      registerSecret(value);
      const next = { ...stored };
      if (value === null) delete next[name];
      else next[name] = codec.encode(value);
      writeJsonAtomically(path, next, 0o600);
      stored = next;
      decoded.delete(name);
    },
  };
}
