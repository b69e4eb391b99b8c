import { LoadableView } from '../components/LoadableView';
import { useCall } from '../transport/transport-context';

/** The feedback report of one interview, from `interviews.get`. */
export function ReportScreen({ interviewId }: { interviewId: string }) {
  const { state, reload } = useCall('interviews.get', { interviewId }, interviewId);
  return (
    <section className="screen">
      <h1>Report</h1>
      <LoadableView state={state} retry={reload}>
        {(interview) => (
          <>
            <p className="score" data-testid="overall-score">
              {interview.overallScore === undefined ? 'Not scored' : `${Math.round(interview.overallScore)} / 100`}
            </p>
            <ol className="turns">
              {interview.turns.map((turn) => (
                <li key={turn.questionId} className="panel">
                  <h2>{turn.question}</h2>
                  {turn.skipped && <p className="muted">Skipped</p>}
                  {turn.evaluation && (
                    <>
                      <p>
                        <strong>{turn.evaluation.score} / 10</strong> — {turn.evaluation.feedback}
                      </p>
                      <FeedbackList title="Strengths" items={turn.evaluation.strengths} />
                      <FeedbackList title="To improve" items={turn.evaluation.weaknesses} />
                      <FeedbackList title="Suggestions" items={turn.evaluation.suggestions} />
                    </>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </LoadableView>
    </section>
  );
}

function FeedbackList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
