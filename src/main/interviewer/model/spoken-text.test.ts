import { describe, expect, it } from 'vitest';
import { createSpokenTextFilter, spokenText } from './spoken-text';

/** The reply cut into pieces of `size` characters and cleaned as it streams. */
function streamed(reply: string, size: number): { pieces: string[]; joined: string } {
  const filter = createSpokenTextFilter();
  const pieces: string[] = [];
  for (let i = 0; i < reply.length; i += size) pieces.push(filter.push(reply.slice(i, i + size)));
  pieces.push(filter.end());
  return { pieces, joined: pieces.join('') };
}

const REPLIES: [string, string][] = [
  ['Interviewer: "Your payments API gets a retried POST. How do you charge once?"', 'Your payments API gets a retried POST. How do you charge once?'],
  ['**Question:** How would you   index\n\nthis table?  ', 'How would you index this table?'],
  ['  “Tell me about a time you disagreed.”  ', 'Tell me about a time you disagreed.'],
  ['Question 3 is about caching: what would you cache?', 'Question 3 is about caching: what would you cache?'],
  ['Interviewer', 'Interviewer'],
  ['"He said "no" to me," she wrote', 'He said "no" to me," she wrote'],
  ['What does `SELECT *` do?', 'What does SELECT do?'],
  ['question:', ''],
];

describe('the interviewer’s words, cleaned as they stream', () => {
  it.each(REPLIES)('cleans %j', (reply, said) => {
    expect(spokenText(reply)).toBe(said);
  });

  it.each([1, 2, 3, 5, 8, 13])('gives exactly the whole reply’s cleaning in pieces of %i characters', (size) => {
    for (const [reply] of REPLIES) expect(streamed(reply, size).joined).toBe(spokenText(reply));
  });

  it('gives text as it arrives, holding back only what the end could still change', () => {
    const filter = createSpokenTextFilter();
    expect(filter.push('Interv')).toBe('');
    expect(filter.push('iewer: "How ')).toBe('How');
    expect(filter.push('would you')).toBe(' would you');
    expect(filter.push(' test it?" ')).toBe(' test it?');
    expect(filter.end()).toBe('');
  });

  it('never loses the last words of a reply that ends without punctuation', () => {
    expect(streamed('Tell me more about the queue you built', 4).joined).toBe('Tell me more about the queue you built');
  });
});
