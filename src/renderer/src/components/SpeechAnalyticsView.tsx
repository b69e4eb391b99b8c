import type { SpeechAnalytics } from '../../../shared/protocol';
import { formatDuration } from './Waveform';

/** How an answer was said: speaking time, pace, fillers (a lower bound), long pauses. */
export function SpeechAnalyticsView({ analytics }: { analytics: SpeechAnalytics }) {
  const fillers = Object.entries(analytics.fillerWords.byWord)
    .sort((a, b) => b[1] - a[1])
    .map(([word, count]) => `“${word}” ×${count}`)
    .join(', ');
  return (
    <dl className="speech-analytics" data-testid="speech-analytics">
      <div>
        <dt>Speaking time</dt>
        <dd>{formatDuration(analytics.speakingMs)}</dd>
      </div>
      <div>
        <dt>Pace</dt>
        <dd>{Math.round(analytics.wordsPerMinute)} words/min</dd>
      </div>
      <div>
        <dt>Filler words</dt>
        <dd>
          at least {analytics.fillerWords.atLeast}
          {fillers ? ` (${fillers})` : ''}
        </dd>
      </div>
      <div>
        <dt>Long pauses</dt>
        <dd>{analytics.longPauses.length === 0 ? 'none' : analytics.longPauses.map((p) => `${(p.durationMs / 1000).toFixed(1)} s at ${formatDuration(p.startMs)}`).join(', ')}</dd>
      </div>
    </dl>
  );
}
