import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';

/**
 * Speech models over the protocol (issue #4): listed without paths, a failed download is
 * reported with a reason to every window, a bad folder installs nothing.
 */
let fixture: HostFixture;
let modelServer: Server;
beforeEach(async () => {
  // Model downloads go to a loopback server that is down for maintenance, never the internet.
  modelServer = createServer((_req, res) => res.writeHead(503).end());
  await new Promise<void>((resolve) => modelServer.listen(0, '127.0.0.1', resolve));
  const { port } = modelServer.address() as AddressInfo;
  fixture = await startTestHost({ fetch: (_url, init) => fetch(`http://127.0.0.1:${port}/`, init) });
});
afterEach(async () => {
  await fixture.stop();
  await new Promise((resolve) => modelServer.close(resolve));
});

describe('models over the protocol', () => {
  it('lists the catalog as not installed, with sizes and notes but no file system paths', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const reply = await client.call('models.list');
    const models = reply.result as { id: string; totalBytes: number; state: { kind: string } }[];
    expect(models.length).toBeGreaterThan(0);
    expect(models.every((m) => m.state.kind === 'not-installed' && m.totalBytes > 0)).toBe(true);
    expect(JSON.stringify(models)).not.toContain(fixture.dataDir);
    client.close();
  });

  it('reports a failed download to every window, with a reason', async () => {
    const first = await TestClient.open(fixture.host.ws);
    const second = await TestClient.open(fixture.host.ws);
    const [model] = (await first.call('models.list')).result as { id: string }[];
    expect(await first.call('models.download', { modelId: model!.id })).toMatchObject({ result: { started: true } });
    for (const client of [first, second]) {
      const failed = await client.next((frame) => frame.type === 'model_progress' && (frame.state as { kind: string }).kind === 'failed', 20_000);
      expect(failed).toMatchObject({ modelId: model!.id, state: { reason: expect.any(String) } });
    }
    first.close();
    second.close();
  });

  it('refuses to import from a folder without the right files, and installs nothing', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const [model] = (await client.call('models.list')).result as { id: string }[];
    const folder = join(fixture.dataDir, 'not-a-model');
    mkdirSync(folder);
    writeFileSync(join(folder, 'tokens.txt'), 'nothing useful');
    expect(await client.call('models.import', { modelId: model!.id, folder })).toMatchObject({ type: 'rpc_error', error: { code: 'IMPORT_FAILED' } });
    const after = (await client.call('models.list')).result as { id: string; state: { kind: string } }[];
    expect(after.find((m) => m.id === model!.id)?.state.kind).not.toBe('installed');
    expect(await client.call('models.remove', { modelId: 'no-such-model' })).toMatchObject({ type: 'rpc_error', error: { code: 'NOT_FOUND' } });
    client.close();
  });
});
