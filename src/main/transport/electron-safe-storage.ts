import { safeStorage } from 'electron';
import type { SecretCipher } from '../settings/settings-backend';

/**
 * API keys encrypted with the OS keychain through safeStorage (DESIGN.md §6). Where the OS
 * offers no encryption keys are refused rather than stored in a file that only looks safe;
 * on Linux that includes the `basic_text` backend (no keyring running), whose key is a
 * constant in Chromium's source.
 */
export function safeStorageCipher(): SecretCipher {
  return {
    unavailableReason() {
      if (!safeStorage.isEncryptionAvailable()) return 'This computer offers no secure storage for API keys, so the key was not saved.';
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
        return 'No keyring (such as GNOME Keyring or KWallet) is running, so the key could not be stored encrypted and was not saved. Start a keyring and try again.';
      }
      return undefined;
    },
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
