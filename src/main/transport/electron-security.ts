import { app, session, shell, systemPreferences, type WebContents } from 'electron';
import type { Logger } from '../log';
import { isDocumentationUrl } from './external-links';

/**
 * DESIGN.md §6 for every web contents the app creates: no navigation away from the app, no
 * new windows, no webviews, links opened in the browser only for documentation pages
 * (external-links.ts), and the microphone only for the app's own origin.
 */
export function hardenWebContents(isAppUrl: (url: string) => boolean, log: Logger): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        log.warn('security.navigation_blocked');
      }
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app; others not at all.
      if (isDocumentationUrl(url)) void shell.openExternal(url);
      else log.warn('security.external_link_blocked');
      return { action: 'deny' };
    });
  });

  const allowMedia = (permission: string, origin: string, mediaTypes: readonly string[] = ['audio']): boolean =>
    permission === 'media' && isAppUrl(origin) && mediaTypes.every((type) => type === 'audio');

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(allowMedia(permission, details.requestingUrl, mediaTypes));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowMedia(permission === 'media' ? 'media' : permission, requestingOrigin),
  );
}

/**
 * macOS shows its microphone prompt only when asked (with NSMicrophoneUsageDescription and
 * the audio-input entitlement, electron-builder.yml). Asking at start, before the first
 * question, means the prompt never interrupts an answer. Elsewhere the OS does not ask.
 */
export async function askForMicrophoneOnMac(): Promise<void> {
  if (process.platform !== 'darwin') return;
  if (systemPreferences.getMediaAccessStatus('microphone') === 'not-determined') {
    await systemPreferences.askForMediaAccess('microphone');
  }
}
