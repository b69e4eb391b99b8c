import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * Where recordings and spoken questions live: `<dataDir>/media/<interviewId>/…`. The database
 * stores paths relative to the media folder, so a data folder can be moved as a whole.
 * Only the transports turn a relative path into a URL (DESIGN.md §2: the renderer never sees
 * file system paths).
 */
export interface MediaStore {
  readonly root: string;
  /** Relative path of a question's spoken audio. */
  questionAudio(interviewId: string, turnId: string): string;
  /**
   * Relative path of one sentence of a question spoken while it streamed (issue #10): the
   * attempt's number keeps a retried stream's files apart from the last one's.
   */
  questionSentenceAudio(interviewId: string, turnId: string, attempt: number, index: number): string;
  /** Relative path of an answer's recording. */
  answerAudio(interviewId: string, turnId: string): string;
  /** Absolute path for a relative one, creating its folder; throws if it would leave the root. */
  absolute(relativePath: string): string;
  removeInterview(interviewId: string): void;
  /**
   * Removes one file that nothing refers to any more (a spoken question whose turn was never
   * committed). Best effort: a file that cannot be removed is only an unused file.
   */
  discard(relativePath: string): void;
}

const SAFE_ID = /^[0-9a-f-]{36}$/i;
/** Sentence files live only while their question is on screen; media/remove-leftovers.ts removes any a crash left. */
export const SENTENCE_AUDIO_SUFFIX = '.part.wav';

const wholeNumber = (n: number): number => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error('media numbers must be whole numbers');
  return n;
};

export function createMediaStore(dataDir: string): MediaStore {
  const root = join(dataDir, 'media');
  const checkId = (id: string): string => {
    if (!SAFE_ID.test(id)) throw new Error('media ids must be UUIDs');
    return id;
  };
  return {
    root,
    questionAudio: (interviewId, turnId) => `${checkId(interviewId)}/questions/${checkId(turnId)}.wav`,
    questionSentenceAudio: (interviewId, turnId, attempt, index) => `${checkId(interviewId)}/questions/${checkId(turnId)}.${wholeNumber(attempt)}.${wholeNumber(index)}${SENTENCE_AUDIO_SUFFIX}`,
    answerAudio: (interviewId, turnId) => `${checkId(interviewId)}/answers/${checkId(turnId)}.wav`,
    absolute(relativePath) {
      const path = normalize(join(root, relativePath));
      if (relative(root, path).startsWith('..') || !path.startsWith(root + sep)) throw new Error('media path outside the media folder');
      makeFolder(dirname(path));
      return path;
    },
    removeInterview(interviewId) {
      rmSync(join(root, checkId(interviewId)), { recursive: true, force: true });
    },
    discard(relativePath) {
      const path = normalize(join(root, relativePath));
      if (!path.startsWith(root + sep)) return;
      try {
        rmSync(path, { force: true });
      } catch {
        // A read-only folder: the file stays, unused, and is deleted with its interview.
      }
    },
  };
}

/** How a transport names media: `/media/<path>?token=…` in browser mode, `app-media://…` in the app. */
export type MediaUrl = (relativePath: string) => string;

/**
 * mkdir -p, with the real reason when it fails: Node's recursive mkdir reports ENOENT when a
 * missing parent cannot be created on a read-only disk, which would read as a bug rather than
 * as a folder the user must make writable (issue #9, fault 7).
 */
function makeFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || existsSync(path) || dirname(path) === path) throw error;
    makeFolder(dirname(path));
    mkdirSync(path);
  }
}
