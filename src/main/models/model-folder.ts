import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { INSTALL_MARKER_NAME, PARTIAL_SUFFIX, type CatalogFile, type CatalogModel } from './catalog-schema';

/**
 * Where a model's files live: `<modelsDir>/<model id>/<file name>`, with `<file name>.part`
 * while it is being downloaded and `installed.json` once all of them are verified. File names
 * are single path segments (catalog-schema.ts), so these joins cannot leave the folder.
 */
export function modelFolder(modelsDir: string, model: CatalogModel): string {
  return join(modelsDir, model.id);
}

export function finalPath(folder: string, file: CatalogFile): string {
  return join(folder, file.name);
}

export function partialPath(folder: string, file: CatalogFile): string {
  return join(folder, file.name + PARTIAL_SUFFIX);
}

export function markerPath(folder: string): string {
  return join(folder, INSTALL_MARKER_NAME);
}

/** The size of a regular file, or undefined when there is none. */
export async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bytes of this model already on disk: finished files of the right size plus partial files
 * (capped at their expected size). Shown as "already downloaded, will resume".
 */
export async function bytesOnDisk(folder: string, model: CatalogModel): Promise<number> {
  let total = 0;
  for (const file of model.files) {
    if ((await fileSize(finalPath(folder, file))) === file.bytes) total += file.bytes;
    else total += Math.min((await fileSize(partialPath(folder, file))) ?? 0, file.bytes);
  }
  return total;
}
