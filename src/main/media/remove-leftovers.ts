import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, type Logger } from '../log';
import { SENTENCE_AUDIO_SUFFIX } from './media-store';

/**
 * Files a killed run left half-written (issue #9): speech being synthesised for a question
 * (`<turn>.wav.<id>.partial.wav`, providers/tts/spoken-wav-file.ts) and a phrase being
 * transcribed while the candidate spoke (`<turn>.wav.phrase`, engine/voice-answers.ts). Both
 * are deleted by their writer when it finishes or fails, so at start, before any session
 * runs, every one left is garbage. So are the sentences of a question spoken while it streamed
 * (`<turn>.<attempt>.<n>.part.wav`, issue #10): they are played only while the question is on
 * screen, and the question's own audio holds them all. Recordings and finished question audio
 * end in plain `.wav`.
 */
const LEFTOVER_SUFFIXES = ['.partial.wav', '.phrase', SENTENCE_AUDIO_SUFFIX];
const MEDIA_FOLDERS = ['questions', 'answers'];

/** Removes them from every interview's folders; returns how many went. Never stops the start. */
export function removeLeftoverFiles(mediaRoot: string, log: Logger): number {
  let removed = 0;
  for (const interviewId of foldersIn(mediaRoot)) {
    for (const folder of MEDIA_FOLDERS) {
      const dir = join(mediaRoot, interviewId, folder);
      for (const name of filesIn(dir).filter((file) => LEFTOVER_SUFFIXES.some((suffix) => file.endsWith(suffix)))) {
        try {
          rmSync(join(dir, name), { force: true });
          removed += 1;
        } catch (error) {
          log.warn('media.leftover_not_removed', { interviewId, error: describeError(error) });
        }
      }
    }
  }
  if (removed > 0) log.info('media.leftovers_removed', { files: removed });
  return removed;
}

const foldersIn = (dir: string): string[] => entriesOf(dir, true);
const filesIn = (dir: string): string[] => entriesOf(dir, false);

/** A folder that is missing or unreadable has nothing to clean. */
function entriesOf(dir: string, folders: boolean): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() === folders)
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
