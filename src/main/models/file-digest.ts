import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Feeds a file's bytes into `hash` (used to resume: the digest covers the bytes already there). */
export async function hashFileInto(path: string, hash: Hash, signal?: AbortSignal): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(path, { signal })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.byteLength;
  }
  return bytes;
}

/** The SHA-256 of a file as lowercase hex. */
export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await hashFileInto(path, hash, signal);
  return hash.digest('hex');
}
