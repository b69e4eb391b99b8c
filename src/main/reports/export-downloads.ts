import { randomUUID } from 'node:crypto';

/**
 * Exports waiting to be downloaded (issue #11). `reports.export` makes the file and answers
 * with a URL; the transport then serves the bytes from here: browser mode under
 * /exports/<id>?token=…, the app under its own protocol. Kept in memory for a few minutes and
 * never written to disk, so nothing is left behind; the id is random, and browser mode also
 * asks for its token.
 */
export interface ExportFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

export interface ExportDownloads {
  add(file: ExportFile): string;
  get(id: string): ExportFile | undefined;
}

export const DOWNLOAD_LIFETIME_MS = 10 * 60_000;
const MAX_WAITING = 20;

export function createExportDownloads(now: () => number = Date.now): ExportDownloads {
  const waiting = new Map<string, ExportFile & { expires: number }>();
  const sweep = (): void => {
    const time = now();
    for (const [id, file] of waiting) if (file.expires <= time) waiting.delete(id);
    // Oldest first: a Map keeps insertion order.
    while (waiting.size > MAX_WAITING) waiting.delete(waiting.keys().next().value!);
  };
  return {
    add(file) {
      const id = randomUUID();
      waiting.set(id, { ...file, expires: now() + DOWNLOAD_LIFETIME_MS });
      sweep();
      return id;
    },
    get(id) {
      sweep();
      return waiting.get(id);
    },
  };
}
