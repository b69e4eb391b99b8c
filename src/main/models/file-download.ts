import { createHash, type Hash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { Logger } from '../log';
import type { CatalogFile } from './catalog-schema';
import { hashFileInto } from './file-digest';
import { startIdleWatchdog } from './idle-watchdog';
import { fileSize } from './model-folder';
import { cancelledError, ModelError } from './model-errors';

export type Fetch = typeof globalThis.fetch;

export interface FileDownload {
  modelId: string;
  file: CatalogFile;
  /** `<name>.part`: appended to across attempts, renamed by the caller once verified. */
  partPath: string;
  fetch: Fetch;
  /** The user's cancel. */
  signal?: AbortSignal;
  /** How long the server may send nothing before the attempt fails (and can be resumed). */
  idleTimeoutMs: number;
  log: Logger;
  /** This file's bytes on disk so far (it can go back to 0 when the server ignores Range). */
  onFileBytes(bytes: number): void;
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/**
 * Brings `partPath` to the file's exact bytes and checks its SHA-256, resuming from what an
 * earlier attempt left there:
 * - the bytes already in the .part file are hashed first, then `Range: bytes=<size>-` asks for
 *   the rest, which is hashed as it is written (one pass over the network data);
 * - a server that ignores Range (200) or answers for another offset gets a clean restart;
 * - a dropped connection keeps the .part file for the next attempt (NETWORK);
 * - a wrong digest, or more bytes than the catalog says, deletes the .part file.
 * It never renames: the caller does, only after this resolves.
 */
export async function downloadVerifiedPart(job: FileDownload): Promise<void> {
  throwIfCancelled(job.signal);
  const hash = createHash('sha256');
  let start = await usablePartSize(job);
  if (start > 0) {
    await hashFileInto(job.partPath, hash, job.signal).catch((error: unknown) => {
      throwIfCancelled(job.signal);
      throw error;
    });
    if (start === job.file.bytes) {
      // A previous attempt got every byte but stopped before renaming: check it, no request.
      if (hash.digest('hex') === job.file.sha256) return job.onFileBytes(start);
      await rm(job.partPath, { force: true });
      return downloadVerifiedPart(job);
    }
  }
  const watchdog = startIdleWatchdog(job.idleTimeoutMs);
  // The request stops on the user's cancel or on the watchdog; only the first means CANCELLED.
  const transfer = job.signal ? AbortSignal.any([job.signal, watchdog.signal]) : watchdog.signal;
  let written: { bytes: number; sha256: string };
  try {
    const { response, from } = await requestFrom(job, start, transfer);
    start = from;
    job.onFileBytes(start);
    // After a restart from 0 the bytes hashed from the old .part file no longer count.
    written = await writeBody(job, response, start, start === 0 ? createHash('sha256') : hash, watchdog.kick);
  } catch (error) {
    if (watchdog.fired && !job.signal?.aborted) job.log.warn('models.download_stalled', { modelId: job.modelId, file: job.file.name });
    throw error;
  } finally {
    watchdog.stop();
  }
  if (written.bytes !== job.file.bytes) {
    throw new ModelError(
      'NETWORK',
      `The download of ${job.file.name} ended early. Try again: it will continue from where it stopped.`,
    );
  }
  if (written.sha256 !== job.file.sha256) {
    await rm(job.partPath, { force: true });
    job.onFileBytes(0);
    throw new ModelError(
      'CHECKSUM_MISMATCH',
      `${job.file.name} did not match its expected SHA-256 checksum, so it was deleted. ` +
        'The download was corrupted or the file on the server has changed. Try again.',
    );
  }
}

/** Size of the .part file if it can be resumed; an oversized one is deleted. */
async function usablePartSize(job: FileDownload): Promise<number> {
  const size = (await fileSize(job.partPath)) ?? 0;
  if (size <= job.file.bytes) return size;
  await rm(job.partPath, { force: true });
  return 0;
}

/**
 * Sends the request and settles where writing starts: `start` for a matching 206, 0 when the
 * server sends the whole file (200) or answered for another offset (then it asks once more,
 * without Range).
 */
async function requestFrom(job: FileDownload, start: number, transfer: AbortSignal): Promise<{ response: Response; from: number }> {
  const response = await send(job, start, transfer);
  if (start === 0) {
    if (response.status === 200) return { response, from: 0 };
    throw await statusError(job, response);
  }
  if (response.status === 206 && rangeStart(response) === start) {
    job.log.info('models.download_resumed', { modelId: job.modelId, file: job.file.name, fromByte: start });
    return { response, from: start };
  }
  if (response.status === 200) {
    job.log.info('models.download_range_ignored', { modelId: job.modelId, file: job.file.name });
    return { response, from: 0 };
  }
  if (response.status === 206 || response.status === 416) {
    // The server and the .part file disagree about what is already here: start over.
    await response.body?.cancel().catch(() => undefined);
    await rm(job.partPath, { force: true });
    job.log.warn('models.download_restarted', { modelId: job.modelId, file: job.file.name, status: response.status });
    return requestFrom(job, 0, transfer);
  }
  throw await statusError(job, response);
}

async function send(job: FileDownload, start: number, transfer: AbortSignal): Promise<Response> {
  // identity: byte offsets must count the file's bytes, not a compressed stream's.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (start > 0) headers.range = `bytes=${start}-`;
  try {
    return await job.fetch(job.file.url, { headers, signal: transfer, redirect: 'follow' });
  } catch (error) {
    rethrowUnlessCancelled(error, job.signal);
  }
}

function rangeStart(response: Response): number | undefined {
  const match = CONTENT_RANGE.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}

async function statusError(job: FileDownload, response: Response): Promise<ModelError> {
  await response.body?.cancel().catch(() => undefined);
  return new ModelError(
    'HTTP_STATUS',
    `The download server answered ${response.status} for ${job.file.name}. Try again later, or install the model from a folder.`,
  );
}

/** Appends the body after `start` bytes, hashing and counting as it goes. */
async function writeBody(
  job: FileDownload,
  response: Response,
  start: number,
  hash: Hash,
  onChunk: () => void,
): Promise<{ bytes: number; sha256: string }> {
  const handle = await open(job.partPath, start === 0 ? 'w' : 'a');
  const reader = response.body?.getReader();
  let bytes = start;
  let tooLong = false;
  try {
    while (reader) {
      const chunk = await reader.read().catch((error: unknown) => rethrowUnlessCancelled(error, job.signal));
      if (chunk.done) break;
      onChunk();
      if (bytes + chunk.value.byteLength > job.file.bytes) {
        tooLong = true;
        await reader.cancel().catch(() => undefined);
        break;
      }
      hash.update(chunk.value);
      await handle.write(chunk.value);
      bytes += chunk.value.byteLength;
      job.onFileBytes(bytes);
    }
    // Flushed before the caller renames it, so a power cut cannot leave a renamed, empty file.
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (tooLong) {
    await rm(job.partPath, { force: true });
    job.onFileBytes(0);
    throw new ModelError(
      'SIZE_MISMATCH',
      `The server sent more data for ${job.file.name} than expected, so it was deleted. The catalog entry may be out of date.`,
    );
  }
  return { bytes, sha256: hash.digest('hex') };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Turns an abort into CANCELLED and any other failure into a NETWORK error that keeps the .part. */
function rethrowUnlessCancelled(error: unknown, signal: AbortSignal | undefined): never {
  if (signal?.aborted) throw cancelledError();
  if (error instanceof ModelError) throw error;
  throw new ModelError(
    'NETWORK',
    'The connection to the download server was lost. Check your internet connection and try again: the download will continue from where it stopped.',
  );
}
