import type { SpeechAnalytics } from '../../../shared/protocol';
import { speechAnalyticsLines } from './speech-analytics-lines';

/** How an answer was said: speaking time, long pauses, pace, fillers (a lower bound), and what they come from. */
export function SpeechAnalyticsView({ analytics }: { analytics: SpeechAnalytics }) {
  const { lines, source } = speechAnalyticsLines(analytics);
  return (
    <div data-testid="speech-analytics">
      <dl className="speech-analytics">
        {lines.map((line) => (
          <div key={line.term}>
            <dt>{line.term}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted speech-analytics-source" data-testid="speech-analytics-source">
        {source}
      </p>
    </div>
  );
}
