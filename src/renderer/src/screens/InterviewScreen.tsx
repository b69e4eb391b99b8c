import { useCallback, useEffect, useRef, useState } from 'react';
import { describeOverallScore } from '../../../shared/interview/overall-definition';
import type { EngineState, QuestionMessage, Settings } from '../../../shared/protocol';
import { AutoSubmit } from '../components/AutoSubmit';
import { ElapsedTime } from '../components/ElapsedTime';
import { InterviewActions } from '../components/InterviewActions';
import { LatestFeedback } from '../components/LatestFeedback';
import { PhaseSteps } from '../components/PhaseSteps';
import { RecognitionNotice } from '../components/RecognitionNotice';
import { StreamedQuestionAudio } from '../components/StreamedQuestionAudio';
import { TranscriptList } from '../components/TranscriptList';
import { questionLine } from '../components/turn-labels';
import { UnfinishedInterview } from '../components/UnfinishedInterview';
import { VoiceAnswerPanel } from '../components/VoiceAnswerPanel';
import { routeHref } from '../router/routes';
import { useAppStore } from '../store/app-store';
import type { SessionState } from '../store/session-reducer';
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

/** The live interview, or the way back to one: an unfinished interview, or the end of the last one. */
export function InterviewScreen() {
  const session = useAppStore((s) => s.session);
  const settings = useCall('settings.get', undefined);
  const preferences = settings.state.status === 'ready' ? settings.state.data.preferences : undefined;
  if (session.question && session.interviewId) return <LiveInterview session={session} interviewId={session.interviewId} question={session.question} preferences={preferences} />;
  return (
    <section className="screen">
      <h1>Interview</h1>
      {session.complete ? (
        <InterviewComplete interviewId={session.interviewId} {...session.complete} />
      ) : session.ended ? (
        <p className="muted" data-testid="no-interview">
          This interview has ended.
        </p>
      ) : (
        // After a reload this window holds no interview, but one may be waiting (issue #9).
        <UnfinishedInterview
          whenNone={
            <p className="muted" data-testid="no-interview">
              No interview is in progress. Start one from Practice, or continue one from History.
            </p>
          }
        />
      )}
    </section>
  );
}

interface LiveProps {
  session: SessionState;
  interviewId: string;
  question: QuestionMessage;
  preferences: Settings['preferences'] | undefined;
}

/**
 * From the top: where the interview is, the feedback on the answer just sent, the question,
 * the answer (typed or spoken), the controls, and the earlier questions newest first.
 */
function LiveInterview({ session, interviewId, question, preferences }: LiveProps) {
  const send = useSend();
  const setDraft = useAppStore((s) => s.setDraft);
  const [typeInstead, setTypeInstead] = useState(false);
  /** The streamed question whose sentences have all been played (issue #10). */
  const [spokenStream, setSpokenStream] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const questionId = question.questionId;
  const transcript = session.transcripts[questionId];
  // What the candidate typed or corrected, kept until the engine accepts it; otherwise the transcript.
  const draft = session.drafts[questionId];
  const edited = draft !== undefined;
  const answer = draft ?? transcript?.text ?? '';
  const busy = BUSY.includes(session.engineState);

  // Each new question takes the focus (issue #9: after Start it was on the page body, after
  // Skip on Skip), and the page returns to its top, where the latest feedback is.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [questionId]);

  const submit = useCallback((): void => {
    if (!answer.trim() || busy) return;
    send({ type: 'text_answer', questionId, text: answer });
  }, [answer, busy, questionId, send]);

  const voice = session.config?.mode === 'voice' && !typeInstead;
  const handsFree = preferences?.turnTaking === 'hands-free';
  const showFeedback = preferences?.feedbackTiming !== 'at-end';
  const paused = session.engineState === 'paused';
  const reviewing = voice && handsFree && transcript?.isFinal && !edited && !busy && answer.trim() !== '';
  const position = session.questions.findIndex((q) => q.questionId === questionId);
  const previous = position > 0 ? session.questions[position - 1] : undefined;
  const latest = showFeedback && previous ? session.evaluations.find((e) => e.questionId === previous.questionId) : undefined;
  // A model writing the next question: shown where the question will appear, until it comes.
  const upcoming = session.draft;
  const speech = voice && !paused ? session.speech : null;
  const streamedId = speech?.questionId;
  const streamSpoken = useCallback(() => setSpokenStream(streamedId ?? null), [streamedId]);

  return (
    <section className="screen interview">
      <div className="interview-header">
        <PhaseSteps phase={question.phase} asked={session.questions.map((q) => q.phase)} />
        <ElapsedTime clock={session.clock} />
      </div>
      <LatestFeedback question={previous} evaluation={latest} config={session.config} />
      <p className="muted" data-testid="question-meta">
        {upcoming ? 'Next question' : questionLine(question, session.questions, session.config)}
        {!upcoming && question.mainNumber ? ` · ${question.difficulty}` : ''}
      </p>
      {upcoming ? (
        // Not a live region: a screen reader would read every few words; the question itself is announced by its focus.
        <p className="question-draft" data-testid="question-draft" aria-busy="true">
          {upcoming.text}
        </p>
      ) : (
        <h1 ref={heading} tabIndex={-1} id="question-text" data-testid="question-text">
          {question.text}
        </h1>
      )}
      {speech && <StreamedQuestionAudio key={speech.questionId} speech={speech} onFinished={streamSpoken} />}
      <p className="status-line" role="status" data-testid="status-line">
        {session.engineState ? STATUS_TEXT[session.engineState] : ''}
      </p>
      {voice && <RecognitionNotice />}
      {voice && !paused && (
        <VoiceAnswerPanel
          key={questionId}
          question={question}
          handsFree={handsFree}
          silenceMs={preferences?.silenceMs ?? 2_000}
          streamed={speech?.questionId === questionId ? { spoken: spokenStream === questionId } : undefined}
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
            aria-describedby="question-text"
            onChange={(e) => setDraft(questionId, e.target.value)}
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
        <InterviewActions
          interviewId={interviewId}
          question={question}
          busy={busy}
          paused={paused}
          canSend={answer.trim() !== ''}
          review={(held) => reviewing && !held && <AutoSubmit key={transcript?.text} seconds={REVIEW_SECONDS} onSubmit={submit} />}
        />
      </form>
      <TranscriptList showFeedback={showFeedback} />
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
