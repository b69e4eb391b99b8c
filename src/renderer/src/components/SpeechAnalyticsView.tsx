import type { SpeechAnalytics } from '../../../shared/protocol';
import { speechAnalyticsRows } from '../../../shared/report/report-wording';

/** How an answer was said: speaking time, long pauses, pace, fillers (a lower bound), and what they come from. */
export function SpeechAnalyticsView({ analytics }: { analytics: SpeechAnalytics }) {
  const { rows, source } = speechAnalyticsRows(analytics);
  return (
    <div data-testid="speech-analytics">
      <dl className="speech-analytics">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted speech-analytics-source" data-testid="speech-analytics-source">
        {source}
      </p>
    </div>
  );
}
