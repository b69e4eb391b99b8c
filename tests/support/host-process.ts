import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR } from './paths';

const CLI = join(ROOT_DIR, 'src/main/transport/ws-host-cli.ts');

export interface HostProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
}

/**
 * The host CLI as a real process (through tsx, so no build is needed). `prefix` runs it
 * through another command first, such as one that drops root (`unprivilegedPrefix`).
 */
export function spawnHostCli(args: string[], prefix: string[] = []): HostProcess {
  const [command, ...rest] = [...prefix, process.execPath, '--import', 'tsx', CLI, ...args];
  const child = spawn(command!, rest, { cwd: ROOT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** The READY line's addresses, once the host printed it (DESIGN.md §3). */
export async function readyOf(host: HostProcess, timeoutMs = 60_000): Promise<{ url: string; ws: string; port: number; token: string }> {
  const deadline = Date.now() + timeoutMs;
  while (!host.stdout().includes('\n')) {
    if (host.child.exitCode !== null) throw new Error(`the host exited with ${host.child.exitCode}:\n${host.stderr()}`);
    if (Date.now() > deadline) throw new Error(`the host printed no READY line in time:\n${host.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const line = host.stdout().split('\n')[0]!;
  const ready = JSON.parse(line.slice('READY '.length)) as { url: string; ws: string };
  const ws = new URL(ready.ws);
  return { ...ready, port: Number(ws.port), token: ws.searchParams.get('token')! };
}

/** The uid and gid `unprivilegedPrefix` runs as when the tests run as root. */
export const NOBODY = 65_534;

/**
 * How to run a process without root's right to read any file: nothing to do when the tests
 * are not root; as root, setpriv or runuser to `nobody`; or why neither is possible here.
 */
export function unprivilegedPrefix(): { prefix: string[] } | { skip: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  if (spawnSync('setpriv', ['--version']).status === 0) {
    return { prefix: ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] };
  }
  if (spawnSync('runuser', ['--version']).status === 0) return { prefix: ['runuser', '-u', 'nobody', '--'] };
  return { skip: 'running as root without setpriv or runuser, so file modes cannot be tested' };
}
