import type { AnswerKind } from './answer-verdict';

/** The sentences every evaluator shares: the headline and the length note. Scores are in half points, as everywhere. */
export { roundToHalfPoint as roundToHalf } from '../../engine/score-summary';

export const lowerFirst = (sentence: string): string => sentence.charAt(0).toLowerCase() + sentence.slice(1);

export function headline(options: { kind: AnswerKind; offTopic: boolean; score: number; covered: number; total: number; askedFor: string }): string {
  const { kind, offTopic, score, covered, total, askedFor } = options;
  if (kind === 'dont-know') return `No answer yet: that is fine in practice. The question was after ${askedFor}; the outline in the report shows what to cover.`;
  if (kind === 'echo') return `You restated the question without answering it yet. It was after ${askedFor}.`;
  if (kind === 'list') return `You named terms without explaining them. The question was after ${askedFor}, said in sentences.`;
  if (offTopic) return `This answer was about something else. The question was after ${askedFor}.`;
  const coverage = total > 0 ? ` You covered ${covered} of ${total} key points.` : '';
  if (score >= 8) return `Strong answer.${coverage}`;
  if (score >= 6) return `Good answer with room to go deeper.${coverage}`;
  if (score >= 4) return `Partly there: the core is present but important parts are missing.${coverage}`;
  return `This answer missed most of what the question was after: ${askedFor}.${coverage}`;
}

export function lengthNote(words: number, expectedWords: number): string {
  const minutes = Math.max(1, Math.round(expectedWords / 130));
  return `This answer ran to about ${Math.round(words / 10) * 10} words; the key points fit in about ${minutes === 1 ? 'a minute' : `${minutes} minutes`} of speaking, and a shorter answer lands better.`;
}
