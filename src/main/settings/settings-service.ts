import {
  DEFAULT_SETTINGS,
  SecretName,
  Settings,
  type PublicSettings,
  type SettingsPatch,
} from '../../shared/protocol';
import type { Logger } from '../log';
import { keysRefused } from './secret-file';
import type { SecretBackend, SettingsBackend } from './settings-backend';

export interface SettingsService {
  get(): PublicSettings;
  set(patch: SettingsPatch): PublicSettings;
  /** For provider clients in main only; never crosses to the renderer. */
  secret(name: SecretName): string | undefined;
}

type Section = keyof Settings;
const SECTIONS = Object.keys(DEFAULT_SETTINGS) as Section[];

/**
 * Reads each section on its own, so one damaged section (a hand-edited file, an older
 * version's value) falls back to its default instead of losing every other choice.
 */
function readSettings(stored: unknown, log: Logger): Settings {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result = structuredClone(DEFAULT_SETTINGS);
  for (const section of SECTIONS) {
    if (source[section] === undefined) continue;
    const merged = { ...DEFAULT_SETTINGS[section], ...(source[section] as object) };
    const parsed = Settings.shape[section].safeParse(merged);
    if (parsed.success) (result as Record<Section, unknown>)[section] = parsed.data;
    else log.warn('settings.section_reset', { section });
  }
  return result;
}

export function createSettingsService(
  backend: SettingsBackend,
  secrets: SecretBackend,
  log: Logger,
): SettingsService {
  let current = readSettings(backend.read(), log);

  const publicView = (): PublicSettings => ({
    ...structuredClone(current),
    secrets: Object.fromEntries(
      SecretName.options.map((name) => [name, secrets.status(name)]),
    ) as PublicSettings['secrets'],
    keyStorage: secrets.storage(),
  });

  return {
    get: publicView,
    set(patch) {
      const next = structuredClone(current);
      for (const section of SECTIONS) {
        const change = patch[section];
        if (change) (next as Record<Section, unknown>)[section] = { ...next[section], ...change };
      }
      // Validate the whole result before anything is written: a bad patch changes nothing.
      const validated = Settings.parse(next);
      // A key that cannot be stored refuses the whole change, not only its own part.
      const storage = secrets.storage();
      if (storage.kind === 'unavailable' && Object.values(patch.secrets ?? {}).some((value) => typeof value === 'string')) {
        throw keysRefused(storage);
      }
      backend.write(validated);
      current = validated;
      for (const [name, value] of Object.entries(patch.secrets ?? {})) {
        if (value !== undefined) secrets.set(name as SecretName, value);
      }
      return publicView();
    },
    secret: (name) => secrets.get(name),
  };
}
