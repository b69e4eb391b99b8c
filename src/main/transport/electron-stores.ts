import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { SecretName, Settings } from '../../shared/protocol';
import type { SecretBackend, SettingsBackend } from '../settings/settings-backend';

/** The app's settings: electron-store's JSON file in the user data folder. */
export function createElectronSettings(): SettingsBackend {
  const store = new Store<{ settings?: Settings }>({ name: 'settings' });
  return {
    read: () => store.get('settings'),
    write: (settings) => store.set('settings', settings),
  };
}

/**
 * API keys encrypted with the OS keychain through safeStorage (DESIGN.md §6). Where the OS
 * offers no encryption (some Linux desktops without a keyring) keys are not stored at all:
 * the user is told, rather than getting a plain-text file that looks safe.
 */
export function createSafeStorageSecrets(): SecretBackend {
  const store = new Store<Partial<Record<SecretName, string>>>({ name: 'secrets' });
  return {
    has: (name) => typeof store.get(name) === 'string',
    get(name) {
      const encrypted = store.get(name);
      return encrypted === undefined ? undefined : safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    },
    set(name, value) {
      if (value === null) return store.delete(name);
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('This system offers no secure storage for API keys.');
      }
      store.set(name, safeStorage.encryptString(value).toString('base64'));
    },
  };
}
