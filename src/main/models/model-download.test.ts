import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLoopbackFileServer, type LoopbackFileServer } from '../../../tests/support/models/loopback-file-server';
import {
  countingFetch,
  diskWithFree,
  generateWhisperFiles,
  memoryLogger,
  plentyOfSpace,
  testCatalog,
  testModel,
} from '../../../tests/support/models/model-fixtures';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { silentLogger } from '../log';
import { requiredFreeBytes } from './disk-space';
import { createModelManager, type ModelManagerOptions } from './model-manager';

/**
 * The real download code against a real HTTP server on 127.0.0.1 serving generated files
 * (random bytes, a few hundred kB to 2 MB), told to fail the ways real downloads fail.
 */
let server: LoopbackFileServer;
let temp: { path: string; remove(): void };

beforeEach(async () => {
  server = await startLoopbackFileServer();
  temp = makeTempDir('model-download');
});

afterEach(async () => {
  await server.close();
  temp.remove();
});

const CUT_AT = 700_000;

function setup() {
  const id = 'test-whisper';
  const files = generateWhisperFiles({ encoder: 1_500_000, decoder: 2_000_000, tokens: 300_000 });
  const route = (name: string): string => `/${id}/${name}`;
  for (const file of files) server.serve(route(file.name), file.content);
  const model = testModel(id, files, (name) => server.url(route(name)));
  const modelsDir = join(temp.path, 'models');
  const manager = (overrides: Partial<ModelManagerOptions> = {}) =>
    createModelManager({ modelsDir, catalog: testCatalog(model), statfs: plentyOfSpace, log: silentLogger, ...overrides });
  const [encoder, decoder, tokens] = files as [(typeof files)[0], (typeof files)[0], (typeof files)[0]];
  return { model, files, encoder, decoder, tokens, route, manager, folder: join(modelsDir, id) };
}

const requestsFor = (path: string) => server.requests.filter((request) => request.path === path);

function expectInstalledCopies(folder: string, files: { name: string; content: Buffer }[]): void {
  for (const file of files) expect(readFileSync(join(folder, file.name)).equals(file.content), file.name).toBe(true);
  expect(existsSync(join(folder, 'installed.json'))).toBe(true);
}

describe('downloading a model', () => {
  it('downloads every file, verifies it and writes installed.json, reporting progress up to the total', async () => {
    const { model, files, manager, folder } = setup();
    const progress: number[] = [];
    const path = await manager().download(model.id, { onProgress: ({ bytes, total }) => (expect(total).toBe(model.totalBytes), progress.push(bytes)) });
    expect(path).toBe(folder);
    expectInstalledCopies(folder, files);
    expect(progress.at(-1)).toBe(model.totalBytes);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('resumes an interrupted download with a Range request from the .part file size, after a restart', async () => {
    const { model, files, encoder, route, manager, folder } = setup();
    server.behave(route(encoder.name), { cutAfterBytes: CUT_AT });

    const first = manager();
    await expect(first.download(model.id)).rejects.toMatchObject({ code: 'NETWORK' });
    const partPath = join(folder, `${encoder.name}.part`);
    expect(statSync(partPath).size).toBe(CUT_AT);
    expect(await first.installedPath(model.id)).toBeUndefined();
    expect(existsSync(join(folder, 'installed.json'))).toBe(false);

    server.behave(route(encoder.name), {});
    const afterRestart = manager();
    const path = await afterRestart.download(model.id);

    const [initial, resumed] = requestsFor(route(encoder.name));
    expect(initial).toMatchObject({ range: undefined, status: 200 });
    expect(resumed).toMatchObject({ range: `bytes=${CUT_AT}-`, status: 206, sentBytes: encoder.content.length - CUT_AT });
    expect(requestsFor(route(encoder.name))).toHaveLength(2);
    expectInstalledCopies(path, files);
    expect(existsSync(partPath)).toBe(false);
    expect(await afterRestart.installedPath(model.id)).toBe(folder);
  });

  it('restarts cleanly when the server ignores Range and answers 200 with the whole file', async () => {
    const { model, files, encoder, route, manager, folder } = setup();
    server.behave(route(encoder.name), { cutAfterBytes: CUT_AT });
    await expect(manager().download(model.id)).rejects.toMatchObject({ code: 'NETWORK' });

    server.behave(route(encoder.name), { ignoreRange: true });
    const log = memoryLogger();
    await manager({ log }).download(model.id);

    expect(requestsFor(route(encoder.name)).map((r) => [r.range, r.status])).toEqual([
      [undefined, 200],
      [`bytes=${CUT_AT}-`, 200],
    ]);
    expect(log.lines.map((line) => line.event)).toContain('models.download_range_ignored');
    expectInstalledCopies(folder, files);
  });

  it('rejects a file whose SHA-256 is wrong, deletes it, and does not install the model', async () => {
    const { model, encoder, decoder, route, manager, folder } = setup();
    server.behave(route(decoder.name), { corrupt: true });
    const models = manager();

    await expect(models.download(model.id)).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', message: expect.stringContaining(decoder.name) });
    expect(existsSync(join(folder, decoder.name))).toBe(false);
    expect(existsSync(join(folder, `${decoder.name}.part`))).toBe(false);
    expect(existsSync(join(folder, 'installed.json'))).toBe(false);
    expect(await models.installedPath(model.id)).toBeUndefined();
    const [listing] = await models.list();
    expect(listing?.state).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/checksum/i) });

    // Fixed on the server: the encoder verified last time is checked locally, not fetched again.
    server.behave(route(decoder.name), {});
    await models.download(model.id);
    expect(requestsFor(route(encoder.name))).toHaveLength(1);
    expect(await models.installedPath(model.id)).toBe(folder);
  });

  it('also rejects corrupted bytes that arrive on a resumed download', async () => {
    const { model, encoder, route, manager, folder } = setup();
    server.behave(route(encoder.name), { cutAfterBytes: CUT_AT });
    await expect(manager().download(model.id)).rejects.toMatchObject({ code: 'NETWORK' });
    server.behave(route(encoder.name), { corrupt: true });

    await expect(manager().download(model.id)).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
    expect(requestsFor(route(encoder.name)).at(-1)).toMatchObject({ range: `bytes=${CUT_AT}-`, status: 206 });
    expect(existsSync(join(folder, `${encoder.name}.part`))).toBe(false);
  });

  it('stops and deletes a file when the server sends more bytes than the catalog says', async () => {
    const { model, tokens, route, manager, folder } = setup();
    server.serve(route(tokens.name), Buffer.concat([tokens.content, Buffer.alloc(70_000, 1)]));

    await expect(manager().download(model.id)).rejects.toMatchObject({ code: 'SIZE_MISMATCH', message: expect.stringContaining(tokens.name) });
    expect(existsSync(join(folder, `${tokens.name}.part`))).toBe(false);
    expect(existsSync(join(folder, 'installed.json'))).toBe(false);
  });

  it('fails with the server status on a 500, keeps nothing half-done installed, and succeeds later', async () => {
    const { model, files, tokens, route, manager, folder } = setup();
    server.behave(route(tokens.name), { failWithStatus: 500 });
    const models = manager();

    await expect(models.download(model.id)).rejects.toMatchObject({ code: 'HTTP_STATUS', message: expect.stringContaining('500') });
    expect((await models.list())[0]?.state).toMatchObject({ kind: 'failed', reason: expect.stringContaining('500') });
    expect(await models.installedPath(model.id)).toBeUndefined();

    server.behave(route(tokens.name), {});
    await models.download(model.id);
    expectInstalledCopies(folder, files);
    expect((await models.list())[0]?.state).toEqual({ kind: 'installed', path: folder });
  });

  it('cancels on abort and removes the partial files of that model', async () => {
    const { model, encoder, decoder, route, manager, folder } = setup();
    server.behave(route(decoder.name), { stallAfterBytes: 500_000 });
    const models = manager();
    const controller = new AbortController();

    const download = models.download(model.id, {
      signal: controller.signal,
      onProgress: ({ bytes }) => {
        if (bytes >= encoder.content.length + 100_000) controller.abort();
      },
    });

    await expect(download).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(folder)).toBe(false);
    expect((await models.list())[0]?.state).toEqual({ kind: 'not-installed', partialBytes: 0 });
  });

  it('gives up on a server that stops sending, keeping the bytes so far for the next attempt', async () => {
    const { model, files, encoder, route, manager, folder } = setup();
    server.behave(route(encoder.name), { stallAfterBytes: CUT_AT });
    const log = memoryLogger();

    await expect(manager({ idleTimeoutMs: 300, log }).download(model.id)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(statSync(join(folder, `${encoder.name}.part`)).size).toBe(CUT_AT);
    expect(log.lines.map((line) => line.event)).toContain('models.download_stalled');

    server.behave(route(encoder.name), {});
    await manager().download(model.id);
    expect(requestsFor(route(encoder.name)).at(-1)).toMatchObject({ range: `bytes=${CUT_AT}-`, status: 206 });
    expectInstalledCopies(folder, files);
  });

  it('refuses before downloading anything when the disk lacks room for the remaining bytes', async () => {
    const { model, manager, folder } = setup();
    const counted = countingFetch();
    const models = manager({ fetch: counted.fetch, statfs: diskWithFree(model.totalBytes) });

    await expect(models.download(model.id)).rejects.toMatchObject({
      code: 'NOT_ENOUGH_SPACE',
      message: expect.stringMatching(/^There is not enough free disk space for Test model test-whisper: it needs .+ and only .+ is free\./),
    });
    expect(counted.calls()).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(folder)).toBe(false);
  });

  it('counts only the bytes still missing when a partial download is there', async () => {
    const { model, encoder, route, manager } = setup();
    server.behave(route(encoder.name), { cutAfterBytes: CUT_AT });
    await expect(manager().download(model.id)).rejects.toMatchObject({ code: 'NETWORK' });
    server.behave(route(encoder.name), {});
    const needed = requiredFreeBytes(model.totalBytes - CUT_AT);

    await expect(manager({ statfs: diskWithFree(needed - 1) }).download(model.id)).rejects.toMatchObject({ code: 'NOT_ENOUGH_SPACE' });
    await expect(manager({ statfs: diskWithFree(needed) }).download(model.id)).resolves.toBeTruthy();
  });

  it('refuses a second download, an import or a removal of a model that is downloading', async () => {
    const { model, encoder, route, manager } = setup();
    server.behave(route(encoder.name), { stallAfterBytes: 200_000 });
    const models = manager();
    const controller = new AbortController();
    let started!: () => void;
    const firstBytes = new Promise<void>((resolve) => (started = resolve));

    const first = models.download(model.id, { signal: controller.signal, onProgress: ({ bytes }) => bytes > 0 && started() });
    await firstBytes;
    await expect(models.download(model.id)).rejects.toMatchObject({ code: 'BUSY' });
    await expect(models.importFromFolder(model.id, temp.path)).rejects.toMatchObject({ code: 'BUSY' });
    await expect(models.remove(model.id)).rejects.toMatchObject({ code: 'BUSY' });
    expect(requestsFor(route(encoder.name))).toHaveLength(1);

    controller.abort();
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('answers with the installed folder, without any request, when the model is already installed', async () => {
    const { model, manager, folder } = setup();
    await manager().download(model.id);
    const before = server.requests.length;
    await expect(manager().download(model.id)).resolves.toBe(folder);
    expect(server.requests).toHaveLength(before);
  });

  it('rejects an unknown model id', async () => {
    const { manager } = setup();
    await expect(manager().download('no-such-model')).rejects.toMatchObject({ code: 'UNKNOWN_MODEL' });
  });
});
