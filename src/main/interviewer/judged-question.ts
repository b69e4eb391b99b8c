import type { ConceptRubric } from './evaluation/concept-evaluator';
import type { Rubric, RubricConcept } from './question-bank-schema';

export interface FollowUpPlan {
  text: string;
  /** Concept names (or `star:<part>`) this follow-up probes when an answer missed them. */
  probes: string[];
}

/**
 * Everything the evaluator needs to judge an answer to one question, whatever the question's
 * origin: a bank question, a custom question matched to a bank question or with a rubric built
 * from its wording, the introduction or closing, or a follow-up judged on what it asks.
 */
export interface JudgedQuestion {
  style: 'concepts' | 'star';
  rubric: ConceptRubric;
  followUps: readonly FollowUpPlan[];
  /** Texts whose words make up the vocabulary of a good answer. */
  referenceTexts: readonly string[];
  /** What the question was after, for headlines ("stale data and expiry with a TTL"). */
  askedFor: string;
  modelAnswer?: readonly string[];
  skills: readonly string[];
  /** About how many words a complete spoken answer needs. */
  expectedWords: number;
  origin: 'bank' | 'matched' | 'built' | 'conversation' | 'follow-up';
}

const topConcepts = (concepts: readonly RubricConcept[], count: number): string => {
  const names = [...concepts].sort((a, b) => b.weight - a.weight).slice(0, count).map((c) => c.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'what was asked');
};

export function fromRubric(rubric: Rubric, skills: readonly string[], origin: JudgedQuestion['origin'], expectedWords = 150): JudgedQuestion {
  return {
    style: rubric.style,
    rubric: { concepts: rubric.concepts, commonMistakes: rubric.commonMistakes },
    followUps: rubric.followUps,
    referenceTexts: [...rubric.concepts.flatMap((c) => c.terms), ...rubric.strongAnswer, ...rubric.modelAnswer],
    askedFor: topConcepts(rubric.concepts, 2),
    modelAnswer: rubric.modelAnswer,
    skills,
    expectedWords,
    origin,
  };
}

/** Story follow-ups of built rubrics probe a STAR part rather than a rubric concept. */
const STORY_PROBES: Record<string, RubricConcept> = {
  'star:action': { name: 'what you did yourself', terms: ['I decided', 'I wrote', 'I built', 'I talked', 'I asked', 'I set up', 'I proposed', 'I started', 'I changed', 'I made', 'I took', 'I went', 'I spoke', 'I created', 'I fixed'], weight: 3 },
  'star:result': { name: 'the result', terms: ['result', 'outcome', 'reduced', 'increased', 'improved', 'saved', 'shipped', 'launched', 'fixed', 'percent', 'faster', 'fewer', 'in the end', 'afterwards', 'ended up'], weight: 3 },
};

/**
 * A follow-up is judged on the concepts it probes (what the main answer missed), against the
 * follow-up's own wording and the parts of the outline about those concepts, and expects a
 * shorter answer than a main question (issue #8).
 */
export function forFollowUp(parent: JudgedQuestion, followUpIndex: number): JudgedQuestion | undefined {
  const followUp = parent.followUps[followUpIndex];
  if (!followUp) return undefined;
  const probed = followUp.probes.map((probe: string) => STORY_PROBES[probe] ?? parent.rubric.concepts.find((c) => c.name === probe)).filter((c): c is RubricConcept => c !== undefined);
  const concepts = probed.length > 0 ? probed : parent.rubric.concepts;
  const terms = concepts.flatMap((c) => c.terms);
  const outline = (parent.modelAnswer ?? []).filter((sentence) => terms.some((term) => sentence.toLowerCase().includes(term.toLowerCase())));
  return {
    style: 'concepts',
    rubric: { concepts, commonMistakes: parent.rubric.commonMistakes },
    followUps: [],
    referenceTexts: [followUp.text, ...terms, ...outline, ...parent.referenceTexts.slice(0, 6)],
    askedFor: topConcepts(concepts, 2),
    ...(outline.length > 0 ? { modelAnswer: outline } : parent.modelAnswer ? { modelAnswer: parent.modelAnswer } : {}),
    skills: parent.skills,
    expectedWords: 60,
    origin: 'follow-up',
  };
}
