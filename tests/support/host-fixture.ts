import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { silentLogger, type Logger } from '../../src/main/log';
import { createServices } from '../../src/main/services';
import { hostDownloadUrl } from '../../src/main/transport/export-files';
import { createAccessToken } from '../../src/main/transport/host-security';
import { hostUploadUrl } from '../../src/main/transport/upload-files';
import { startWsHost, type RunningHost } from '../../src/main/transport/ws-host';
import { makeTempDir } from './temp-dir';

export { RESOURCES_DIR } from './paths';
import { RESOURCES_DIR } from './paths';

/** A stand-in for out/renderer, so host tests do not depend on a build. */
export function writeFakeRenderer(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Interview Practice</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app")');
}

export interface HostFixture {
  host: RunningHost;
  dataDir: string;
  stop(): Promise<void>;
}

export interface TestHostOptions {
  fetch?: typeof fetch;
  /** Where the host logs; silent unless a test reads the log. */
  log?: Logger;
  /** Fills the fresh data folder before the services start, as an earlier run would have left it. */
  seed?: (dataDir: string) => void;
  /** A data folder the test owns instead of a fresh one: a tmpfs a test fills, or one opened in turn with the app. */
  dataDir?: string;
  /** The shipped data from elsewhere than the checkout: a packaged app's, or a model catalog a test wrote. */
  resourcesDir?: string;
}

/** The real host with the real services on a fresh data folder and a free port. */
export async function startTestHost(options: TestHostOptions = {}): Promise<HostFixture> {
  const temp = makeTempDir('host-test');
  const dataDir = options.dataDir ?? join(temp.path, 'data');
  const rendererDir = join(temp.path, 'renderer');
  const log = options.log ?? silentLogger;
  mkdirSync(dataDir, { recursive: true });
  options.seed?.(dataDir);
  writeFakeRenderer(rendererDir);
  const token = createAccessToken();
  const services = createServices({
    dataDir,
    mode: 'browser-mode',
    mediaUrl: (path) => `/media/${path}?token=${token}`,
    downloadUrl: hostDownloadUrl(token),
    uploadUrl: hostUploadUrl(token),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    resourcesDir: options.resourcesDir ?? RESOURCES_DIR,
    log,
  });
  const host = await startWsHost({ services, rendererDir, mediaDir: join(dataDir, 'media'), port: 0, log, token });
  return {
    host,
    dataDir,
    stop: async () => {
      await host.close();
      temp.remove();
    },
  };
}

/** A WebSocket client that collects every frame it receives, for assertions. */
export class TestClient {
  readonly frames: Record<string, unknown>[] = [];
  private waiters: { match(frame: Record<string, unknown>): boolean; resolve(frame: Record<string, unknown>): void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    const socket = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new TestClient(socket)));
      socket.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  next(match: (frame: Record<string, unknown>) => boolean, timeoutMs = 5_000): Promise<Record<string, unknown>> {
    const seen = this.frames.find(match);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching frame in time')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (frame) => {
          clearTimeout(timer);
          this.frames.splice(this.frames.indexOf(frame), 1);
          resolve(frame);
        },
      });
    });
  }

  async call(method: string, params?: unknown): Promise<Record<string, unknown>> {
    const id = Math.floor(Math.random() * 1e9);
    this.send({ type: 'rpc', id, method, params });
    return this.next((frame) => frame.id === id);
  }

  close(): void {
    this.socket.close();
  }
}

/** Resolves with the close code of a socket the host closes (or the HTTP status it refuses with). */
export function closeOutcome(url: string, headers: Record<string, string> = {}): Promise<{ closeCode?: number; status?: number }> {
  const socket = new WebSocket(url, { headers });
  return new Promise((resolve) => {
    socket.once('close', (code) => resolve({ closeCode: code }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode });
      socket.terminate();
    });
    socket.once('error', () => {});
  });
}
