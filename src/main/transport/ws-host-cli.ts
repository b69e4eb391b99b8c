/**
 * Entry point of browser mode: `npm run serve -- --port <n|0> --data-dir <dir>`.
 * Prints exactly one line to stdout, `READY {"url":…,"ws":…}`; everything else goes to stderr.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, findAppRoot } from '../app-paths';
import { stderrAndLogFile } from '../diagnostics/log-file';
import { createLogger, describeError } from '../log';
import { createServices } from '../services';
import { parseHostCliArgs } from './host-cli-args';
import { hostDownloadUrl } from './export-files';
import { createAccessToken } from './host-security';
import { hostUploadUrl } from './upload-files';
import { startWsHost } from './ws-host';

async function main(): Promise<void> {
  const args = parseHostCliArgs(process.argv.slice(2));
  const appRoot = findAppRoot(dirname(fileURLToPath(import.meta.url)));
  const rendererDir = resolve(args.rendererDir ?? join(appRoot, 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('the renderer is not built yet: run `npm run build` (npm run serve does it for you)');
  }
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  const log = createLogger(stderrAndLogFile(dataDir));

  // The token is made first: media URLs the engine hands out carry it (DESIGN.md §4.3).
  const token = createAccessToken();
  const services = createServices({
    dataDir,
    mode: 'browser-mode',
    mediaUrl: (path) => `/media/${path.split('/').map(encodeURIComponent).join('/')}?token=${token}`,
    downloadUrl: hostDownloadUrl(token),
    uploadUrl: hostUploadUrl(token),
    appVersion: appVersionAt(appRoot),
    resourcesDir: join(appRoot, 'resources'),
    log,
  });
  const host = await startWsHost({ services, rendererDir, mediaDir: join(dataDir, 'media'), port: args.port, log, token });
  for (const notice of services.notices) process.stderr.write(`serve: ${notice.detail}\n`);
  log.info('host.ready', { port: host.port });
  process.stdout.write(`READY ${JSON.stringify({ url: host.url, ws: host.ws })}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('host.stopping', { signal });
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('host.stop_failed', { error: describeError(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** The version in package.json, written into JSON exports as the app does with app.getVersion(). */
function appVersionAt(appRoot: string): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

main().catch((error: unknown) => {
  process.stderr.write(`serve: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
