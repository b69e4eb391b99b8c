import type { InterviewDetail, InterviewTurn } from '../../../shared/protocol';
import { describeOverallScore } from '../../../shared/interview/overall-definition';
import { EvaluationCard } from '../components/EvaluationCard';
import { LoadableView } from '../components/LoadableView';
import { SpeechAnalyticsView } from '../components/SpeechAnalyticsView';
import { Waveform } from '../components/Waveform';
import { useCall } from '../transport/transport-context';
import { countedScoreText, reportSections } from './report-sections';

const PHASE_LABELS: Record<InterviewTurn['phase'], string> = {
  intro: 'Introduction',
  warmup: 'Warm-up',
  standard: 'Core',
  advanced: 'Advanced',
  wrapup: 'Closing: your questions for us',
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

/**
 * Main questions numbered 1..N with their follow-ups under them, the introduction and closing
 * not scored, and the one line that says how the overall is made (DESIGN.md §5.1).
 */
function Report({ interview }: { interview: InterviewDetail }) {
  const mainQuestions = interview.mainQuestions ?? 0;
  const counts = [
    plural(mainQuestions, 'main question'),
    plural(interview.followUps ?? 0, 'follow-up'),
    ...(interview.skippedQuestions ? [`${interview.skippedQuestions} skipped`] : []),
    ...(interview.status === 'ended' ? ['ended early'] : []),
  ];
  return (
    <>
      <div className="panel report-summary">
        <p className="score" data-testid="overall-score">
          {interview.overallScore === undefined ? 'Not finished' : `${Math.round(interview.overallScore)} / 100`}
        </p>
        <p data-testid="report-counts">{counts.join(' · ')}</p>
        <p className="muted">
          {interview.track} · {interview.config.level ?? 'mid'} · {new Date(interview.startedAt).toLocaleString()}
        </p>
        <p className="muted score-definition" data-testid="score-definition">
          {describeOverallScore(mainQuestions)}
        </p>
      </div>
      <ol className="turns" data-testid="report-turns">
        {reportSections(interview.turns).map((section) =>
          section.kind === 'unscored' ? (
            <li key={section.turn.questionId} className="panel turn" data-testid="report-unscored">
              <TurnView turn={section.turn} label={`${PHASE_LABELS[section.turn.phase]} · not scored`} scored={false} />
            </li>
          ) : (
            <li key={section.turn.questionId} className="panel turn" data-testid="report-question">
              <TurnView
                turn={section.turn}
                label={`Question ${section.turn.mainNumber} · ${PHASE_LABELS[section.turn.phase]} · ${section.turn.difficulty}`}
                counted={countedScoreText(section.turn)}
                scored
              />
              {section.followUps.map((followUp) => (
                <div key={followUp.questionId} className="follow-up">
                  <TurnView turn={followUp} label={`Follow-up to question ${section.turn.mainNumber}`} scored />
                </div>
              ))}
            </li>
          ),
        )}
      </ol>
    </>
  );
}

/**
 * One question asked, what was said and the feedback; the score only where it counts for
 * something, and for a main question what it adds to the overall.
 */
function TurnView({ turn, label, scored, counted }: { turn: InterviewTurn; label: string; scored: boolean; counted?: string }) {
  return (
    <div data-testid="report-turn">
      <p className="muted" data-testid="turn-label">
        {label}
      </p>
      {counted && (
        <p className="counted-score" data-testid="counted-score">
          {counted}
        </p>
      )}
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
        <EvaluationCard evaluation={turn.evaluation} modelAnswer={turn.modelAnswer} showScore={scored} />
      ) : (
        !turn.skipped && <p className="muted">Not answered.</p>
      )}
    </div>
  );
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
