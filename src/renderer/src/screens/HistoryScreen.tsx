import { useState } from 'react';
import { describeOverallScore } from '../../../shared/interview/overall-definition';
import type { InterviewSummary, SearchSnippet } from '../../../shared/protocol';
import { NOTHING_TO_SEARCH, searchTerms } from '../../../shared/search/search-terms';
import { HistoryCsvButton } from '../components/HistoryCsvButton';
import { LoadableView } from '../components/LoadableView';
import { useContinueInterview } from '../components/use-continue-interview';
import { routeHref } from '../router/routes';
import { navigate } from '../router/use-route';
import { useCall, useTransport } from '../transport/transport-context';

const PAGE = 50;

/**
 * Past and unfinished interviews, newest first, searchable by what was said. The search lives
 * in the address (`#/history?q=…`), so Back from a report returns to it (issue #9); App keys
 * this screen by it, so the box always shows the search the list is for.
 */
export function HistoryScreen({ query }: { query: string }) {
  const [typed, setTyped] = useState(query);
  const searchable = searchTerms(query).length > 0;
  return (
    <section className="screen">
      <h1>History</h1>
      <HistoryCsvButton />
      <form
        className="row search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const next = typed.trim();
          navigate({ screen: 'history', ...(next ? { query: next } : {}) }, { replace: true });
        }}
      >
        <input type="search" aria-label="Search answers" placeholder="Search what you said…" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {query && !searchable ? (
        <p className="muted" role="status" data-testid="history-empty">
          {NOTHING_TO_SEARCH} Symbols and emoji are not searchable.
        </p>
      ) : (
        <InterviewList query={query} />
      )}
    </section>
  );
}

function InterviewList({ query }: { query: string }) {
  const { state, reload } = useCall('interviews.list', { limit: PAGE, ...(query ? { query } : {}) }, query);
  return (
    <LoadableView state={state} retry={reload}>
      {(interviews) =>
        interviews.length === 0 ? (
          <p className="muted" data-testid="history-empty">
            {query ? 'No interview matches that search.' : 'No interviews yet. Your practice sessions will be listed here.'}
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
  );
}

/** Where the search matched; the matched words marked. Text parts only: nothing is read as markup. */
function Snippet({ parts }: { parts: SearchSnippet }) {
  return (
    <p className="snippet" data-testid="history-snippet">
      {parts.map((part, index) => (part.highlight ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </p>
  );
}

function HistoryRow({ interview, onDeleted }: { interview: InterviewSummary; onDeleted(): void }) {
  const transport = useTransport();
  const continueInterview = useContinueInterview();
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
        {interview.retakeOf && <span data-testid="history-retake"> · one question practised again</span>}
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
        {interview.snippet && <Snippet parts={interview.snippet} />}
        {error && <p role="alert">{error}</p>}
      </div>
      <div className="actions">
        {unfinished ? (
          <button type="button" className="primary" onClick={() => continueInterview(interview.id)}>
            Continue
          </button>
        ) : (
          <a className="button" href={routeHref({ screen: 'report', interviewId: interview.id, ...(interview.matchQuestionId ? { question: interview.matchQuestionId } : {}) })}>
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
