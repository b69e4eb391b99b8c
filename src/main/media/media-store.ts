import { mkdirSync, rmSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';

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
  /** Relative path of an answer's recording. */
  answerAudio(interviewId: string, turnId: string): string;
  /** Absolute path for a relative one, creating its folder; throws if it would leave the root. */
  absolute(relativePath: string): string;
  removeInterview(interviewId: string): void;
}

const SAFE_ID = /^[0-9a-f-]{36}$/i;

export function createMediaStore(dataDir: string): MediaStore {
  const root = join(dataDir, 'media');
  const checkId = (id: string): string => {
    if (!SAFE_ID.test(id)) throw new Error('media ids must be UUIDs');
    return id;
  };
  return {
    root,
    questionAudio: (interviewId, turnId) => `${checkId(interviewId)}/questions/${checkId(turnId)}.wav`,
    answerAudio: (interviewId, turnId) => `${checkId(interviewId)}/answers/${checkId(turnId)}.wav`,
    absolute(relativePath) {
      const path = normalize(join(root, relativePath));
      if (relative(root, path).startsWith('..') || !path.startsWith(root + sep)) throw new Error('media path outside the media folder');
      mkdirSync(join(path, '..'), { recursive: true });
      return path;
    },
    removeInterview(interviewId) {
      rmSync(join(root, checkId(interviewId)), { recursive: true, force: true });
    },
  };
}

/** How a transport names media: `/media/<path>?token=…` in browser mode, `app-media://…` in the app. */
export type MediaUrl = (relativePath: string) => string;
