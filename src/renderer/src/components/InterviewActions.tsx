import { useState, type ReactNode } from 'react';
import type { QuestionMessage } from '../../../shared/protocol';
import { useSend } from '../transport/use-send';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  interviewId: string;
  question: QuestionMessage;
  busy: boolean;
  paused: boolean;
  canSend: boolean;
  /** Hands-free review of the transcript, counting down to sending it; held while a dialog asks. */
  review: (held: boolean) => ReactNode;
}

const QUESTIONS = {
  skip: { title: 'Skip this question?', confirmLabel: 'Skip question', cancelLabel: 'Keep answering' },
  end: { title: 'End the interview now?', confirmLabel: 'End interview', cancelLabel: 'Keep going' },
} as const;

/**
 * Send, Repeat, Skip, Pause or Resume, and End set apart at the far end (issue #9: End sat
 * next to Pause). Skip and End cannot be undone, so they ask first.
 */
export function InterviewActions({ interviewId, question, busy, paused, canSend, review }: Props) {
  const send = useSend();
  const [asking, setAsking] = useState<'skip' | 'end' | null>(null);
  const questionId = question.questionId;
  const done = (): void => setAsking(null);
  return (
    <>
      <div className="actions interview-actions">
        <button type="submit" className="primary" disabled={!canSend || busy}>
          Send answer
        </button>
        {review(asking !== null)}
        <button type="button" disabled={busy || paused} onClick={() => send({ type: 'repeat', questionId })}>
          Repeat
        </button>
        <button type="button" disabled={busy || paused} onClick={() => setAsking('skip')}>
          Skip
        </button>
        {paused ? (
          <button type="button" onClick={() => send({ type: 'resume', interviewId })}>
            Resume
          </button>
        ) : (
          // Pause works while the engine is busy too: it cancels a slow model call (issue #10).
          <button type="button" onClick={() => send({ type: 'pause' })}>
            Pause
          </button>
        )}
        <button type="button" className="danger end-interview" onClick={() => setAsking('end')}>
          End interview
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          key={asking}
          {...QUESTIONS[asking]}
          onCancel={done}
          onConfirm={() => {
            done();
            send(asking === 'skip' ? { type: 'skip', questionId } : { type: 'end' });
          }}
        >
          {asking === 'skip' ? (
            <p>{question.mainNumber ? 'A skipped question counts 0 in your overall score, and it is not asked again.' : 'It is not asked again.'}</p>
          ) : (
            <>
              <p>Your answers so far are kept and scored in a report; the question on screen does not count. An ended interview cannot be continued.</p>
              <p className="muted">To stop for now and continue later, choose Pause instead.</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
