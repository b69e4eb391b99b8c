import { describe, expect, it } from 'vitest';
import { SpeechAnalytics } from '../../shared/protocol/speech-analytics';
import { recordSpeech } from '../../../tests/support/audio/speech-recording';
import { analyseSpeech, countFillerWords, countWords } from './speech-analytics';

const RATE = 16_000;
const FIRST = 'I led the migration of our billing service to a new database, and we cut costs by a third.';
const SECOND = 'Then I wrote the runbook for the on call team and trained two new engineers.';
const TRANSCRIPT = `${FIRST} ${SECOND}`;

/** The two sentences 3 s apart, with 1 s of silence before and after. */
const answerWithPause = (wordsPerMinute?: number): ReturnType<typeof recordSpeech> =>
  recordSpeech([FIRST, SECOND], { leadMs: 1000, gapMs: 3000, tailMs: 1000, wordsPerMinute });

describe('analyseSpeech', () => {
  it('measures speaking time, pace and the one long pause of a spoken answer', () => {
    const { samples, parts } = answerWithPause();
    const first = parts[0]!;
    const analysis = analyseSpeech({ samples, sampleRate: RATE, transcript: TRANSCRIPT });

    expect(analysis.durationMs).toBe(Math.round((samples.length / RATE) * 1000));
    const spokenMs = parts.reduce((total, part) => total + part.endMs - part.startMs, 0);
    expect(analysis.speakingMs).toBeLessThan(analysis.durationMs - 4000);
    expect(Math.abs(analysis.speakingMs - spokenMs)).toBeLessThan(0.03 * spokenMs);

    expect(analysis.longPauses).toHaveLength(1);
    expect(Math.abs(analysis.longPauses[0]!.startMs - first.endMs)).toBeLessThanOrEqual(40);
    expect(Math.abs(analysis.longPauses[0]!.durationMs - 3000)).toBeLessThanOrEqual(60);

    // Pace over speaking time only, so the 3 s pause does not slow it. espeak-ng's default is
    // nominally 175 wpm; on these short words it comes to about 230.
    const expectedWpm = countWords(TRANSCRIPT) / (spokenMs / 60_000);
    expect(Math.abs(analysis.wordsPerMinute! - expectedWpm)).toBeLessThan(0.05 * expectedWpm);
    expect(analysis.wordsPerMinute).toBeGreaterThan(150);
    expect(analysis.wordsPerMinute).toBeLessThan(260);
    expect(SpeechAnalytics.parse(analysis)).toEqual(analysis);
  });

  it('reports a slow speaker slower than a fast one', () => {
    const pace = (wordsPerMinute: number): number =>
      analyseSpeech({ samples: answerWithPause(wordsPerMinute).samples, sampleRate: RATE, transcript: TRANSCRIPT }).wordsPerMinute!;
    const slow = pace(120);
    const fast = pace(240);
    expect(fast).toBeGreaterThan(slow * 1.5);
  });

  it('lets the caller decide what a long pause is', () => {
    const { samples } = answerWithPause();
    expect(analyseSpeech({ samples, sampleRate: RATE, transcript: TRANSCRIPT, longPauseMs: 3500 }).longPauses).toEqual([]);
    expect(analyseSpeech({ samples, sampleRate: RATE, transcript: TRANSCRIPT, longPauseMs: 1000 }).longPauses).toHaveLength(1);
  });

  it('reports zero pace, not infinity, when nothing was said', () => {
    const silence = new Int16Array(RATE * 3);
    expect(analyseSpeech({ samples: silence, sampleRate: RATE, transcript: '' })).toEqual({
      durationMs: 3000,
      speakingMs: 0,
      longPauses: [],
      wordsFrom: 'transcript',
      wordsPerMinute: 0,
      fillerWords: { atLeast: 0, byWord: {} },
    });
    expect(analyseSpeech({ samples: silence, sampleRate: RATE, transcript: 'a transcript without audio' }).wordsPerMinute).toBe(0);
  });
});

describe('analyseSpeech without a transcript', () => {
  it('measures the audio and leaves pace in words and fillers out', () => {
    const { samples } = answerWithPause();
    const withWords = analyseSpeech({ samples, sampleRate: RATE, transcript: TRANSCRIPT });
    const audioOnly = analyseSpeech({ samples, sampleRate: RATE, transcript: undefined });
    expect(audioOnly).toEqual({ durationMs: withWords.durationMs, speakingMs: withWords.speakingMs, longPauses: withWords.longPauses, wordsFrom: 'none' });
    expect(SpeechAnalytics.parse(audioOnly)).toEqual(audioOnly);
  });
});

describe('filler words', () => {
  it('counts hesitations however they are spelled, and the filler phrases', () => {
    const transcript = 'Um, so I, uhh, basically built it. Erm, you know, it was kind of slow, er, hmm. I mean, it literally sort of worked. Ummm. Ah.';
    expect(countFillerWords(transcript)).toEqual({
      atLeast: 13,
      byWord: { um: 2, uh: 1, basically: 1, erm: 1, 'you know': 1, 'kind of': 1, er: 1, hmm: 1, 'I mean': 1, literally: 1, 'sort of': 1, ah: 1 },
    });
  });

  it('does not count the phrases where they mean what they say, nor "like" and "so"', () => {
    const transcript = 'What kind of database? That sort of thing. Do you know Kafka? What I mean is this. I would like to say so, and so on, like I said.';
    expect(countFillerWords(transcript)).toEqual({ atLeast: 0, byWord: {} });
  });

  it('counts words as a reader would', () => {
    expect(countWords("I don't think on-call rotations in 2024 were “fine”, honestly.")).toBe(10);
    expect(countWords('  ')).toBe(0);
  });
});
