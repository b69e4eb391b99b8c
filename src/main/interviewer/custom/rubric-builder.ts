import { analyse } from '../language/analysed-text';
import { isContentWord } from '../language/content-words';
import type { RubricConcept } from '../question-bank-schema';
import type { JudgedQuestion } from '../judged-question';
import type { BankMatch } from './question-matcher';
import { shapeOf, type Ask, type QuestionShape } from './question-shape';

/**
 * A rubric for a custom question that no bank question is close to (issue #8), built from the
 * question itself: its subject, what it asks for (a definition, a comparison, trade-offs,
 * steps, reasons, an example; a story for behavioral-shaped questions), and the key ideas of
 * the nearest bank questions as related vocabulary. Its follow-ups probe the asks an answer
 * missed, as a bank question's do.
 */
const ASK_CONCEPTS: Record<Ask, { name: string; terms: string[]; followUp: string }> = {
  definition: {
    name: 'a clear explanation of what it is',
    terms: ['is a', 'is an', 'is the', 'are a', 'means', 'refers to', 'is when', 'is used to', 'lets you', 'allows', 'works by', 'is basically', 'in other words', 'is how', 'is where'],
    followUp: 'In one or two sentences, how would you explain {subject} to a new colleague?',
  },
  comparison: {
    name: 'how the two differ',
    terms: ['whereas', 'while', 'unlike', 'instead', 'difference', 'differs', 'compared to', 'on the other hand', 'in contrast', 'but', 'rather than', 'better for', 'worse'],
    followUp: 'What is the single most important difference, and when would you pick each one?',
  },
  'trade-offs': {
    name: 'the trade-offs and risks',
    terms: ['trade-off', 'tradeoff', 'downside', 'drawback', 'cost', 'risk', 'however', 'the catch', 'overhead', 'complexity', 'slower', 'advantage', 'benefit', 'disadvantage', 'at the expense', 'in exchange'],
    followUp: 'What is the main downside or cost of that, and when would you accept it?',
  },
  steps: {
    name: 'concrete steps, in order',
    terms: ['first', 'then', 'next', 'after that', 'finally', 'step', 'start by', 'begin', 'once', 'second', 'afterwards', 'before', 'measure', 'check'],
    followUp: 'Walk me through the first three things you would actually do, in order.',
  },
  reasons: {
    name: 'the reasons why',
    terms: ['because', 'so that', 'the reason', 'which means', 'since', 'otherwise', 'to avoid', 'in order to', 'that way', 'prevents', 'ensures'],
    followUp: 'Why does that matter? What goes wrong without it?',
  },
  example: {
    name: 'a concrete example',
    terms: ['for example', 'for instance', 'such as', 'in my', 'we had', 'we used', 'at my', 'like when', 'e.g.', 'in one project', 'last year'],
    followUp: 'Can you give a concrete example from something you worked on?',
  },
};

const STORY_FOLLOW_UPS = [
  { text: 'What did you do yourself, step by step?', probes: ['star:action'] },
  { text: 'How did it turn out, and how did you know? What changed afterwards?', probes: ['star:result'] },
];

/** How similar a bank question must be for its key ideas to count as related vocabulary. */
const RELATED = 0.25;

const GENERIC = new Set(['time', 'example', 'way', 'situation', 'experience', 'thing', 'difference', 'approach', 'typical', 'good', 'common', 'main', 'key', 'use', 'case']);

export function buildRubric(questionText: string, related: readonly BankMatch[]): JudgedQuestion {
  const shape = shapeOf(questionText);
  const subject = subjectOf(questionText, shape);
  const subjectTerms = subjectWords(questionText);
  const concepts: RubricConcept[] = [];
  if (subjectTerms.length > 0) concepts.push({ name: subject, terms: subjectTerms, weight: 2 });
  if (shape.sides) for (const side of shape.sides) concepts.push({ name: side, terms: [side, ...subjectWords(side)], weight: 2 });
  const asks = shape.story ? [] : shape.asks;
  for (const ask of asks) concepts.push({ name: ASK_CONCEPTS[ask].name, terms: ASK_CONCEPTS[ask].terms, weight: 3 });
  // The nearest bank questions' key ideas: knowledge a good answer is likely to show.
  // Stories are left out: the nearest bank stories' themes were measured to hurt more than help.
  const near = shape.story ? [] : related.filter((m) => m.similarity >= RELATED);
  const ideas = [...new Set(near.slice(0, 2).flatMap((m) => m.question.rubric.concepts.filter((c) => c.weight >= 2).flatMap((c) => c.terms)))].slice(0, 30);
  if (ideas.length >= 2) concepts.push({ name: `the key ideas of ${subject}`, terms: ideas, weight: 2 });

  // Depth on the subject itself is always worth a follow-up, whatever the question's asks were.
  const depth = { text: `What can go wrong with ${subject}, and how would you notice and handle it?`, probes: concepts.filter((c) => c.weight === 2).map((c) => c.name) };
  const followUps = shape.story
    ? STORY_FOLLOW_UPS
    : [...asks.map((ask) => ({ text: ASK_CONCEPTS[ask].followUp.replace('{subject}', subject), probes: [ASK_CONCEPTS[ask].name] })), ...(depth.probes.length > 0 ? [depth] : [])];
  const wanted = asks.map((ask) => ASK_CONCEPTS[ask].name);
  return {
    style: shape.story ? 'star' : 'concepts',
    rubric: { concepts, commonMistakes: [], built: true },
    followUps,
    referenceTexts: [...subjectTerms, ...near.slice(0, 2).flatMap((m) => [m.question.text, ...m.question.rubric.strongAnswer])],
    askedFor: shape.story ? `one real story about ${subject}, told as situation, task, your actions and the result` : `${subject}: ${wanted.join(', ')}`,
    skills: [],
    expectedWords: 150,
    origin: 'built',
  };
}

/** The question's subject, as a short phrase for feedback ("Kafka message ordering"). */
function subjectOf(questionText: string, shape: QuestionShape): string {
  const lower = questionText.toLowerCase().replace(/\s+/g, ' ').trim();
  if (shape.story) {
    const clause = /\b(?:time|situation|occasion|moment|example of when|example of how|ever)(?: when| that| where)? (.+?)(?:[?.!]|$)/.exec(lower)?.[1];
    if (clause) return `a time ${clause.replace(/^you /, 'you ')}`.slice(0, 90);
  }
  if (shape.sides) return `${shape.sides[0]} and ${shape.sides[1]}`;
  const words = analyse(questionText).words;
  const chunk: string[] = [];
  for (const word of words) {
    const content = isContentWord(word) && !GENERIC.has(word.lemma) && (word.pos === 'NOUN' || word.pos === 'PROPN' || word.pos === 'ADJ');
    if (content) chunk.push(word.value);
    else if (chunk.length > 0) break;
  }
  return chunk.length > 0 ? chunk.slice(0, 4).join(' ') : 'what was asked';
}

/** The question's nouns and names (its subject words), for recognising answers about it. */
function subjectWords(text: string): string[] {
  return [
    ...new Set(
      analyse(text)
        .words.filter((w) => isContentWord(w) && !GENERIC.has(w.lemma) && (w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ'))
        .map((w) => w.normal),
    ),
  ].slice(0, 8);
}
