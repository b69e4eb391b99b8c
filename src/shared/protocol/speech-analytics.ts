import { z } from 'zod';

/** Per spoken answer (issue #4): how it was said, measured from the recording and transcript. */
export const SpeechAnalytics = z.object({
  durationMs: z.number().int().min(0),
  speakingMs: z.number().int().min(0),
  wordsPerMinute: z.number().min(0),
  /** Recognisers drop many fillers, so this is a lower bound. */
  fillerWords: z.object({ atLeast: z.number().int().min(0), byWord: z.record(z.string().max(40), z.number().int().min(0)) }),
  longPauses: z.array(z.object({ startMs: z.number().int().min(0), durationMs: z.number().int().min(0) })).max(500),
});
export type SpeechAnalytics = z.infer<typeof SpeechAnalytics>;

/** Waveform peaks (0..1) for wavesurfer.js: 50 per second covers a 20-minute answer. */
export const Peaks = z.array(z.number().min(0).max(1)).max(60_000);
