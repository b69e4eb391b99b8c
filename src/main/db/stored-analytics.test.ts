import { describe, expect, it } from 'vitest';
import { readStoredAnalytics } from './stored-analytics';

/** Analytics written before issue #9 counted words in whatever text was sent, typed or not. */
const before = JSON.stringify({
  durationMs: 4000,
  speakingMs: 3000,
  wordsPerMinute: 80,
  fillerWords: { atLeast: 2, byWord: { um: 1, uh: 1 } },
  longPauses: [],
});

describe('stored speech analytics', () => {
  it('drops the word counts of an old row whose answer no recogniser heard', () => {
    expect(readStoredAnalytics(before, null)).toEqual({ durationMs: 4000, speakingMs: 3000, longPauses: [], wordsFrom: 'none' });
  });

  it('counts an old row again from its recogniser transcript', () => {
    expect(readStoredAnalytics(before, 'I added an index, um, on the id column')).toEqual({
      durationMs: 4000,
      speakingMs: 3000,
      longPauses: [],
      wordsFrom: 'transcript',
      wordsPerMinute: 180,
      fillerWords: { atLeast: 1, byWord: { um: 1 } },
    });
  });

  it('reads a new row as it was stored', () => {
    const stored = { durationMs: 4000, speakingMs: 3000, longPauses: [], wordsFrom: 'none' as const };
    expect(readStoredAnalytics(JSON.stringify(stored), 'ignored')).toEqual(stored);
  });
});
