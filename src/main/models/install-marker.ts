import { open, readFile, rename, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { CatalogModel } from './catalog-schema';
import { fileSize, finalPath, markerPath, modelFolder } from './model-folder';

/**
 * `installed.json` is written last, after every file of a model was verified against its
 * SHA-256. Its presence is what "installed" means: a folder without it (an interrupted
 * download, a copy in progress, a crash) is never used. It records what was verified, so an
 * install made for an older catalog entry (other files, other digests) is not mistaken for
 * the current one.
 */
const InstallMarker = z.object({
  modelId: z.string(),
  installedAt: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number(), sha256: z.string() })),
});
type InstallMarker = z.infer<typeof InstallMarker>;

function describeFiles(model: CatalogModel): InstallMarker['files'] {
  return model.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 }));
}

/** Write to a temporary file, flush it to disk, then rename: the marker is whole or absent. */
export async function writeInstallMarker(folder: string, model: CatalogModel, now: Date = new Date()): Promise<void> {
  const marker: InstallMarker = { modelId: model.id, installedAt: now.toISOString(), files: describeFiles(model) };
  const temporary = `${markerPath(folder)}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(JSON.stringify(marker, null, 2) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, markerPath(folder));
}

export async function removeInstallMarker(folder: string): Promise<void> {
  await rm(markerPath(folder), { force: true });
}

async function readInstallMarker(folder: string): Promise<InstallMarker | undefined> {
  try {
    const parsed = InstallMarker.safeParse(JSON.parse(await readFile(markerPath(folder), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function sameFiles(recorded: InstallMarker['files'], expected: InstallMarker['files']): boolean {
  if (recorded.length !== expected.length) return false;
  return expected.every((file) => recorded.some((r) => r.name === file.name && r.bytes === file.bytes && r.sha256 === file.sha256));
}

/**
 * The folder of an installed model, or undefined. Cheap enough to call before every use: it
 * reads the marker and checks each file is still there with its verified size (re-hashing
 * hundreds of megabytes at every start would be slow; the digests were checked on install).
 */
export async function installedFolder(modelsDir: string, model: CatalogModel): Promise<string | undefined> {
  const folder = modelFolder(modelsDir, model);
  const marker = await readInstallMarker(folder);
  if (!marker || marker.modelId !== model.id || !sameFiles(marker.files, describeFiles(model))) return undefined;
  for (const file of model.files) {
    if ((await fileSize(finalPath(folder, file))) !== file.bytes) return undefined;
  }
  return folder;
}
