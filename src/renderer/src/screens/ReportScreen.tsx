import type { InterviewDetail } from '../../../shared/protocol';
import { EvaluationCard } from '../components/EvaluationCard';
import { LoadableView } from '../components/LoadableView';
import { SpeechAnalyticsView } from '../components/SpeechAnalyticsView';
import { Waveform } from '../components/Waveform';
import { useCall } from '../transport/transport-context';

const PHASE_LABELS: Record<InterviewDetail['turns'][number]['phase'], string> = {
  intro: 'Intro',
  warmup: 'Warm-up',
  standard: 'Core',
  advanced: 'Advanced',
  wrapup: 'Wrap-up',
};

/** The feedback report of one interview, from `interviews.get`. */
export function ReportScreen({ interviewId }: { interviewId: string }) {
  const { state, reload } = useCall('interviews.get', { interviewId }, interviewId);
  return (
    <section className="screen report">
      <h1>Report</h1>
      <LoadableView state={state} retry={reload}>
        {(interview) => <Report interview={interview} />}
      </LoadableView>
    </section>
  );
}

function Report({ interview }: { interview: InterviewDetail }) {
  const answered = interview.turns.filter((t) => t.evaluation).length;
  return (
    <>
      <div className="panel report-summary">
        <p className="score" data-testid="overall-score">
          {interview.overallScore === undefined ? 'Not finished' : `${Math.round(interview.overallScore)} / 100`}
        </p>
        <p className="muted">
          {interview.track} · {interview.config.level ?? 'mid'} · {new Date(interview.startedAt).toLocaleString()} · {answered} answered of{' '}
          {interview.turns.length} questions{interview.status === 'ended' ? ' · ended early' : ''}
        </p>
      </div>
      <ol className="turns" data-testid="report-turns">
        {interview.turns.map((turn) => (
          <li key={turn.questionId} className="panel turn" data-testid="report-turn">
            <p className="muted">
              {turn.index}. {PHASE_LABELS[turn.phase]} · {turn.difficulty}
              {turn.followUp ? ' · follow-up' : ''}
            </p>
            <h2>{turn.question}</h2>
            {turn.questionAudioUrl && turn.questionPeaks && (
              <Waveform url={turn.questionAudioUrl} peaks={turn.questionPeaks} durationMs={turn.questionPeaks.length * 20} label="question" />
            )}
            {turn.skipped && <p className="muted">Skipped</p>}
            {turn.answer && <blockquote className="answer-text">{turn.answer.text ?? turn.answer.transcript}</blockquote>}
            {turn.answer?.audioUrl && turn.answer.peaks && (
              <Waveform url={turn.answer.audioUrl} peaks={turn.answer.peaks} durationMs={turn.answer.durationMs ?? 0} label="answer" />
            )}
            {turn.answer?.analytics && <SpeechAnalyticsView analytics={turn.answer.analytics} />}
            {turn.evaluation ? (
              <EvaluationCard evaluation={turn.evaluation} modelAnswer={turn.modelAnswer} />
            ) : (
              !turn.skipped && <p className="muted">Not answered.</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
