import type { SecretName, Settings } from '../../shared/protocol';

/**
 * Where settings and secrets live. The app uses electron-store and safeStorage
 * (transport/electron-stores.ts); browser mode and tests use files in the data folder.
 */
export interface SettingsBackend {
  /** The stored document as it is, or undefined when nothing was stored yet. */
  read(): unknown;
  write(settings: Settings): void;
}

export interface SecretBackend {
  has(name: SecretName): boolean;
  get(name: SecretName): string | undefined;
  /** null removes the secret. */
  set(name: SecretName, value: string | null): void;
}
