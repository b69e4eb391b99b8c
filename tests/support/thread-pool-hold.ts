import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Makes "between two file operations" a moment a test can act in: every libuv worker thread
 * is kept busy opening a FIFO that has no writer (such an open blocks), so asynchronous file
 * operations this process starts meanwhile wait in the queue until `release()`.
 */
export function holdThreadPool(dir: string): { release(): Promise<void> } {
  const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const fifos = Array.from({ length: threads }, (_, i) => join(dir, `hold-${i}.fifo`));
  execFileSync('mkfifo', fifos);
  const readers = fifos.map((fifo) => open(fifo, 'r'));
  return {
    async release() {
      // Opening read-write never blocks on Linux and counts as the writer the readers wait for.
      const writers = fifos.map((fifo) => openSync(fifo, constants.O_RDWR));
      for (const reader of await Promise.all(readers)) await reader.close();
      for (const writer of writers) closeSync(writer);
    },
  };
}
