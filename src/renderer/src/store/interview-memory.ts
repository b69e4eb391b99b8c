/**
 * What this computer remembers about an unfinished interview between page loads (issue #9):
 * the typed draft per question, until the engine accepts the answer, and the clock. It lives in
 * localStorage, never on the server: a draft is not an answer yet. Storage that is full or
 * turned off only loses the memory, never the interview, so every failure here is swallowed.
 */
export interface InterviewMemory {
  draft(interviewId: string, questionId: string): string | undefined;
  saveDraft(interviewId: string, questionId: string, text: string): void;
  clearDraft(interviewId: string, questionId: string): void;
  elapsedMs(interviewId: string): number;
  saveElapsed(interviewId: string, ms: number): void;
  /** The interview finished: nothing of it needs remembering any more. */
  forget(interviewId: string): void;
}

const PREFIX = 'interview-practice.';
const draftKey = (interviewId: string, questionId: string): string => `${PREFIX}draft.${interviewId}.${questionId}`;
const elapsedKey = (interviewId: string): string => `${PREFIX}elapsed.${interviewId}`;

export function createInterviewMemory(storage: Storage | undefined): InterviewMemory {
  const attempt = <T>(run: (store: Storage) => T, otherwise: T): T => {
    if (!storage) return otherwise;
    try {
      return run(storage);
    } catch {
      return otherwise;
    }
  };
  return {
    draft: (interviewId, questionId) => attempt((store) => store.getItem(draftKey(interviewId, questionId)) ?? undefined, undefined),
    saveDraft: (interviewId, questionId, text) =>
      attempt((store) => (text ? store.setItem(draftKey(interviewId, questionId), text) : store.removeItem(draftKey(interviewId, questionId))), undefined),
    clearDraft: (interviewId, questionId) => attempt((store) => store.removeItem(draftKey(interviewId, questionId)), undefined),
    elapsedMs: (interviewId) =>
      attempt((store) => {
        const saved = Number(store.getItem(elapsedKey(interviewId)));
        return Number.isFinite(saved) && saved > 0 ? saved : 0;
      }, 0),
    saveElapsed: (interviewId, ms) => attempt((store) => store.setItem(elapsedKey(interviewId), String(Math.round(ms))), undefined),
    forget: (interviewId) =>
      attempt((store) => {
        const mine = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
          (key): key is string => key !== null && (key === elapsedKey(interviewId) || key.startsWith(`${PREFIX}draft.${interviewId}.`)),
        );
        mine.forEach((key) => store.removeItem(key));
      }, undefined),
  };
}

/** The window's own memory; none where there is no localStorage (Node) or it is blocked (reading it throws). */
export const browserMemory: InterviewMemory = createInterviewMemory(windowStorage());

function windowStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
