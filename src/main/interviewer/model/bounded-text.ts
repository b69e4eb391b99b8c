import { sentenceBreaks } from '../language/sentence-breaks';

/**
 * A text the candidate gave (job description, résumé) within `maxChars` (issue #10): whole when
 * it fits, else cut where a sentence or a line ends, so the model never reads half a sentence
 * as if it were the whole, and the marker says how much is left out. Only a text with no such
 * place in its first half is cut between words. The text is data for the prompt: nothing is
 * rewritten, only left out.
 */
export interface BoundedText {
  text: string;
  /** Words left out; 0 when the text was kept whole. */
  omittedWords: number;
}

export function boundedText(text: string, maxChars: number, marker: (omittedWords: number) => string): BoundedText {
  if (text.length <= maxChars) return { text, omittedWords: 0 };
  const at = cutPoint(text, maxChars);
  const omittedWords = countWords(text.slice(at));
  return { text: `${text.slice(0, at).trimEnd()}\n${marker(omittedWords)}`, omittedWords };
}

/** The last sentence or line end within the limit; failing that in its second half, the last space. */
function cutPoint(text: string, maxChars: number): number {
  const head = text.slice(0, maxChars + 1);
  const sentenceEnd = sentenceBreaks(head).filter((at) => at <= maxChars).at(-1) ?? 0;
  const lineEnd = head.lastIndexOf('\n') + 1;
  const best = Math.max(sentenceEnd, lineEnd);
  if (best >= maxChars / 2) return best;
  const space = head.lastIndexOf(' ');
  return space > 0 ? space : maxChars;
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;
