import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log';
import type { CatalogModel } from './catalog-schema';
import { ensureFreeSpace, type StatFs } from './disk-space';
import { copyVerifiedFile, locateModelFiles } from './folder-import';
import { installedFolder, writeInstallMarker } from './install-marker';
import { finalPath, modelFolder, partialPath } from './model-folder';
import { cancelledError } from './model-errors';

export interface ModelImport {
  modelsDir: string;
  model: CatalogModel;
  /** The folder the user picked. */
  source: string;
  statfs: StatFs;
  log: Logger;
  signal?: AbortSignal;
  report(bytes: number): void;
}

/** Ends with a dot, which ids cannot contain, so one model's prefix never matches another's. */
const stagingPrefix = (model: CatalogModel): string => `.import-${model.id}.`;

/**
 * Copies a model's files from a folder into a private staging folder, verifying each; only
 * when every file verified are they moved into `<modelsDir>/<id>/` and `installed.json`
 * written. On any failure the staging folder is removed, so nothing is left behind, and an
 * unfinished network download of the same model (its .part files) is left untouched.
 */
export async function importModel(job: ModelImport): Promise<string> {
  const { model, log } = job;
  const installed = await installedFolder(job.modelsDir, model);
  if (installed) return installed;
  const sourceDir = await locateModelFiles(job.source, model);
  await ensureFreeSpace({ statfs: job.statfs, folder: job.modelsDir, remainingBytes: model.totalBytes, modelName: model.displayName, log, modelId: model.id });
  await mkdir(job.modelsDir, { recursive: true });
  await removeStaleStaging(job.modelsDir, model);
  const staging = await mkdtemp(join(job.modelsDir, stagingPrefix(model)));
  try {
    let done = 0;
    for (const file of model.files) {
      await copyVerifiedFile({
        source: join(sourceDir, file.name),
        target: join(staging, file.name),
        file,
        signal: job.signal,
        onFileBytes: (bytes) => job.report(done + bytes),
      });
      done += file.bytes;
    }
    if (job.signal?.aborted) throw cancelledError();
    const folder = modelFolder(job.modelsDir, model);
    await mkdir(folder, { recursive: true });
    for (const file of model.files) {
      await rename(join(staging, file.name), finalPath(folder, file));
      await rm(partialPath(folder, file), { force: true });
    }
    await writeInstallMarker(folder, model);
    log.info('models.imported', { modelId: model.id, files: model.files.length });
    return folder;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** A crash during an earlier import can leave its staging folder; it cannot be resumed. */
async function removeStaleStaging(modelsDir: string, model: CatalogModel): Promise<void> {
  for (const name of await readdir(modelsDir)) {
    if (name.startsWith(stagingPrefix(model))) await rm(join(modelsDir, name), { recursive: true, force: true });
  }
}
