import { describe, expect, it } from 'vitest';
import { speechAnalyticsRows } from './report-wording';

const audio = { durationMs: 16_000, speakingMs: 12_000, longPauses: [{ startMs: 5_000, durationMs: 2_400 }] };
const valueOf = (rows: { label: string; value: string }[], label: string): string | undefined => rows.find((row) => row.label === label)?.value;

describe('speech analytics in the report', () => {
  it('says pace and fillers were not measured when no recogniser heard the answer', () => {
    const { rows: lines, source } = speechAnalyticsRows({ ...audio, wordsFrom: 'none' });
    expect(valueOf(lines, 'Speaking time')).toBe('0:12 of 0:16 recorded');
    expect(valueOf(lines, 'Long pauses')).toBe('2.4 s at 0:05');
    expect(valueOf(lines, 'Pace')).toBe('not measured');
    expect(valueOf(lines, 'Filler words')).toBe('not counted');
    expect(source).toContain('what you typed is not counted');
  });

  it('gives pace and fillers from the recognised transcript, and says so', () => {
    const { rows: lines, source } = speechAnalyticsRows({ ...audio, wordsFrom: 'transcript', wordsPerMinute: 151.6, fillerWords: { atLeast: 3, byWord: { uh: 1, um: 2 } } });
    expect(valueOf(lines, 'Pace')).toBe('152 words/min');
    expect(valueOf(lines, 'Filler words')).toBe('at least 3 (“um” ×2, “uh” ×1)');
    expect(source).toContain('from what speech recognition heard');
  });
});
