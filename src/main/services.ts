import type { Logger } from './log';
import { CallError, type CallHandlers } from './rpc/call-handlers';
import { createEngineUnavailableSession } from './session/engine-unavailable-session';
import type { OpenSession } from './session/session-port';
import type { SecretBackend, SettingsBackend } from './settings/settings-backend';
import { createSettingsService } from './settings/settings-service';
import { loadTrackCatalog } from './tracks/track-catalog';

/**
 * Everything a transport needs, built once per process. Electron (index.ts) and the
 * WebSocket host (transport/ws-host-cli.ts) both build it here, so browser mode runs the
 * same code as the app.
 */
export interface AppServices {
  handlers: CallHandlers;
  openSession: OpenSession;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  resourcesDir: string;
  settingsBackend: SettingsBackend;
  secretBackend: SecretBackend;
  log: Logger;
}

export function createServices(options: ServiceOptions): AppServices {
  const tracks = loadTrackCatalog(options.resourcesDir);
  const settings = createSettingsService(options.settingsBackend, options.secretBackend, options.log);
  const noSuchInterview = (): never => {
    throw new CallError('NOT_FOUND', 'There is no interview with that id.');
  };

  const handlers: CallHandlers = {
    'tracks.list': () => tracks.list(),
    // Until interviews are stored (issue #3) the history is truthfully empty.
    'interviews.current': () => null,
    'interviews.list': () => [],
    'interviews.get': noSuchInterview,
    'interviews.delete': noSuchInterview,
    'reports.export': noSuchInterview,
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };

  return {
    handlers,
    openSession: (emit) => createEngineUnavailableSession(emit),
    close: async () => {},
  };
}
