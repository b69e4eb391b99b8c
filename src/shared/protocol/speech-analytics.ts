import { z } from 'zod';

/**
 * Per spoken answer (issue #4): how it was said. Speaking time and pauses are measured from
 * the recording; pace in words and filler words only from a recogniser's transcript of it
 * (issue #9): `wordsFrom: 'none'` means no recogniser heard it (the answer was typed), and
 * then the two are absent rather than guessed from the typing.
 */
export const SpeechAnalytics = z.object({
  durationMs: z.number().int().min(0),
  speakingMs: z.number().int().min(0),
  longPauses: z.array(z.object({ startMs: z.number().int().min(0), durationMs: z.number().int().min(0) })).max(500),
  wordsFrom: z.enum(['transcript', 'none']),
  wordsPerMinute: z.number().min(0).optional(),
  /** Recognisers drop many fillers, so this is a lower bound. */
  fillerWords: z.object({ atLeast: z.number().int().min(0), byWord: z.record(z.string().max(40), z.number().int().min(0)) }).optional(),
});
export type SpeechAnalytics = z.infer<typeof SpeechAnalytics>;

/** Waveform peaks (0..1) for wavesurfer.js: 50 per second covers a 20-minute answer. */
export const Peaks = z.array(z.number().min(0).max(1)).max(60_000);
