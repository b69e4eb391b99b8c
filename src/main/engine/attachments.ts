/**
 * At most one window drives an interview at a time. Resuming it elsewhere (a second tab, the
 * app and browser mode) detaches the first, which is told why, instead of two sessions
 * answering the same question.
 */
export interface Attachments {
  claim(interviewId: string, holder: { detach(): void }): void;
  release(interviewId: string, holder: { detach(): void }): void;
}

export function createAttachments(): Attachments {
  const holders = new Map<string, { detach(): void }>();
  return {
    claim(interviewId, holder) {
      const previous = holders.get(interviewId);
      holders.set(interviewId, holder);
      if (previous && previous !== holder) previous.detach();
    },
    release(interviewId, holder) {
      if (holders.get(interviewId) === holder) holders.delete(interviewId);
    },
  };
}
