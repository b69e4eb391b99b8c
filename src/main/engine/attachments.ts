/**
 * At most one window drives an interview at a time. Resuming it elsewhere (a second tab, the
 * app and browser mode) detaches the first, which is told why, instead of two sessions
 * answering the same question.
 */
export interface Attachments {
  claim(interviewId: string, holder: { detach(): void }): void;
  release(interviewId: string, holder: { detach(): void }): void;
  /**
   * Runs `work` once all earlier work on the same interview, from any window, has finished
   * (issue #9, fault 6). A resume in window B therefore waits for the answer window A is
   * handling, sees the question that answer led to rather than the one before it, and only
   * then detaches A, which by then has nothing left in flight.
   */
  inTurn<T>(interviewId: string, work: () => Promise<T>): Promise<T>;
}

export function createAttachments(): Attachments {
  const holders = new Map<string, { detach(): void }>();
  const turns = new Map<string, Promise<void>>();
  return {
    claim(interviewId, holder) {
      const previous = holders.get(interviewId);
      holders.set(interviewId, holder);
      if (previous && previous !== holder) previous.detach();
    },
    release(interviewId, holder) {
      if (holders.get(interviewId) === holder) holders.delete(interviewId);
    },
    inTurn(interviewId, work) {
      const result = (turns.get(interviewId) ?? Promise.resolve()).then(work);
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      turns.set(interviewId, settled);
      // An interview nobody is working on takes no memory.
      void settled.then(() => {
        if (turns.get(interviewId) === settled) turns.delete(interviewId);
      });
      return result;
    },
  };
}
