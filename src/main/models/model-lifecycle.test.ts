import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLoopbackFileServer, type LoopbackFileServer } from '../../../tests/support/models/loopback-file-server';
import { generateWhisperFiles, plentyOfSpace, sha256, testCatalog, testModel } from '../../../tests/support/models/model-fixtures';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { silentLogger } from '../log';
import type { CatalogModel } from './catalog-schema';
import { createModelManager } from './model-manager';

/** What list() and installedPath() report, across a model's life, and removal. */
let server: LoopbackFileServer;
let temp: { path: string; remove(): void };

beforeEach(async () => {
  server = await startLoopbackFileServer();
  temp = makeTempDir('model-lifecycle');
});

afterEach(async () => {
  await server.close();
  temp.remove();
});

function setup() {
  const files = generateWhisperFiles({ encoder: 800_000, decoder: 1_200_000, tokens: 250_000 });
  const model = testModel('test-whisper', files, (name) => server.url(`/m/${name}`));
  for (const file of files) server.serve(`/m/${file.name}`, file.content);
  const modelsDir = join(temp.path, 'models');
  const manager = (catalogModel: CatalogModel = model) =>
    createModelManager({ modelsDir, catalog: testCatalog(catalogModel), statfs: plentyOfSpace, log: silentLogger });
  return { model, files, modelsDir, manager, folder: join(modelsDir, model.id) };
}

describe('model states', () => {
  it('goes from not installed to downloading to installed, and back after removal', async () => {
    const { model, files, manager, folder } = setup();
    const models = manager();
    expect(await models.list()).toEqual([{ model, state: { kind: 'not-installed', partialBytes: 0 } }]);

    server.behave(`/m/${files[1]!.name}`, { stallAfterBytes: 300_000 });
    const controller = new AbortController();
    let reached!: () => void;
    const halfway = new Promise<void>((resolve) => (reached = resolve));
    const download = models.download(model.id, {
      signal: controller.signal,
      onProgress: ({ bytes }) => bytes === files[0]!.content.length + 300_000 && reached(),
    });
    await halfway;
    expect((await models.list())[0]?.state).toEqual({ kind: 'downloading', via: 'network', bytes: files[0]!.content.length + 300_000, total: model.totalBytes });
    expect(await models.installedPath(model.id)).toBeUndefined();
    controller.abort();
    await expect(download).rejects.toMatchObject({ code: 'CANCELLED' });

    server.behave(`/m/${files[1]!.name}`, {});
    await models.download(model.id);
    expect((await models.list())[0]?.state).toEqual({ kind: 'installed', path: folder });

    await models.remove(model.id);
    expect(existsSync(folder)).toBe(false);
    expect(await models.installedPath(model.id)).toBeUndefined();
    expect((await models.list())[0]?.state).toEqual({ kind: 'not-installed', partialBytes: 0 });
  });

  it('reports a failure with its reason, with the bytes kept for resuming', async () => {
    const { model, files, manager } = setup();
    server.behave(`/m/${files[0]!.name}`, { cutAfterBytes: 400_000 });
    const models = manager();
    await expect(models.download(model.id)).rejects.toMatchObject({ code: 'NETWORK' });

    expect((await models.list())[0]?.state).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('continue from where it stopped'),
      partialBytes: 400_000,
    });
  });

  it('keeps leftover .part files at start and shows them as resumable, not installed', async () => {
    const { model, files, manager, folder } = setup();
    mkdirSync(folder, { recursive: true });
    const part = join(folder, `${files[0]!.name}.part`);
    writeFileSync(part, files[0]!.content.subarray(0, 123_456));

    const models = manager();
    expect((await models.list())[0]?.state).toEqual({ kind: 'not-installed', partialBytes: 123_456 });
    expect(await models.installedPath(model.id)).toBeUndefined();
    expect(readFileSync(part).length).toBe(123_456);
  });

  it('never treats a folder without installed.json as installed, even with every file in it', async () => {
    const { model, files, manager, folder } = setup();
    mkdirSync(folder, { recursive: true });
    for (const file of files) writeFileSync(join(folder, file.name), file.content);

    const models = manager();
    expect(await models.installedPath(model.id)).toBeUndefined();
    expect((await models.list())[0]?.state).toEqual({ kind: 'not-installed', partialBytes: model.totalBytes });

    // Downloading then verifies those files on disk instead of fetching them again.
    await expect(models.download(model.id)).resolves.toBe(folder);
    expect(server.requests).toHaveLength(0);
  });

  it('does not trust an installed.json whose files went missing or no longer match the catalog', async () => {
    const { model, files, manager, folder } = setup();
    await manager().download(model.id);

    // A newer catalog entry: same sizes, another tokens file. Only the recorded digests differ.
    const newTokens = randomBytes(files[2]!.content.length);
    const newer: CatalogModel = {
      ...model,
      files: model.files.map((file) => (file.name === 'tokens.txt' ? { ...file, sha256: sha256(newTokens) } : file)),
    };
    expect(await manager(newer).installedPath(model.id)).toBeUndefined();
    expect(await manager().installedPath(model.id)).toBe(folder);

    rmSync(join(folder, files[0]!.name));
    expect(await manager().installedPath(model.id)).toBeUndefined();
    expect((await manager().list())[0]?.state.kind).toBe('not-installed');
  });

  it('refuses to remove a model it does not know', async () => {
    const { manager } = setup();
    await expect(manager().remove('../outside')).rejects.toMatchObject({ code: 'UNKNOWN_MODEL' });
  });
});
