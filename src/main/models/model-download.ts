import { mkdir, rename, rm } from 'node:fs/promises';
import type { Logger } from '../log';
import type { CatalogModel } from './catalog-schema';
import { ensureFreeSpace, type StatFs } from './disk-space';
import { sha256OfFile } from './file-digest';
import { downloadVerifiedPart, type Fetch } from './file-download';
import { installedFolder, writeInstallMarker } from './install-marker';
import { fileSize, finalPath, modelFolder, partialPath } from './model-folder';
import { cancelledError, isCancelled } from './model-errors';

export interface ModelDownload {
  modelsDir: string;
  model: CatalogModel;
  fetch: Fetch;
  statfs: StatFs;
  log: Logger;
  signal?: AbortSignal;
  idleTimeoutMs: number;
  /** Bytes of the model on disk so far, for progress. */
  report(bytes: number): void;
}

/**
 * Downloads every file of a model into `<modelsDir>/<id>/`, one after the other, each first as
 * `<name>.part`, verified, then renamed; `installed.json` is written last. Returns the folder.
 * An interrupted download leaves its .part file to resume from; a cancelled one removes the
 * model's folder, as if it had never started.
 */
export async function downloadModel(job: ModelDownload): Promise<string> {
  const installed = await installedFolder(job.modelsDir, job.model);
  if (installed) return installed;
  const folder = modelFolder(job.modelsDir, job.model);
  try {
    return await downloadInto(folder, job);
  } catch (error) {
    if (isCancelled(error)) await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

async function downloadInto(folder: string, job: ModelDownload): Promise<string> {
  const { model, log } = job;
  const verified = await verifiedFinishedFiles(folder, job);
  let remaining = 0;
  for (const file of model.files) {
    if (verified.has(file.name)) continue;
    remaining += file.bytes - Math.min((await fileSize(partialPath(folder, file))) ?? 0, file.bytes);
  }
  // Before any request: a download that cannot fit is refused up front, not at 90 %.
  await ensureFreeSpace({ statfs: job.statfs, folder, remainingBytes: remaining, modelName: model.displayName, log, modelId: model.id });
  await mkdir(folder, { recursive: true });
  log.info('models.download_started', { modelId: model.id, remainingBytes: remaining, totalBytes: model.totalBytes });

  let done = 0;
  for (const file of model.files) {
    if (!verified.has(file.name)) {
      await downloadVerifiedPart({
        modelId: model.id,
        file,
        partPath: partialPath(folder, file),
        fetch: job.fetch,
        signal: job.signal,
        idleTimeoutMs: job.idleTimeoutMs,
        log,
        onFileBytes: (bytes) => job.report(done + bytes),
      });
      if (job.signal?.aborted) throw cancelledError();
      await rename(partialPath(folder, file), finalPath(folder, file));
    }
    done += file.bytes;
    job.report(done);
  }
  await writeInstallMarker(folder, model);
  return folder;
}

/**
 * Files already renamed to their final name by an earlier attempt. They were verified then;
 * they are hashed again here (local disk, no network) so that nothing changed since is ever
 * installed. A file that fails is deleted and downloaded again.
 */
async function verifiedFinishedFiles(folder: string, job: ModelDownload): Promise<Set<string>> {
  const verified = new Set<string>();
  for (const file of job.model.files) {
    const path = finalPath(folder, file);
    const size = await fileSize(path);
    if (size === undefined) continue;
    if (size === file.bytes && (await sha256OfFile(path, job.signal).catch(() => undefined)) === file.sha256) verified.add(file.name);
    else await rm(path, { force: true });
  }
  if (job.signal?.aborted) throw cancelledError();
  return verified;
}
