import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingsDeleted, RecordingsUsage } from '../../shared/protocol';
import type { AppDatabase } from '../db/database';
import type { MediaStore } from './media-store';

/**
 * "Delete all recordings, keep transcripts" (issue #11). Only finished interviews: an
 * unfinished one may be recording an answer, or speaking a question into its folder, right
 * now. Their media folders hold nothing but recordings and spoken questions; every typed
 * answer, transcript, evaluation and speaking analytic is in the database and stays.
 *
 * The database lets go first, in one transaction: should a file then refuse to go, it is only
 * an unused file, never a report pointing at audio that is not there.
 */
export interface RecordingsCleanup {
  usage(): RecordingsUsage;
  deleteAll(): RecordingsDeleted;
}

const FINISHED = "SELECT id FROM interviews WHERE status IN ('completed', 'ended')";

export function createRecordingsCleanup(db: AppDatabase, media: MediaStore): RecordingsCleanup {
  const client = db.$client;
  const finishedIds = client.prepare<[], { id: string }>(FINISHED);
  const untranscribed = client.prepare<[], { count: number }>(
    `SELECT COUNT(*) AS count FROM answers a JOIN turns t ON t.id = a.turn_id
     WHERE t.interview_id IN (${FINISHED}) AND a.audio_path IS NOT NULL AND a.text IS NULL AND a.transcript IS NULL`,
  );
  const forgetAnswerAudio = client.prepare(
    `UPDATE answers SET audio_path = NULL, peaks_json = NULL
     WHERE audio_path IS NOT NULL AND turn_id IN (SELECT id FROM turns WHERE interview_id IN (SELECT value FROM json_each(?)))`,
  );
  const forgetQuestionAudio = client.prepare(
    `UPDATE turns SET question_audio_path = NULL, question_audio_ms = NULL, question_peaks_json = NULL
     WHERE question_audio_path IS NOT NULL AND interview_id IN (SELECT value FROM json_each(?))`,
  );
  const forget = client.transaction((ids: string[]) => {
    const json = JSON.stringify(ids);
    forgetAnswerAudio.run(json);
    forgetQuestionAudio.run(json);
  });

  /** The media folders of finished interviews, with their files. */
  const folders = (): { interviewId: string; files: { path: string; bytes: number }[] }[] => {
    const finished = new Set(finishedIds.all().map((row) => row.id));
    return entries(media.root)
      .filter((entry) => entry.isDirectory() && finished.has(entry.name))
      .map((entry) => ({ interviewId: entry.name, files: filesUnder(join(media.root, entry.name)) }))
      .filter((folder) => folder.files.length > 0);
  };

  return {
    usage() {
      const found = folders();
      return {
        bytes: found.reduce((total, folder) => total + folder.files.reduce((sum, file) => sum + file.bytes, 0), 0),
        files: found.reduce((total, folder) => total + folder.files.length, 0),
        interviews: found.length,
        untranscribed: untranscribed.get()?.count ?? 0,
      };
    },
    deleteAll() {
      const found = folders();
      forget(found.map((folder) => folder.interviewId));
      const result: RecordingsDeleted = { freedBytes: 0, files: 0, interviews: found.length, notRemoved: 0 };
      for (const folder of found) {
        for (const file of folder.files) {
          try {
            rmSync(file.path);
            result.freedBytes += file.bytes;
            result.files += 1;
          } catch {
            result.notRemoved += 1;
          }
        }
        removeEmptyFolders(join(media.root, folder.interviewId));
      }
      return result;
    },
  };
}

function entries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function filesUnder(dir: string): { path: string; bytes: number }[] {
  return entries(dir).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    if (!entry.isFile()) return [];
    try {
      return [{ path, bytes: statSync(path).size }];
    } catch {
      return [];
    }
  });
}

/** Best effort, deepest first: a folder that still holds a file that would not go stays. */
function removeEmptyFolders(dir: string): void {
  for (const entry of entries(dir)) if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or not removable: nothing refers to it any more.
  }
}
