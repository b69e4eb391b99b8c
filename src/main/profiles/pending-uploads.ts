import { randomUUID } from 'node:crypto';

/** How long announced bytes may take to arrive, and how many uploads may wait at once. */
const WAIT_MS = 5 * 60_000;
const MAX_WAITING = 8;

export interface PendingUploads {
  /** A place for `size` bytes of `fileName`; the oldest waiting upload makes room if needed. */
  open(fileName: string, size: number): string;
  /** The size announced, for the transport to refuse more before reading it; undefined when unknown. */
  expected(uploadId: string): number | undefined;
  receive(uploadId: string, bytes: Buffer): boolean;
  /** The file, once; undefined when it never arrived or waited too long. */
  take(uploadId: string): { fileName: string; bytes: Buffer } | undefined;
}

/**
 * Browser mode's files on their way to `documents.import` (issue #14): the page announces a file
 * (refused there if it is too large or of an unknown type), sends its bytes to the host over
 * HTTP, then asks for it to be read. Kept in memory only, for minutes.
 */
export function createPendingUploads(now: () => number = Date.now): PendingUploads {
  const waiting = new Map<string, { fileName: string; size: number; bytes?: Buffer; until: number }>();
  const sweep = (): void => {
    for (const [id, upload] of waiting) if (upload.until < now()) waiting.delete(id);
  };
  return {
    open(fileName, size) {
      sweep();
      while (waiting.size >= MAX_WAITING) waiting.delete(waiting.keys().next().value!);
      const id = randomUUID();
      waiting.set(id, { fileName, size, until: now() + WAIT_MS });
      return id;
    },
    expected(uploadId) {
      sweep();
      const upload = waiting.get(uploadId);
      return upload && !upload.bytes ? upload.size : undefined;
    },
    receive(uploadId, bytes) {
      const upload = waiting.get(uploadId);
      if (!upload || upload.bytes || bytes.length !== upload.size) return false;
      upload.bytes = bytes;
      return true;
    },
    take(uploadId) {
      sweep();
      const upload = waiting.get(uploadId);
      waiting.delete(uploadId);
      return upload?.bytes && { fileName: upload.fileName, bytes: upload.bytes };
    },
  };
}
