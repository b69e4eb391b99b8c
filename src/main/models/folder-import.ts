import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogFile, CatalogModel } from './catalog-schema';
import { fileSize } from './model-folder';
import { cancelledError, ModelError } from './model-errors';

/**
 * Installing from a folder the user picked, for computers that are never online: the files
 * may sit in the folder itself, in a subfolder named like the model's id, or in the folder
 * the upstream archive unpacks to (`sourceFolder` in the catalog).
 */
export async function locateModelFiles(folder: string, model: CatalogModel): Promise<string> {
  await requireFolder(folder);
  const candidates = [folder, join(folder, model.id), ...(model.sourceFolder ? [join(folder, model.sourceFolder)] : [])];
  let fewestMissing: string[] | undefined;
  for (const candidate of candidates) {
    const missing: string[] = [];
    for (const file of model.files) {
      if ((await fileSize(join(candidate, file.name))) === undefined) missing.push(file.name);
    }
    if (missing.length === 0) return candidate;
    if (!fewestMissing || missing.length < fewestMissing.length) fewestMissing = missing;
  }
  throw new ModelError(
    'FILES_MISSING',
    `The chosen folder does not contain all the files of ${model.displayName}. Missing: ${(fewestMissing ?? []).join(', ')}. ` +
      `Put the files in the folder itself or in a subfolder named "${model.id}".`,
  );
}

/** A path that is no folder is said to be so, not reported as a folder missing every file (issue #9). */
async function requireFolder(folder: string): Promise<void> {
  const found = await stat(folder).catch(() => undefined);
  if (!found) throw new ModelError('FOLDER_MISSING', 'That folder does not exist. Check the path, or choose the folder that holds the model files.');
  if (!found.isDirectory()) throw new ModelError('FOLDER_MISSING', 'That path is a file, not a folder. Choose the folder that holds the model files.');
}

/**
 * Copies one file and checks it in the same pass: the digest is of the bytes written, so what
 * was verified is exactly what gets installed. A wrong size is refused before copying.
 */
export async function copyVerifiedFile(options: {
  source: string;
  target: string;
  file: CatalogFile;
  signal?: AbortSignal;
  onFileBytes(bytes: number): void;
}): Promise<void> {
  const { file } = options;
  const size = await fileSize(options.source);
  if (size !== file.bytes) {
    throw new ModelError('SIZE_MISMATCH', `${file.name} in the chosen folder is ${size ?? 0} bytes, but it should be ${file.bytes} bytes. Nothing was installed.`);
  }
  const hash = createHash('sha256');
  const handle = await open(options.target, 'w');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(options.source, { signal: options.signal })) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      await handle.write(buffer);
      bytes += buffer.byteLength;
      options.onFileBytes(bytes);
    }
    await handle.sync();
  } catch (error) {
    if (options.signal?.aborted) throw cancelledError();
    throw error;
  } finally {
    await handle.close();
  }
  if (bytes !== file.bytes) {
    throw new ModelError('SIZE_MISMATCH', `${file.name} changed size while it was being copied. Nothing was installed.`);
  }
  if (hash.digest('hex') !== file.sha256) {
    throw new ModelError(
      'CHECKSUM_MISMATCH',
      `${file.name} in the chosen folder does not match its expected SHA-256 checksum (it is damaged or a different version). Nothing was installed.`,
    );
  }
}
