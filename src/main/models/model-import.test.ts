import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countingFetch,
  diskWithFree,
  generateWhisperFiles,
  memoryLogger,
  plentyOfSpace,
  testCatalog,
  testModel,
  type GeneratedFile,
} from '../../../tests/support/models/model-fixtures';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createModelManager, type ModelManagerOptions } from './model-manager';

/** Installing from a folder the user picked, for computers that are never online. */
let temp: { path: string; remove(): void };

beforeEach(() => {
  temp = makeTempDir('model-import');
});

afterEach(() => {
  temp.remove();
});

function setup() {
  const files = generateWhisperFiles({ encoder: 600_000, decoder: 900_000, tokens: 200_000 });
  // No server: the URLs point at a closed port, and the counting fetch proves none is used.
  const model = testModel('test-whisper', files, (name) => `http://127.0.0.1:9/${name}`);
  const modelsDir = join(temp.path, 'models');
  const picked = join(temp.path, 'usb-stick');
  const counted = countingFetch();
  const log = memoryLogger();
  const manager = (overrides: Partial<ModelManagerOptions> = {}) =>
    createModelManager({ modelsDir, catalog: testCatalog(model), fetch: counted.fetch, statfs: plentyOfSpace, log, ...overrides });
  return { model, files, modelsDir, picked, counted, log, manager, folder: join(modelsDir, model.id) };
}

function writeFiles(folder: string, files: GeneratedFile[]): void {
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, file.name), file.content);
}

function expectNothingInstalled(modelsDir: string): void {
  // Neither the model's folder nor a staging folder is left behind.
  expect(existsSync(modelsDir) ? readdirSync(modelsDir) : []).toEqual([]);
}

describe('installing a model from a folder', () => {
  it('copies and verifies the files from a subfolder named like the model, without the network', async () => {
    const { model, files, modelsDir, picked, counted, manager, folder } = setup();
    writeFiles(join(picked, model.id), files);
    const progress: number[] = [];

    const models = manager();
    const path = await models.importFromFolder(model.id, picked, { onProgress: ({ bytes }) => progress.push(bytes) });

    expect(path).toBe(folder);
    for (const file of files) expect(readFileSync(join(folder, file.name)).equals(file.content)).toBe(true);
    expect(existsSync(join(folder, 'installed.json'))).toBe(true);
    expect(readdirSync(modelsDir)).toEqual([model.id]);
    expect(await models.installedPath(model.id)).toBe(folder);
    expect(progress.at(-1)).toBe(model.totalBytes);
    expect(counted.calls()).toBe(0);
  });

  it('finds the files in the picked folder itself, or in the upstream archive folder', async () => {
    const { model, files, picked, manager, folder } = setup();
    writeFiles(picked, files);
    await expect(manager().importFromFolder(model.id, picked)).resolves.toBe(folder);

    const other = setup();
    writeFiles(join(other.picked, 'elsewhere', `upstream-${model.id}`), other.files);
    await expect(other.manager().importFromFolder(model.id, join(other.picked, 'elsewhere'))).resolves.toBe(other.folder);
  });

  it('installs nothing, and leaves nothing behind, when one file is corrupted', async () => {
    const { model, files, modelsDir, picked, manager } = setup();
    writeFiles(picked, files);
    const damaged = Buffer.from(files[1]!.content);
    damaged[damaged.length >> 1]! ^= 0x01;
    writeFileSync(join(picked, files[1]!.name), damaged);
    const models = manager();

    await expect(models.importFromFolder(model.id, picked)).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      message: expect.stringContaining(files[1]!.name),
    });
    expectNothingInstalled(modelsDir);
    expect(await models.installedPath(model.id)).toBeUndefined();
    expect((await models.list())[0]?.state).toMatchObject({ kind: 'failed', reason: expect.stringContaining('Nothing was installed') });
  });

  it('refuses a file of the wrong size before copying anything', async () => {
    const { model, files, modelsDir, picked, manager } = setup();
    writeFiles(picked, files);
    writeFileSync(join(picked, files[2]!.name), files[2]!.content.subarray(1));

    await expect(manager().importFromFolder(model.id, picked)).rejects.toMatchObject({ code: 'SIZE_MISMATCH' });
    expectNothingInstalled(modelsDir);
  });

  it('names the missing files when the folder does not hold the model', async () => {
    const { model, files, modelsDir, picked, manager } = setup();
    writeFiles(picked, files.slice(0, 2));

    await expect(manager().importFromFolder(model.id, picked)).rejects.toMatchObject({
      code: 'FILES_MISSING',
      message: expect.stringContaining(`Missing: ${files[2]!.name}`),
    });
    expectNothingInstalled(modelsDir);
  });

  it('says the folder does not exist, not that files are missing, when there is no such folder (issue #9)', async () => {
    const { model, modelsDir, picked, manager } = setup();
    const failure = manager().importFromFolder(model.id, join(picked, 'not-there'));
    await expect(failure).rejects.toMatchObject({ code: 'FOLDER_MISSING', message: expect.stringContaining('does not exist') });
    await expect(failure).rejects.toMatchObject({ message: expect.not.stringMatching(/missing|not-there/i) });
    // A file where the folder should be is no folder either.
    writeFileSync(join(temp.path, 'a-file'), 'x');
    await expect(manager().importFromFolder(model.id, join(temp.path, 'a-file'))).rejects.toMatchObject({ code: 'FOLDER_MISSING', message: expect.stringContaining('not a folder') });
    expectNothingInstalled(modelsDir);
  });

  it('refuses before copying when the disk lacks room', async () => {
    const { model, files, modelsDir, picked, manager } = setup();
    writeFiles(picked, files);

    await expect(manager({ statfs: diskWithFree(model.totalBytes) }).importFromFolder(model.id, picked)).rejects.toMatchObject({ code: 'NOT_ENOUGH_SPACE' });
    expectNothingInstalled(modelsDir);
  });

  it('replaces the leftovers of an unfinished download once the import verified', async () => {
    const { model, files, picked, manager, folder } = setup();
    writeFiles(picked, files);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${files[0]!.name}.part`), files[0]!.content.subarray(0, 1000));

    await manager().importFromFolder(model.id, picked);
    expect(readdirSync(folder).sort()).toEqual([...files.map((f) => f.name), 'installed.json'].sort());
  });

  it('cancels on abort and leaves nothing behind', async () => {
    const { model, files, modelsDir, picked, manager } = setup();
    writeFiles(picked, files);
    const controller = new AbortController();

    const copying = manager().importFromFolder(model.id, picked, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(copying).rejects.toMatchObject({ code: 'CANCELLED' });
    expectNothingInstalled(modelsDir);
  });

  it('never writes the picked folder into the log', async () => {
    const { model, files, picked, log, manager } = setup();
    writeFiles(picked, files.slice(1));
    await expect(manager().importFromFolder(model.id, picked)).rejects.toMatchObject({ code: 'FILES_MISSING' });
    writeFiles(picked, files);
    await manager().importFromFolder(model.id, picked);

    expect(log.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.lines)).not.toContain(temp.path);
  });
});
