import { useMemo } from 'react';
import type { InterviewDetail, InterviewTurn } from '../../../shared/protocol';
import { compareAttempts, type DiffPart } from '../../../shared/report/attempt-comparison';
import type { FoundTheme } from '../../../shared/report/feedback-themes';
import type { ReportQuestion } from '../../../shared/report/report-model';
import { formatDateTime } from '../../../shared/report/report-wording';
import { LoadableView } from '../components/LoadableView';
import { RetakeControls } from '../components/RetakeControls';
import { SpeechAnalyticsView } from '../components/SpeechAnalyticsView';
import { Waveform } from '../components/Waveform';
import { routeHref } from '../router/routes';
import { useCall } from '../transport/transport-context';

/**
 * A question practised again beside the attempt it was practised from (issue #11): the score
 * change, what was fixed and what is still missing, how each was said, both recordings, and
 * the answers' words compared. `interviewId` is the practice (the later attempt).
 */
export function CompareScreen({ interviewId }: { interviewId: string }) {
  const { state, reload } = useCall('interviews.get', { interviewId }, interviewId);
  return (
    <section className="screen compare">
      <h1>Practised again</h1>
      <LoadableView state={state} retry={reload}>
        {(later) =>
          !later.retakeOf ? (
            <p className="muted">This interview is not a question practised again: its report is in History.</p>
          ) : !later.retakeOfInterviewId ? (
            <p className="muted" data-testid="compare-missing">
              The earlier attempt was deleted, so there is nothing to compare with. <a href={routeHref({ screen: 'report', interviewId })}>Open this attempt’s report</a>
            </p>
          ) : (
            <WithEarlier later={later} earlierId={later.retakeOfInterviewId} />
          )
        }
      </LoadableView>
    </section>
  );
}

function WithEarlier({ later, earlierId }: { later: InterviewDetail; earlierId: string }) {
  const { state, reload } = useCall('interviews.get', { interviewId: earlierId }, earlierId);
  return (
    <LoadableView state={state} retry={reload}>
      {(earlier) => {
        const earlierTurn = earlier.turns.find((turn) => turn.questionId === later.retakeOf);
        const laterTurn = later.turns[0];
        return earlierTurn && laterTurn ? <Comparison earlier={earlier} earlierTurn={earlierTurn} later={later} laterTurn={laterTurn} /> : <p className="muted">The earlier question is no longer in its interview.</p>;
      }}
    </LoadableView>
  );
}

function Comparison({ earlier, earlierTurn, later, laterTurn }: { earlier: InterviewDetail; earlierTurn: InterviewTurn; later: InterviewDetail; laterTurn: InterviewTurn }) {
  const comparison = useMemo(() => compareAttempts(earlierTurn, laterTurn), [earlierTurn, laterTurn]);
  const change = comparison.scoreChange;
  return (
    <>
      <div className="panel">
        <h2 data-testid="compare-question">{laterTurn.question}</h2>
        <p className="score" data-testid="score-change">
          {comparison.earlier.evaluation ? `${comparison.earlier.evaluation.score}` : earlierTurn.skipped ? 'Skipped' : '—'} → {comparison.later.evaluation ? `${comparison.later.evaluation.score} / 10` : 'not judged yet'}
          {change !== undefined && <span className={`score-change ${change > 0 ? 'up' : change < 0 ? 'down' : ''}`}> ({change > 0 ? `+${change}` : change === 0 ? 'no change' : change})</span>}
        </p>
        <div className="compare-themes" data-testid="compare-themes">
          <Themes title="Fixed" themes={comparison.fixed} empty="Nothing the earlier feedback asked for is fixed yet." testId="compare-fixed" />
          <Themes title="Still missing" themes={comparison.stillMissing} empty="Nothing the earlier feedback asked for is still missing." testId="compare-still-missing" />
          {comparison.newlyMissing.length > 0 && <Themes title="New this time" themes={comparison.newlyMissing} empty="" testId="compare-new" />}
        </div>
        <RetakeControls turn={earlierTurn} track={earlier.track} mode={later.config.mode} />
      </div>
      <div className="compare-sides">
        <Side title="Earlier attempt" interview={earlier} turn={earlierTurn} question={comparison.earlier} testId="compare-earlier" />
        <Side title="This attempt" interview={later} turn={laterTurn} question={comparison.later} testId="compare-later" />
      </div>
      <div className="panel">
        <h2>What changed in your words</h2>
        {comparison.diff.length === 0 ? <p className="muted">One of the attempts has no answer to compare.</p> : <WordDiff parts={comparison.diff} />}
      </div>
    </>
  );
}

function Themes({ title, themes, empty, testId }: { title: string; themes: FoundTheme[]; empty: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      {themes.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {themes.map((theme) => (
            <li key={theme.text}>
              {theme.text}
              {theme.details.length > 0 && <span className="muted">: {theme.details.join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Side({ title, interview, turn, question, testId }: { title: string; interview: InterviewDetail; turn: InterviewTurn; question: ReportQuestion; testId: string }) {
  return (
    <div className="panel" data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted">
        {formatDateTime(interview.startedAt, navigator.language)} · <a href={routeHref({ screen: 'report', interviewId: interview.id, question: turn.questionId })}>Open its report</a>
      </p>
      {question.skipped && <p className="muted">Skipped</p>}
      {question.answer && <blockquote className="answer-text">{question.answer.text}</blockquote>}
      {turn.answer?.audioUrl && turn.answer.peaks && <Waveform url={turn.answer.audioUrl} peaks={turn.answer.peaks} durationMs={turn.answer.durationMs ?? 0} label={`${title.toLowerCase()}`} />}
      {question.answer?.analytics && <SpeechAnalyticsView analytics={question.answer.analytics} />}
      {question.evaluation && (
        <>
          <p>
            <strong>{question.evaluation.score} / 10</strong> {question.evaluation.feedback}
          </p>
          {question.evaluation.weaknesses.length > 0 && (
            <ul>
              {question.evaluation.weaknesses.map((weakness) => (
                <li key={weakness}>{weakness}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** The earlier answer turned into the later one: removed words struck through, added ones marked. */
function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="word-diff" data-testid="word-diff">
      {parts.map((part, i) => (part.kind === 'added' ? <ins key={i}>{part.text}</ins> : part.kind === 'removed' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
