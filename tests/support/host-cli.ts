import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR } from './paths';

const CLI = join(ROOT_DIR, 'src/main/transport/ws-host-cli.ts');

export interface HostCliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the READY line's addresses; rejects with stderr if the host exits first. */
  ready(): Promise<{ url: string; ws: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The host CLI as a real process (through tsx, so no build is needed). `user` runs it as
 * another account (root only), for folders that root could write anyway.
 */
export function spawnHostCli(args: string[], user?: { uid: number; gid: number }): HostCliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(user ?? {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ url: string; ws: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host printed no READY line in time:\n${stderr}`)), 60_000);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code ?? signal}) before READY:\n${stderr}`));
    });
    child.stdout!.on('data', () => {
      const line = stdout.split('\n').find((l) => l.startsWith('READY '));
      if (!line || !stdout.includes('\n')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('READY '.length)) as { url: string; ws: string });
    });
  });
  // A test that expects an early exit never awaits ready(); its rejection is not a failure.
  ready.catch(() => {});
  return { child, stdout: () => stdout, stderr: () => stderr, ready: () => ready, exited };
}

/** The first of READY or exit, for tests that check which one a start ends in. */
export function outcomeOf(host: HostCliProcess): Promise<'ready' | 'exited'> {
  return Promise.race([host.ready().then(() => 'ready' as const), host.exited.then(() => 'exited' as const)]);
}
