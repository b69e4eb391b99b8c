import type { AppMode } from '../../shared/protocol';

/**
 * Which Interview Practice uses a data folder: the Electron app or browser mode (the host).
 * The lock names it to whoever is refused, and each mode keeps its secrets in its own file.
 */
export type { AppMode };

/** As the mode is named inside a sentence. */
export const MODE_NAMES: Record<AppMode, string> = {
  'desktop-app': 'the desktop app',
  'browser-mode': 'browser mode',
};
