import { createLogger, type Logger } from '../../src/main/log';

/** The host's real logger (the JSON lines it writes to stderr), kept in memory for assertions. */
export function createMemoryLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger((line) => lines.push(line)), lines };
}
