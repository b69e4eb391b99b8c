import { describe, expect, it } from 'vitest';
import { sentencesOf } from './sentence-stream';

async function* streamed(text: string, pieceLength: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += pieceLength) yield text.slice(i, i + pieceLength);
}

async function sentences(text: string, pieceLength = 3): Promise<string[]> {
  const out: string[] = [];
  for await (const sentence of sentencesOf(streamed(text, pieceLength))) out.push(sentence);
  return out;
}

describe('sentences from a streamed reply', () => {
  it.each([1, 2, 3, 7, 1000])('keeps abbreviations, decimals, prices and versions inside their sentence (pieces of %i)', async (size) => {
    const text = 'We moved to v2.0 last year, e.g. for the Dr. Smith clinic. It cost $4.50 per user in the U.S. market! Was 3.5 times faster worth it? Tell me';
    expect(await sentences(text, size)).toEqual([
      'We moved to v2.0 last year, e.g. for the Dr. Smith clinic.',
      'It cost $4.50 per user in the U.S. market!',
      'Was 3.5 times faster worth it?',
      'Tell me',
    ]);
  });

  it('gives each sentence as soon as the next one begins, before the reply ends', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* reply() {
      yield 'Thanks for that. ';
      yield 'N';
      await gate;
      yield 'ext question.';
    }
    const reading = (async () => {
      for await (const sentence of sentencesOf(reply())) seen.push(sentence);
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['Thanks for that.']);
    release();
    await reading;
    expect(seen).toEqual(['Thanks for that.', 'Next question.']);
  });

  it('yields nothing for an empty or blank reply', async () => {
    expect(await sentences('   ')).toEqual([]);
  });
});
