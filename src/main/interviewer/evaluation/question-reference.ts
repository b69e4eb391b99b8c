import { analyse, type AnalysedText } from '../language/analysed-text';
import { isContentWord } from '../language/content-words';
import type { Meaning } from '../language/meaning';

/**
 * What an answer to one question is measured against: the question's own content words (to
 * recognise an answer that only repeats it), its subject, and the vocabulary of a good answer
 * (the question, the rubric's terms and outlines).
 */
export interface QuestionReference {
  question: AnalysedText;
  questionKeys: ReadonlySet<string>;
  /** Each question word's weight: rarer words say more about what the question is about. */
  questionWeights: ReadonlyMap<string, { weight: number; word: string }>;
  /** The question's nouns, verbs and adjectives: what it is about. */
  subjectWords: readonly string[];
  vocabulary: ReadonlySet<string>;
  /** About how many words a complete spoken answer needs (main questions ~150, follow-ups ~60). */
  expectedWords: number;
}

export function buildReference(meaning: Meaning, questionText: string, rubricTexts: readonly string[], expectedWords: number): QuestionReference {
  const question = analyse(questionText);
  const questionContent = question.words.filter(isContentWord);
  const subject = questionContent.filter((w) => w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ' || w.pos === 'VERB');
  const rubric = rubricTexts.map((t) => analyse(t));
  const vocabularyTokens = [...questionContent, ...rubric.flatMap((r) => r.words.filter(isContentWord))];
  return {
    question,
    questionKeys: new Set(questionContent.map((w) => w.key)),
    questionWeights: new Map(questionContent.filter((w) => !w.isNumber).map((w) => [w.key, { weight: meaning.weightOf(w.normal), word: w.normal }])),
    subjectWords: [...new Set(subject.map((w) => w.normal))],
    vocabulary: new Set(vocabularyTokens.map((w) => w.key)),
    expectedWords,
  };
}
