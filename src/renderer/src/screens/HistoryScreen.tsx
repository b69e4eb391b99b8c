import { useState } from 'react';
import { describeOverallScore } from '../../../shared/interview/overall-definition';
import type { InterviewSummary } from '../../../shared/protocol';
import { HistoryCsvButton } from '../components/HistoryCsvButton';
import { LoadableView } from '../components/LoadableView';
import { routeHref } from '../router/routes';
import { useCall, useTransport } from '../transport/transport-context';
import { useSend } from '../transport/use-send';

const PAGE = 50;

/** Past and unfinished interviews, newest first, searchable by what was said. */
export function HistoryScreen() {
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const { state, reload } = useCall('interviews.list', { limit: PAGE, ...(applied ? { query: applied } : {}) }, applied);
  return (
    <section className="screen">
      <h1>History</h1>
      <HistoryCsvButton />
      <form
        className="row search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(query.trim());
        }}
      >
        <input type="search" aria-label="Search answers" placeholder="Search what you said…" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      <LoadableView state={state} retry={reload}>
        {(interviews) =>
          interviews.length === 0 ? (
            <p className="muted" data-testid="history-empty">
              {applied ? 'No interview matches that search.' : 'No interviews yet. Your practice sessions will be listed here.'}
            </p>
          ) : (
            <ul className="history" data-testid="history-list">
              {interviews.map((interview) => (
                <HistoryRow key={interview.id} interview={interview} onDeleted={reload} />
              ))}
            </ul>
          )
        }
      </LoadableView>
    </section>
  );
}

function HistoryRow({ interview, onDeleted }: { interview: InterviewSummary; onDeleted(): void }) {
  const transport = useTransport();
  const send = useSend();
  const [error, setError] = useState<string | null>(null);
  const unfinished = interview.status === 'in_progress' || interview.status === 'paused';
  const remove = async (): Promise<void> => {
    if (!window.confirm('Delete this interview and its recordings? This cannot be undone.')) return;
    try {
      await transport.call('interviews.delete', { interviewId: interview.id });
      onDeleted();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <li className="panel history-row" data-testid="history-row">
      <div>
        <strong>{interview.track}</strong> · {new Date(interview.startedAt).toLocaleString()}
        <span className={`status status-${interview.status}`}> · {interview.status.replace('_', ' ')}</span>
        {interview.mainQuestions !== undefined && (
          <span data-testid="history-count">
            {' '}
            · {interview.mainQuestions} main question{interview.mainQuestions === 1 ? '' : 's'}
            {unfinished ? ' so far' : ''}
          </span>
        )}
        {interview.overallScore !== undefined && (
          // The report's one-line definition, on hover (DESIGN.md §5.1).
          <span data-testid="history-score" title={describeOverallScore(interview.mainQuestions ?? 0)}>
            {' '}
            · {Math.round(interview.overallScore)}/100
          </span>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
      <div className="actions">
        {unfinished ? (
          <button type="button" className="primary" onClick={() => send({ type: 'resume', interviewId: interview.id })}>
            Continue
          </button>
        ) : (
          <a className="button" href={routeHref({ screen: 'report', interviewId: interview.id })}>
            Open report
          </a>
        )}
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </li>
  );
}
