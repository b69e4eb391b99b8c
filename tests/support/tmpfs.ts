import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small disk of its own for a test (Linux, as root): a tmpfs that can really fill up, and a
 * folder on it that can really be made read-only, so write failures come from the kernel and
 * SQLite exactly as on a user's full or read-only disk.
 */
const mount = (...args: string[]): void => void execFileSync('mount', args, { stdio: 'ignore' });
const umount = (path: string): void => void execFileSync('umount', [path], { stdio: 'ignore' });

/** Why small disks cannot be made here, or undefined when they can (tried once, for real). */
export const whySmallDisksAreUnavailable: string | undefined = (() => {
  if (process.platform !== 'linux') return 'mounting a tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const probe = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'));
  try {
    mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe);
    umount(probe);
    return undefined;
  } catch {
    return 'mount -t tmpfs is not permitted in this environment';
  } finally {
    rmdirSync(probe);
  }
})();

export interface SmallDisk {
  path: string;
  /** Writes a filler file until the disk refuses more. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  /** Makes `folder` (on this disk) read-only until `makeWritable`; nothing may be open for writing in it. */
  makeReadOnly(folder: string): void;
  makeWritable(folder: string): void;
  unmount(): void;
}

export function mountSmallDisk(path: string, sizeBytes: number): SmallDisk {
  mkdirSync(path, { recursive: true });
  mount('-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', path);
  const filler = join(path, 'filler');
  const readOnly = new Set<string>();
  return {
    path,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Big pieces first, then ever smaller ones, so not even a page is left.
        for (let size = 1 << 20; size >= 1; size >>= 1) {
          try {
            for (;;) writeSync(fd, Buffer.alloc(size));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    makeReadOnly(folder) {
      mount('--bind', folder, folder);
      mount('-o', 'remount,bind,ro', folder);
      readOnly.add(folder);
    },
    makeWritable(folder) {
      umount(folder);
      readOnly.delete(folder);
    },
    unmount() {
      for (const folder of readOnly) umount(folder);
      umount(path);
    },
  };
}
