import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { writeFakeRenderer } from './host-fixture';
import { exitOf, spawnHostCli, type HostProcess } from './host-process';
import { makeTempDir } from './temp-dir';

export interface HostFolder {
  /** This test's data folder (not created: the host makes it). */
  readonly dataDir: string;
  /** The host CLI as a real process on that folder; stopped after the test. */
  start(): HostProcess;
}

/**
 * For tests of what hosts do with one data folder: a fresh folder and a fake renderer per
 * test, and every host the test started is killed and the folder removed after it. Call it at
 * the top of a test file.
 */
export function hostFolderPerTest(prefix: string): HostFolder {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  const hosts: HostProcess[] = [];
  beforeEach(() => {
    temp = makeTempDir(prefix);
    writeFakeRenderer(join(temp.path, 'renderer'));
  });
  afterEach(async () => {
    for (const host of hosts.splice(0)) {
      host.child.kill('SIGKILL');
      await exitOf(host.child);
    }
    temp?.remove();
  });
  const root = (): string => {
    if (!temp) throw new Error('hostFolderPerTest: used outside a test');
    return temp.path;
  };
  return {
    get dataDir() {
      return join(root(), 'data');
    },
    start() {
      const host = spawnHostCli(['--port', '0', '--data-dir', join(root(), 'data'), '--renderer-dir', join(root(), 'renderer')]);
      hosts.push(host);
      return host;
    },
  };
}
