/**
 * Answers the disk refused (issue #9, fault 7), kept in memory until they can be written.
 * The store belongs to the process, not to a window: a reload, or the interview resumed in
 * another window, finds the answer still waiting and writes it.
 */
export interface KeptAnswer {
  turnId: string;
  text: string;
  answerId: string;
  /**
   * The answer's row is already stored (a recording, or a typed answer committed on its own
   * before a slow evaluation), so writing it again updates that row rather than adding one.
   */
  stored: boolean;
  /** The recording the text confirms, for the speech analytics. */
  audioPath?: string | undefined;
  /** What the recogniser heard in it: pace and fillers come from this, never from the typing (issue #9, 14). */
  transcript?: string | undefined;
}

export interface KeptAnswers {
  get(interviewId: string): KeptAnswer | undefined;
  keep(interviewId: string, answer: KeptAnswer): void;
  drop(interviewId: string): void;
  /** How many are still waiting (logged when the process stops with some unwritten). */
  readonly size: number;
}

export function createKeptAnswers(): KeptAnswers {
  const kept = new Map<string, KeptAnswer>();
  return {
    get: (interviewId) => kept.get(interviewId),
    keep: (interviewId, answer) => void kept.set(interviewId, answer),
    drop: (interviewId) => void kept.delete(interviewId),
    get size() {
      return kept.size;
    },
  };
}
