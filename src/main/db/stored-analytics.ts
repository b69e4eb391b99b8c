import type { SpeechAnalytics } from '../../shared/protocol';
import { wordAnalytics } from '../audio/speech-analytics';

/**
 * Analytics as stored in `answers.analytics_json`. Rows written before issue #9 counted words
 * and fillers in whatever text was sent, typed or not, and carry no `wordsFrom`: their word
 * counts are made again from the recogniser's transcript, or dropped when there is none, so
 * an old typed "um" is not shown as a filler either.
 */
export function readStoredAnalytics(json: string, transcript: string | null): SpeechAnalytics {
  const stored = JSON.parse(json) as SpeechAnalytics;
  if (stored.wordsFrom) return stored;
  const { durationMs, speakingMs, longPauses } = stored;
  return { durationMs, speakingMs, longPauses, ...wordAnalytics(transcript ?? undefined, speakingMs) };
}
