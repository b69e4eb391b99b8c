import { routeHref } from '../router/routes';
import { LoadableView } from '../components/LoadableView';
import { useCall } from '../transport/transport-context';

/** Past and unfinished interviews, newest first. */
export function HistoryScreen() {
  const { state, reload } = useCall('interviews.list', { limit: 50 });
  return (
    <section className="screen">
      <h1>History</h1>
      <LoadableView state={state} retry={reload}>
        {(interviews) =>
          interviews.length === 0 ? (
            <p className="muted" data-testid="history-empty">
              No interviews yet. Your practice sessions will be listed here.
            </p>
          ) : (
            <ul className="history" data-testid="history-list">
              {interviews.map((interview) => (
                <li key={interview.id}>
                  <a href={routeHref({ screen: 'report', interviewId: interview.id })}>
                    {new Date(interview.startedAt).toLocaleString()} · {interview.track} · {interview.status}
                    {interview.overallScore !== undefined ? ` · ${Math.round(interview.overallScore)}/100` : ''}
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </LoadableView>
    </section>
  );
}
