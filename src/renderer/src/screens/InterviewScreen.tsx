import { useCallback, useState } from 'react';
import { describeOverallScore } from '../../../shared/interview/overall-definition';
import { progressLine } from '../../../shared/interview/progress-line';
import type { EngineState } from '../../../shared/protocol';
import { AutoSubmit } from '../components/AutoSubmit';
import { ElapsedTime } from '../components/ElapsedTime';
import { PhaseSteps } from '../components/PhaseSteps';
import { TranscriptList } from '../components/TranscriptList';
import { VoiceAnswerPanel } from '../components/VoiceAnswerPanel';
import { routeHref } from '../router/routes';
import { useAppStore } from '../store/app-store';
import { useCall } from '../transport/transport-context';
import { useSend } from '../transport/use-send';

const STATUS_TEXT: Record<EngineState, string> = {
  ready: 'Your turn.',
  listening: 'Listening…',
  transcribing: 'Transcribing your answer…',
  evaluating: 'Evaluating your answer…',
  generating: 'Choosing the next question…',
  speaking: 'The interviewer is speaking…',
  paused: 'Paused. Resume when you are ready.',
};
const BUSY: (EngineState | null)[] = ['evaluating', 'generating', 'transcribing'];
const REVIEW_SECONDS = 5;

/** The live interview: where it is, the question, the answer (typed or spoken), the controls, the transcript. */
export function InterviewScreen() {
  const send = useSend();
  const session = useAppStore((s) => s.session);
  const settings = useCall('settings.get', undefined);
  // What the candidate typed or corrected, per question; otherwise the transcript shows.
  const [draft, setDraft] = useState<{ questionId: string; text: string } | null>(null);
  const [typeInstead, setTypeInstead] = useState(false);
  const question = session.question;
  const questionId = question?.questionId ?? '';
  const transcript = session.transcripts[questionId];
  const edited = draft?.questionId === questionId;
  const answer = edited ? draft.text : (transcript?.text ?? '');
  const busy = BUSY.includes(session.engineState);

  const submit = useCallback((): void => {
    if (!answer.trim() || busy || !questionId) return;
    send({ type: 'text_answer', questionId, text: answer });
    setDraft(null);
  }, [answer, busy, questionId, send]);

  if (!question || !session.interviewId) {
    return (
      <section className="screen">
        <h1>Interview</h1>
        {session.complete ? (
          <InterviewComplete interviewId={session.interviewId} {...session.complete} />
        ) : (
          <p className="muted" data-testid="no-interview">
            {session.ended ? 'This interview has ended.' : 'No interview is in progress. Start one from Practice, or continue one from History.'}
          </p>
        )}
      </section>
    );
  }

  const preferences = settings.state.status === 'ready' ? settings.state.data.preferences : undefined;
  const voice = session.config?.mode === 'voice' && !typeInstead;
  const handsFree = preferences?.turnTaking === 'hands-free';
  const paused = session.engineState === 'paused';
  const reviewing = voice && handsFree && transcript?.isFinal && !edited && !busy && answer.trim() !== '';

  return (
    <section className="screen interview">
      <div className="interview-header">
        <PhaseSteps phase={question.phase} />
        {session.startedAtMs !== null && <ElapsedTime sinceMs={session.startedAtMs} />}
      </div>
      <p className="muted" data-testid="question-meta">
        {progressLine(question, session.config)}
        {question.mainNumber ? ` · ${question.difficulty}` : ''}
      </p>
      <h1 data-testid="question-text">{question.text}</h1>
      <p className="status-line" role="status" data-testid="status-line">
        {session.engineState ? STATUS_TEXT[session.engineState] : ''}
      </p>
      {voice && !paused && (
        <VoiceAnswerPanel
          key={questionId}
          question={question}
          handsFree={handsFree}
          silenceMs={preferences?.silenceMs ?? 2_000}
          onTypeInstead={() => setTypeInstead(true)}
        />
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>{voice ? 'Your answer (the transcript appears here: correct it before sending)' : 'Your answer'}</span>
          <textarea
            value={answer}
            rows={8}
            disabled={paused}
            onChange={(e) => setDraft({ questionId, text: e.target.value })}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter sends, as in chat apps; plain Enter makes a new line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
        </label>
        {voice && transcript && !transcript.isFinal && !edited && (
          <p className="muted" data-testid="live-transcript-note">
            Transcribing as you speak… the full transcript replaces this when you stop.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!answer.trim() || busy}>
            Send answer
          </button>
          {reviewing && <AutoSubmit key={transcript.text} seconds={REVIEW_SECONDS} onSubmit={submit} />}
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
      <TranscriptList showFeedback={preferences?.feedbackTiming !== 'at-end'} />
    </section>
  );
}

/** The end of an interview: its overall, how many main questions it counted, and what the overall means (§5.1). */
function InterviewComplete({ interviewId, overallScore, totalQuestions }: { interviewId: string | null; overallScore: number; totalQuestions: number }) {
  return (
    <div className="panel" data-testid="interview-complete">
      <p>
        Interview complete: <strong>{Math.round(overallScore)} / 100</strong> over {totalQuestions} main question{totalQuestions === 1 ? '' : 's'}.
      </p>
      <p className="muted" data-testid="score-definition">
        {describeOverallScore(totalQuestions)}
      </p>
      {interviewId && (
        <a className="button" href={routeHref({ screen: 'report', interviewId })}>
          Open report
        </a>
      )}
    </div>
  );
}
