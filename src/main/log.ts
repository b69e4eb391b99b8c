import { redactSecrets } from './secret-redaction';

/**
 * Structured logs as JSON lines on stderr (stdout belongs to the host's READY line).
 * DESIGN.md §7: log ids, lengths and timings; never answer text, transcripts or secrets.
 * The field type keeps that honest: only numbers, booleans and short identifiers fit.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const MAX_FIELD_CHARS = 120;

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}): void => {
    const safe: LogFields = {};
    for (const [key, value] of Object.entries(fields)) {
      // Keys out first: cutting first could leave the start of one.
      safe[key] = typeof value === 'string' ? redactSecrets(value).slice(0, MAX_FIELD_CHARS) : value;
    }
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...safe }));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** For tests and tools that must stay quiet. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** An error's class and message, cut short: messages from libraries never carry user text here. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redactSecrets(text).slice(0, MAX_FIELD_CHARS);
}
