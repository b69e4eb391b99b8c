import type { SpeechAnalytics } from '../../../shared/protocol';
import { formatDuration } from './Waveform';

export interface AnalyticsLine {
  term: string;
  value: string;
}

/**
 * What the report says about how an answer was said, and what each number comes from (issue
 * #9, fault 14): time and pauses from the recording, pace and fillers from the recogniser's
 * transcript, and plainly "not measured" when no recogniser heard the answer.
 */
export function speechAnalyticsLines(analytics: SpeechAnalytics): { lines: AnalyticsLine[]; source: string } {
  const heard = analytics.wordsFrom === 'transcript';
  const fillers = Object.entries(analytics.fillerWords?.byWord ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([word, count]) => `“${word}” ×${count}`)
    .join(', ');
  return {
    lines: [
      { term: 'Speaking time', value: `${formatDuration(analytics.speakingMs)} of ${formatDuration(analytics.durationMs)} recorded` },
      {
        term: 'Long pauses',
        value: analytics.longPauses.length === 0 ? 'none' : analytics.longPauses.map((p) => `${(p.durationMs / 1000).toFixed(1)} s at ${formatDuration(p.startMs)}`).join(', '),
      },
      { term: 'Pace', value: heard ? `${Math.round(analytics.wordsPerMinute ?? 0)} words/min` : 'not measured' },
      { term: 'Filler words', value: heard ? `at least ${analytics.fillerWords?.atLeast ?? 0}${fillers ? ` (${fillers})` : ''}` : 'not counted' },
    ],
    source: heard
      ? 'Speaking time and pauses are measured from the recording; pace and filler words from what speech recognition heard.'
      : 'Speaking time and pauses are measured from the recording. Pace and filler words need speech recognition, and none heard this answer: what you typed is not counted.',
  };
}
