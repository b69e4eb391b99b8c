import type { Meaning } from '../language/meaning';
import type { AnswerReading } from './answer-reading';
import { CEILING, isLong, kindOf, lengthPenalty } from './answer-verdict';
import type { ConceptRubric } from './concept-evaluator';
import { coverageOf, coverConcepts, isAbsent } from './concept-coverage';
import type { AnswerEvaluation } from './evaluation-types';
import { headline, lengthNote, roundToHalf } from './feedback-text';
import { readStory, STORY_PARTS, type StoryPart } from './story-parts';

const PART_NAMES: Record<StoryPart, string> = {
  situation: 'the situation (where and when)',
  task: 'your task or goal',
  action: 'the specific actions you took',
  result: 'the result, ideally with numbers',
};

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * Behavioral answers, judged on STAR (Situation, Task, Action, Result) found by meaning, and on
 * whether the story is about what the question asks (the rubric's themes): a well-told story
 * about something else is off topic, however complete.
 */
export function evaluateStar(reading: AnswerReading, rubric: ConceptRubric, meaning: Meaning, expectedWords: number, askedFor: string): Omit<AnswerEvaluation, 'skillsShown'> {
  const kind = kindOf(reading);
  const story = readStory(reading);
  const star = STORY_PARTS.reduce((sum, part) => sum + story.parts[part].strength, 0) / STORY_PARTS.length;
  const credits = coverConcepts(reading, rubric.concepts, meaning);
  const themes = coverageOf(credits);
  const topic = clamp01(reading.relevantKeys.size / 6);
  const onTheme = clamp01(Math.max(themes * 2, reading.engagement));
  const specifics = clamp01(reading.numbers / 2);
  const offTopic = kind === 'answer' && onTheme < 0.35;
  let raw = 10 * (0.45 * star + 0.25 * themes + 0.1 * topic + (0.1 * specifics + 0.1 * (story.reflection ? 1 : 0)) * onTheme);
  if (story.storySentences === 0) raw = Math.min(raw, 3);
  const long = isLong(reading, expectedWords);
  raw -= lengthPenalty(reading, expectedWords);
  raw = Math.min(raw, CEILING[kind], offTopic ? 2 : 10);
  const score = kind === 'dont-know' && star < 0.25 ? 0 : roundToHalf(raw);

  const strengths: string[] = [];
  const weaknesses: string[] = [];
  const suggestions: string[] = [];
  if (kind === 'answer' && !offTopic) {
    for (const part of STORY_PARTS) {
      const found = story.parts[part];
      if (found.strength >= 0.6) strengths.push(`You described ${PART_NAMES[part]}${found.quote ? ` ("${found.quote}")` : ''}.`);
    }
    strengths.push(...credits.filter((c) => c.credit === 1).slice(0, 2).map((c) => `You showed ${c.concept.name}.`));
    if (specifics > 0) strengths.push('You used concrete numbers.');
  }
  // Missing parts are named only when the answer tells a story at all, and never the part it has.
  if (kind === 'answer' && story.storySentences > 0) {
    for (const part of STORY_PARTS) if (story.parts[part].strength === 0) weaknesses.push(`You did not describe ${PART_NAMES[part]}.`);
  }
  if (kind === 'answer' && story.storySentences === 0) weaknesses.push('The answer spoke in general terms; the question asks for one real example.');
  if (story.ownActions === 0 && story.teamActions > 0) weaknesses.push('You said "we" throughout: say what you did yourself.');
  const missed = credits.filter((c) => c.credit === 0 && isAbsent(reading, c.concept, meaning));
  if (!offTopic) weaknesses.push(...missed.slice(0, 2).map((c) => `You did not mention ${c.concept.name}.`));
  if (reading.repeatedShare > 0.2) weaknesses.push('Parts of the answer repeated themselves; repeating a point adds nothing.');

  if (story.storySentences === 0 || star < 0.75) suggestions.push('Tell one real story as Situation, Task, Action, Result, and spend most of it on your own actions.');
  if (specifics === 0 && story.parts.result.strength < 1) suggestions.push('Quantify the result: time saved, errors reduced, people helped.');
  if (!story.reflection) suggestions.push('Close with what you learned or would do differently.');
  if (long) suggestions.push(lengthNote(reading.text.wordCount, expectedWords));

  return {
    score,
    feedback: headline({ kind, offTopic, score, covered: 0, total: 0, askedFor }),
    strengths: strengths.slice(0, 5),
    weaknesses: weaknesses.slice(0, 5),
    suggestions,
    missedConcepts: credits.filter((c) => c.credit < 1).map((c) => c.concept.name),
  };
}
