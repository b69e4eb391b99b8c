import { useMemo } from 'react';
import type { InterviewDetail, InterviewTurn } from '../../../shared/protocol';
import { buildReport } from '../../../shared/report/build-report';
import { scoreChartGeometry } from '../../../shared/report/chart-geometry';
import type { ReportModel, ReportQuestion, SummaryPoint } from '../../../shared/report/report-model';
import { describeAnswers, describeCounts, describeEvaluators, evaluatorName, formatDateTime, formatDuration, NOTHING_SAID, PHASE_COLUMNS, phaseCells, skillShownText } from '../../../shared/report/report-wording';
import { DataTable } from '../components/DataTable';
import { EvaluationCard } from '../components/EvaluationCard';
import { ExportButtons } from '../components/ExportButtons';
import { LoadableView } from '../components/LoadableView';
import { RetakeControls, RetakeOfNotice } from '../components/RetakeControls';
import { PostingSkillsTable } from '../components/PostingSkillsTable';
import { ScoreChart } from '../components/ScoreChart';
import { questionAnchor, useScrollToQuestion } from '../components/use-scroll-to-question';
import { SpeechAnalyticsView } from '../components/SpeechAnalyticsView';
import { Waveform } from '../components/Waveform';
import { useCall } from '../transport/transport-context';

/** The feedback report of one interview, from `interviews.get`; `question`: the answer to scroll to. */
export function ReportScreen({ interviewId, question }: { interviewId: string; question?: string | undefined }) {
  const { state, reload } = useCall('interviews.get', { interviewId }, interviewId);
  return (
    <section className="screen report">
      <h1>Report</h1>
      <LoadableView state={state} retry={reload}>
        {(interview) => <Report interview={interview} found={question} />}
      </LoadableView>
    </section>
  );
}

/**
 * The report model the exports are made from (DESIGN.md §9), drawn with the audio the screen
 * can play: main questions numbered 1..N with their follow-ups under them, the introduction and
 * closing not scored, and the one line that says how the overall is made (§5.1).
 */
function Report({ interview, found }: { interview: InterviewDetail; found: string | undefined }) {
  const report = useMemo(() => buildReport(interview), [interview]);
  useScrollToQuestion(found);
  const turns = useMemo(() => new Map(interview.turns.map((turn) => [turn.questionId, turn])), [interview]);
  const scores = report.sections.flatMap(({ question }) => (question.mainNumber !== undefined && question.countedScore !== undefined ? [{ mainNumber: question.mainNumber, score: question.countedScore }] : []));
  const when = (iso: string): string => formatDateTime(iso, navigator.language);
  return (
    <>
      <div className="panel report-summary">
        <p className="score" data-testid="overall-score">
          {report.overallScore === undefined ? 'Not finished' : `${report.overallScore} / 100`}
        </p>
        <p data-testid="report-counts">{describeCounts(report)}</p>
        <p className="muted" data-testid="report-meta">
          {report.track.title} · {report.level} · {when(report.startedAt)} · {formatDuration(report.durationMs)} · judged by {describeEvaluators(report.evaluators)}
        </p>
        <p className="muted score-definition" data-testid="score-definition">
          {report.scoreDefinition}
        </p>
        <ExportButtons interviewId={report.interviewId} />
      </div>
      {interview.retakeOf && <RetakeOfNotice interviewId={interview.id} original={interview.retakeOfInterviewId} />}
      {scores.length > 0 && (
        <div className="panel">
          <ScoreChart chart={scoreChartGeometry(scores)} />
        </div>
      )}
      <Summary report={report} />
      <ol className="turns" data-testid="report-turns">
        {report.sections.map(({ scored, question, followUps }) => (
          <li key={question.questionId} className="panel turn" data-testid={scored ? 'report-question' : 'report-unscored'}>
            <TurnView question={question} turn={turns.get(question.questionId)} interview={interview} found={found} />
            {followUps.map((followUp) => (
              <div key={followUp.questionId} className="follow-up">
                <TurnView question={followUp} turn={turns.get(followUp.questionId)} interview={interview} found={found} />
              </div>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Strongest points and focus areas with their evidence, the phases, and the job description's skills. */
function Summary({ report }: { report: ReportModel }) {
  return (
    <div className="panel report-overview" data-testid="report-overview">
      <div className="report-points">
        <Points title="Strongest points" points={report.summary.strengths} empty={NOTHING_SAID.strengths} testId="summary-strengths" />
        <Points title="Focus areas" points={report.summary.focusAreas} empty={NOTHING_SAID.focusAreas} testId="summary-focus" />
      </div>
      {report.phases.length > 0 && (
        <DataTable columns={PHASE_COLUMNS} rows={report.phases.map(phaseCells)} className="phase-table" testId="phase-table" />
      )}
      {report.postingSkills && <PostingSkillsTable skills={report.postingSkills} />}
      {report.jobDescription && (
        <div className="job-coverage" data-testid="job-coverage">
          <h2>Job description</h2>
          <p>
            <strong>Skills you showed: </strong>
            {report.jobDescription.shown.length === 0 ? NOTHING_SAID.skillsShown : report.jobDescription.shown.map(skillShownText).join('; ')}
          </p>
          <p>
            <strong>Never covered: </strong>
            {report.jobDescription.notCovered.length === 0 ? NOTHING_SAID.notCovered : report.jobDescription.notCovered.join(', ')}
          </p>
        </div>
      )}
    </div>
  );
}

function Points({ title, points, empty, testId }: { title: string; points: SummaryPoint[]; empty: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <h2>{title}</h2>
      <ul>
        {points.length === 0 && <li className="muted">{empty}</li>}
        {points.map((point) => (
          <li key={point.text}>
            <strong>{point.text}</strong>: {describeAnswers(point.answers)}
            {point.details.length > 0 && <span className="muted"> ({point.details.join(', ')})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One question asked, what was said and the feedback; the score only where it counts for
 * something, and for a main question what it adds to the overall.
 */
function TurnView({ question, turn, interview, found }: { question: ReportQuestion; turn: InterviewTurn | undefined; interview: InterviewDetail; found: string | undefined }) {
  const scored = question.mainNumber !== undefined || question.parentNumber !== undefined;
  const { answer, evaluation } = question;
  return (
    <div data-testid="report-turn" id={questionAnchor(question.questionId)} tabIndex={-1} className={found === question.questionId ? 'found' : undefined}>
      <p className="muted" data-testid="turn-label">
        {question.label}
      </p>
      {question.countedNote && (
        <p className="counted-score" data-testid="counted-score">
          {question.countedNote}
        </p>
      )}
      <h2>{question.question}</h2>
      {turn?.questionAudioUrl && turn.questionPeaks && <Waveform url={turn.questionAudioUrl} peaks={turn.questionPeaks} durationMs={turn.questionPeaks.length * 20} label="question" />}
      {question.skipped && <p className="muted">Skipped</p>}
      {answer && <blockquote className="answer-text">{answer.text}</blockquote>}
      {answer?.transcript !== undefined && <p className="muted">What the recogniser heard: “{answer.transcript}”</p>}
      {turn?.answer?.audioUrl && turn.answer.peaks && <Waveform url={turn.answer.audioUrl} peaks={turn.answer.peaks} durationMs={turn.answer.durationMs ?? 0} label="answer" />}
      {answer?.analytics && <SpeechAnalyticsView analytics={answer.analytics} />}
      {evaluation ? (
        <>
          <EvaluationCard evaluation={evaluation} modelAnswer={question.modelAnswer} showScore={scored} />
          {evaluation.evaluator && <p className="muted evaluator">Judged by {evaluatorName(evaluation.evaluator)}</p>}
        </>
      ) : (
        !question.skipped && <p className="muted">Not answered.</p>
      )}
      {scored && turn && !interview.retakeOf && <RetakeControls turn={turn} track={interview.track} mode={interview.config.mode} />}
    </div>
  );
}
