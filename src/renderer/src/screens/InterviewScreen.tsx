import { useState } from 'react';
import type { EngineState } from '../../../shared/protocol';
import { ElapsedTime } from '../components/ElapsedTime';
import { EvaluationCard } from '../components/EvaluationCard';
import { PhaseSteps } from '../components/PhaseSteps';
import { useAppStore } from '../store/app-store';
import { useCall } from '../transport/transport-context';
import { useSend } from '../transport/use-send';

const STATUS_TEXT: Record<EngineState, string> = {
  ready: 'Your turn: type your answer.',
  listening: 'Listening…',
  transcribing: 'Transcribing your answer…',
  evaluating: 'Evaluating your answer…',
  generating: 'Choosing the next question…',
  speaking: 'The interviewer is speaking…',
  paused: 'Paused. Resume when you are ready.',
};

/** The live interview: where it is, the question, the answer box, the controls, the transcript. */
export function InterviewScreen() {
  const send = useSend();
  const session = useAppStore((s) => s.session);
  const settings = useCall('settings.get', undefined);
  const [answer, setAnswer] = useState('');
  const question = session.question;

  if (!question || !session.interviewId) {
    return (
      <section className="screen">
        <h1>Interview</h1>
        <p className="muted" data-testid="no-interview">
          {session.ended ? 'This interview has ended.' : 'No interview is in progress. Start one from Practice, or continue one from History.'}
        </p>
      </section>
    );
  }

  const questionId = question.questionId;
  const paused = session.engineState === 'paused';
  const busy = session.engineState !== null && session.engineState !== 'ready';
  const showFeedbackNow = settings.state.status === 'ready' && settings.state.data.preferences.feedbackTiming === 'after-each';
  const submit = (): void => {
    if (!answer.trim() || busy) return;
    send({ type: 'text_answer', questionId, text: answer });
    setAnswer('');
  };
  const earlier = session.questions.filter((q) => q.questionId !== questionId);

  return (
    <section className="screen interview">
      <div className="interview-header">
        <PhaseSteps phase={question.phase} />
        {session.startedAtMs !== null && <ElapsedTime sinceMs={session.startedAtMs} />}
      </div>
      <p className="muted" data-testid="question-meta">
        Question {question.index} · {question.difficulty}
        {question.followUp ? ' · follow-up' : ''}
        {session.config?.length === 'quick' ? ' · about 5 questions in all' : ''}
      </p>
      <h1 data-testid="question-text">{question.text}</h1>
      <p className="status-line" role="status" data-testid="status-line">
        {session.engineState ? STATUS_TEXT[session.engineState] : ''}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>Your answer</span>
          <textarea
            value={answer}
            rows={8}
            disabled={paused}
            onChange={(e) => setAnswer(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter sends, as in chat apps; plain Enter makes a new line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={!answer.trim() || busy}>
            Send answer
          </button>
          <button type="button" disabled={busy} onClick={() => send({ type: 'repeat', questionId })}>
            Repeat
          </button>
          <button type="button" disabled={busy} onClick={() => send({ type: 'skip', questionId })}>
            Skip
          </button>
          {paused ? (
            <button type="button" onClick={() => send({ type: 'resume', interviewId: session.interviewId! })}>
              Resume
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => send({ type: 'pause' })}>
              Pause
            </button>
          )}
          <button type="button" className="danger" onClick={() => send({ type: 'end' })}>
            End interview
          </button>
        </div>
      </form>
      {earlier.length > 0 && (
        <section className="transcript" aria-label="Transcript">
          <h2>So far</h2>
          <ol>
            {earlier.map((q) => {
              const evaluation = session.evaluations.find((e) => e.questionId === q.questionId);
              const said = session.answers[q.questionId] ?? session.transcripts[q.questionId]?.text;
              return (
                <li key={q.questionId} className="panel">
                  <p className="transcript-question">{q.text}</p>
                  <p className="transcript-answer">{session.skipped.includes(q.questionId) ? <em>Skipped</em> : said}</p>
                  {evaluation && showFeedbackNow && <EvaluationCard evaluation={evaluation} />}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </section>
  );
}
