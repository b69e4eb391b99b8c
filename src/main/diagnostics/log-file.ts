import { closeSync, mkdirSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The log on disk (issue #13): a packaged app has no terminal, so its log lines also go to
 * `<data folder>/logs/interview-practice.log`, where testers find them and "Copy
 * diagnostics" reads the last ones. The lines are the logger's (log.ts), which holds no
 * answer text or keys by construction. Past 1 MB the file becomes `…previous.log` (one kept),
 * so it never grows without bound.
 */
export const LOG_FILE_NAME = 'interview-practice.log';
const PREVIOUS_LOG_FILE_NAME = 'interview-practice.previous.log';
const MAX_BYTES = 1024 * 1024;

export const logFilePath = (dataDir: string): string => join(dataDir, 'logs', LOG_FILE_NAME);
const previousLogFile = (path: string): string => join(dirname(path), PREVIOUS_LOG_FILE_NAME);

/** Appends each line; a line that cannot be written is dropped, since a log must never stop the app. */
export function createLogFileSink(path: string, maxBytes = MAX_BYTES): (line: string) => void {
  let size: number | undefined;
  return (line) => {
    try {
      if (size === undefined) {
        mkdirSync(dirname(path), { recursive: true });
        size = statSize(path);
      }
      if (size > maxBytes) {
        renameSync(path, previousLogFile(path));
        size = 0;
      }
      const bytes = Buffer.from(line + '\n');
      const fd = openSync(path, 'a', 0o600);
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
      size += bytes.length;
    } catch {
      // A full or read-only disk: the data folder's own checks say so to the user.
    }
  };
}

/** Lines to stderr (the terminal, in development and browser mode) and to the log file. */
export function stderrAndLogFile(dataDir: string): (line: string) => void {
  const toFile = createLogFileSink(logFilePath(dataDir));
  return (line) => {
    process.stderr.write(line + '\n');
    toFile(line);
  };
}

/** The last `count` lines of the log, the previous file's included when the current one is short. */
export function lastLogLines(path: string, count: number): string[] {
  const lines = tailLines(path, count);
  return lines.length >= count ? lines : [...tailLines(previousLogFile(path), count - lines.length), ...lines];
}

const TAIL_BYTES = 256 * 1024;

function tailLines(path: string, count: number): string[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return [];
  }
  try {
    const size = statSize(path);
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n').filter(Boolean);
    // A read that began mid-file begins mid-line.
    if (start > 0) lines.shift();
    return lines.slice(-count);
  } finally {
    closeSync(fd);
  }
}

function statSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
