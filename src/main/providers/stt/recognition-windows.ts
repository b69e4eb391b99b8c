import { findSpeechSegments } from '../../../shared/audio/vad';

/**
 * Where to cut a long recording for the local recogniser. sherpa-onnx's Whisper models hear
 * only the first 30 seconds of what they are given (the rest is dropped with a note on
 * stderr), and Moonshine and Parakeet also work best, and with bounded memory, on pieces
 * of that size; spoken answers often run for minutes. So a recording longer than
 * MAX_WINDOW_MS is cut into windows no longer than that, each cut in a pause between
 * phrases (found by the same silence detector as everywhere else) so no word is split; only
 * speech with no pause at all in MAX_WINDOW_MS is cut mid-flow.
 */
export const MAX_WINDOW_MS = 28_000;

export interface SampleWindow {
  /** Sample indices: [start, end). */
  start: number;
  end: number;
}

export function recognitionWindows(samples: Int16Array | Float32Array, sampleRate: number, maxMs = MAX_WINDOW_MS): SampleWindow[] {
  const maxSamples = Math.floor((maxMs * sampleRate) / 1000);
  if (samples.length <= maxSamples) return [{ start: 0, end: samples.length }];
  const toSample = (ms: number): number => Math.round((ms * sampleRate) / 1000);
  const segments = findSpeechSegments(samples, sampleRate);
  // The middle of each pause between phrases.
  const pauses = segments.slice(1).map((segment, i) => toSample((segments[i]!.endMs + segment.startMs) / 2));

  const windows: SampleWindow[] = [];
  let start = 0;
  while (samples.length - start > maxSamples) {
    const limit = start + maxSamples;
    const cut = pauses.findLast((pause) => pause > start && pause <= limit) ?? limit;
    windows.push({ start, end: cut });
    start = cut;
  }
  windows.push({ start, end: samples.length });
  return windows;
}
