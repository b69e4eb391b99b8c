import type { KeyStorage, SecretName, SecretStatus, Settings } from '../../shared/protocol';

/**
 * Where settings and secrets live: files in the data folder, the same code in the app and in
 * browser mode (settings-file.ts, secret-file.ts).
 */
export interface SettingsBackend {
  /** The stored document as it is, or undefined when nothing was stored yet. */
  read(): unknown;
  write(settings: Settings): void;
}

export interface SecretBackend {
  /** How keys are kept here, or why they cannot be. */
  storage(): KeyStorage;
  status(name: SecretName): SecretStatus;
  /** A key this mode can use; never one it cannot read. */
  get(name: SecretName): string | undefined;
  /** null removes the secret. Throws UNAVAILABLE when keys cannot be stored here (see storage()). */
  set(name: SecretName, value: string | null): void;
}

/**
 * The app's encryption at rest (Electron safeStorage), behind an interface so everything
 * around it runs under plain Node; tests stand in for it at this process boundary only.
 */
export interface SecretCipher {
  /** Why keys cannot be stored encrypted on this computer, or undefined when they can. */
  unavailableReason(): string | undefined;
  encrypt(plainText: string): Buffer;
  decrypt(encrypted: Buffer): string;
}
