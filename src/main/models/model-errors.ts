/**
 * Why a model operation failed. `message` is a sentence for the user (it may be shown as is);
 * `code` is for callers and logs. Messages name models and files, never folders the user
 * picked, so they are safe to log.
 */
export type ModelErrorCode =
  | 'UNKNOWN_MODEL'
  | 'BUSY'
  | 'NOT_ENOUGH_SPACE'
  | 'CHECKSUM_MISMATCH'
  | 'SIZE_MISMATCH'
  | 'HTTP_STATUS'
  | 'NETWORK'
  | 'CANCELLED'
  | 'FILES_MISSING'
  | 'FOLDER_MISSING'
  | 'STORAGE';

export class ModelError extends Error {
  override readonly name = 'ModelError';

  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof ModelError && error.code === 'CANCELLED';
}

export function cancelledError(): ModelError {
  return new ModelError('CANCELLED', 'The download was cancelled.');
}

/** Sizes for people: "12.9 MB" (decimal units, as download pages show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
