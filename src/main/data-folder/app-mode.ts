/**
 * Which Interview Practice uses a data folder: the Electron app or browser mode (the host).
 * The lock names it to whoever is refused, and each mode keeps its secrets in its own file.
 */
export const APP_MODES = ['desktop-app', 'browser-mode'] as const;
export type AppMode = (typeof APP_MODES)[number];

/** As the mode is named inside a sentence. */
export const MODE_NAMES: Record<AppMode, string> = {
  'desktop-app': 'the desktop app',
  'browser-mode': 'browser mode',
};
