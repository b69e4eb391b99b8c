import { describe, expect, it } from 'vitest';
import { boundedText } from './bounded-text';

const note = (words: number) => `[${words} more words left out]`;

describe('a pasted text within a limit', () => {
  it('is kept whole when it fits', () => {
    expect(boundedText('Short and sweet.', 100, note)).toEqual({ text: 'Short and sweet.', omittedWords: 0 });
  });

  it('is cut after the last whole sentence that fits, never after an abbreviation, with the number of words left out', () => {
    const text = 'We use Node.js, e.g. for the v2.0 API. Refunds cost $4.50 each. The team is five people.';
    const { text: kept, omittedWords } = boundedText(text, 70, note);
    expect(kept).toBe('We use Node.js, e.g. for the v2.0 API. Refunds cost $4.50 each.\n[5 more words left out]');
    expect(omittedWords).toBe(5);
  });

  it('is cut at a line end when its lines have no full stops (a résumé’s bullet points)', () => {
    const text = '- Payments in Node\n- Queues with retries\n- On-call for two years';
    expect(boundedText(text, 45, note).text).toBe('- Payments in Node\n- Queues with retries\n[5 more words left out]');
  });

  it('is cut between words only when no sentence or line ends in the first half', () => {
    const text = `${'word '.repeat(30)}end`;
    expect(boundedText(text, 52, note).text).toBe(`${'word '.repeat(10).trimEnd()}\n[21 more words left out]`);
  });
});
