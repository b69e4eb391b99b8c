import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Whether this system lists a process's open files in /proc (Linux). */
export const canListOpenFiles = existsSync(`/proc/${process.pid}/fd`);

/**
 * The files a process holds open under `folder` whose names end in `suffix`, read from
 * /proc/<pid>/fd: what leaks when a writer is never closed, whatever the code thinks it did.
 */
export function openFilesUnder(folder: string, suffix: string, pid: number = process.pid): string[] {
  const fdDir = `/proc/${pid}/fd`;
  const targets: string[] = [];
  for (const fd of readdirSync(fdDir)) {
    let target: string;
    try {
      target = readlinkSync(join(fdDir, fd));
    } catch {
      continue; // closed between the listing and the read
    }
    if (target.startsWith(folder) && target.endsWith(suffix)) targets.push(target);
  }
  return targets;
}
