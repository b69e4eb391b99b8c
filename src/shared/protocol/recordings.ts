import { z } from 'zod';

/**
 * "Delete all recordings, keep transcripts" (issue #11): what the recordings of finished
 * interviews take on disk, and what deleting them freed. Unfinished interviews keep theirs.
 */
const count = z.number().int().min(0);

export const RecordingsUsage = z.object({
  bytes: count,
  files: count,
  interviews: count,
  /** Recorded answers with neither a transcript nor typed text: deleting loses them entirely. */
  untranscribed: count,
});

export const RecordingsDeleted = z.object({
  freedBytes: count,
  files: count,
  interviews: count,
  /** Files that could not be removed (a read-only folder); they are no longer referred to. */
  notRemoved: count,
});

export type RecordingsUsage = z.infer<typeof RecordingsUsage>;
export type RecordingsDeleted = z.infer<typeof RecordingsDeleted>;
