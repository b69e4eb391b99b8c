import { useId, useState } from 'react';
import type { AnswerMode, InterviewTurn } from '../../../shared/protocol';
import { routeHref } from '../router/routes';
import { useAppStore } from '../store/app-store';
import { useSend } from '../transport/use-send';

/**
 * "Practise this question again" (issue #11): a one-question interview of the same question,
 * track and level, answered by voice or text, kept as a new attempt linked to this one; with
 * the attempts made so far, each opening its comparison.
 */
export function RetakeControls({ turn, track, mode: initialMode }: { turn: InterviewTurn; track: string; mode: AnswerMode }) {
  const send = useSend();
  const busy = useAppStore((s) => s.session.interviewId !== null && !s.session.ended && s.session.complete === null);
  const [mode, setMode] = useState<AnswerMode>(initialMode);
  const modeId = useId();
  const attempts = turn.retakes ?? [];
  return (
    <div className="retake" data-testid="retake">
      <button type="button" disabled={busy} onClick={() => send({ type: 'start', config: { track, mode, retakeOf: turn.questionId } })}>
        Practise this question again
      </button>
      <label htmlFor={modeId}>answering by</label>
      <select id={modeId} value={mode} onChange={(event) => setMode(event.target.value as AnswerMode)}>
        <option value="voice">voice</option>
        <option value="text">text</option>
      </select>
      {busy && <span className="muted">Finish or pause the interview in progress first.</span>}
      {attempts.length > 0 && (
        <span data-testid="retake-attempts">
          Practised again:{' '}
          {attempts.map((attempt, i) => (
            <span key={attempt.interviewId}>
              {i > 0 && ', '}
              <a href={routeHref({ screen: 'compare', interviewId: attempt.interviewId })}>
                {new Date(attempt.startedAt).toLocaleDateString()}
                {attempt.score !== undefined ? ` (${attempt.score} / 10)` : attempt.status === 'completed' ? '' : ' (not finished)'}
              </a>
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

/** On the report of a question practised again: the way to the comparison with the earlier attempt. */
export function RetakeOfNotice({ interviewId, original }: { interviewId: string; original: string | undefined }) {
  return (
    <p className="notice" data-testid="retake-of">
      One question practised again.{' '}
      {original ? <a href={routeHref({ screen: 'compare', interviewId })}>Compare with the earlier attempt</a> : 'The earlier attempt has since been deleted.'}
    </p>
  );
}
