import { basename } from 'node:path';
import type { AppNotice } from '../shared/protocol';

/**
 * What the start found that the user must know. The host prints `detail` on stderr and the
 * app shows it in a dialog, both with the full path; the page gets the notice through
 * `app.notices`, with file names only (DESIGN.md §2).
 */
export interface StartupNotice extends AppNotice {
  detail: string;
}

export function databaseReplacedNotice(keptAs: string): StartupNotice {
  return {
    code: 'DATABASE_REPLACED',
    message: `Your interview history could not be read because its database file was damaged, so a new, empty one was started. The damaged file is kept in the data folder as ${basename(keptAs)}.`,
    detail: `The interview database was damaged, so a new, empty one was started; the damaged file is kept as ${keptAs}.`,
  };
}
