import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient, writeFakeRenderer } from '../support/host-fixture';
import { exitOf, spawnHostCli as spawnHost } from '../support/host-process';
import { makeTempDir } from '../support/temp-dir';

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('serve-cli');
});
afterEach(() => temp.remove());

describe('npm run serve (host CLI)', () => {
  it('prints exactly one READY line, serves, and exits 0 on SIGTERM', async () => {
    const rendererDir = join(temp.path, 'renderer');
    const dataDir = join(temp.path, 'data');
    writeFakeRenderer(rendererDir);
    const host = spawnHost(['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir]);
    await waitFor(() => host.stdout().includes('\n'));

    const lines = host.stdout().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^READY \{/);
    const ready = JSON.parse(lines[0]!.slice('READY '.length)) as { url: string; ws: string };
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    expect(ready.ws).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\?token=[\w-]{20,}$/);
    expect(existsSync(dataDir)).toBe(true);

    const client = await TestClient.open(ready.ws);
    expect(await client.call('tracks.list')).toMatchObject({ type: 'rpc_result' });
    const closed = new Promise<number>((resolve) => client.socket.once('close', resolve));

    host.child.kill('SIGTERM');
    expect(await exitOf(host.child)).toEqual({ code: 0, signal: null });
    expect(await closed).toBe(1001);
    expect(host.stderr()).not.toContain(ready.url.split('#token=')[1]!);
  });

  it('exits 1 with one clear sentence for a bad port', async () => {
    const host = spawnHost(['--port', 'eighty']);
    expect((await exitOf(host.child)).code).toBe(1);
    expect(host.stdout()).toBe('');
    expect(host.stderr()).toContain('--port must be a whole number');
  });
});
