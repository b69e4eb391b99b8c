import type { SpeechAnalytics } from '../../../shared/protocol';
import { speechAnalyticsRows } from '../../../shared/report/report-wording';

/** How an answer was said: speaking time, pace, fillers (a lower bound), long pauses. */
export function SpeechAnalyticsView({ analytics }: { analytics: SpeechAnalytics }) {
  return (
    <dl className="speech-analytics" data-testid="speech-analytics">
      {speechAnalyticsRows(analytics).map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
