import { parseArgs } from 'node:util';

export interface HostCliArgs {
  port: number;
  dataDir: string | undefined;
  /** The built renderer; defaults to out/renderer. Tests point it at a folder of their own. */
  rendererDir: string | undefined;
}

/** `npm run serve -- --port <n|0> --data-dir <dir>` (DESIGN.md §3). Throws with a usable sentence. */
export function parseHostCliArgs(argv: string[]): HostCliArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (0 picks a free port), not "${values.port}"`);
  }
  return { port, dataDir: values['data-dir'], rendererDir: values['renderer-dir'] };
}
