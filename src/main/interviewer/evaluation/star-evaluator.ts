import type { Rubric } from '../question-bank-schema';
import { readSignals } from './answer-signals';
import { roundToHalf, summarise, type AnswerEvaluation } from './evaluation-types';
import { clamp01, containsAny, countMatches, type AnalysedText } from './text-analysis';

/**
 * Behavioral answers, judged on STAR: Situation, Task, Action, Result, with specifics and
 * numbers, plus the themes the question is about (the rubric's concepts).
 */
const STAR_PARTS = {
  situation: [
    /\bwhen i was\b/, /\b(?:at|in) my (?:previous|last|current|first|old) (?:job|role|company|team|position)\b/, /\bwe were\b/, /\bour team\b/,
    /\bthe situation\b/, /\bback in\b/, /\b(?:a|two|three|few) (?:years?|months?) ago\b/, /\bat the time\b/, /\bi was working\b/, /\bi worked (?:at|on|as)\b/,
  ],
  task: [
    /\bmy (?:role|responsibility|task|job|goal) was\b/, /\bi was (?:responsible|asked|tasked|in charge)\b/, /\bi needed to\b/, /\bi had to\b/,
    /\bthe goal was\b/, /\bwe needed to\b/, /\bmy part was\b/, /\bi owned\b/,
  ],
  action: [
    /\bi (?:decided|built|wrote|proposed|organi[sz]ed|set up|talked|spoke|met|asked|created|led|implemented|reached out|scheduled|suggested|started|introduced|worked with|analy[sz]ed|changed|fixed|refactored|designed|mentored|explained|negotiated|listened|prioriti[sz]ed|documented|escalated|paired|prototyped|measured|ran|took)\b/,
  ],
  result: [
    /\bas a result\b/, /\bin the end\b/, /\bthe result\b/, /\boutcome\b/, /\bwhich led to\b/, /\bended up\b/,
    /\bwe (?:reduced|increased|improved|shipped|delivered|launched|saved|cut|hit|met|reached)\b/, /\b(?:reduced|increased|improved|saved|cut) (?:it|the|our|by)\b/, /\d+\s*(?:%|percent)/,
  ],
} as const;
const REFLECTION = [/\bi learn(?:ed|t)\b/, /\blessons?\b/, /\bsince then\b/, /\bnext time\b/, /\bin hindsight\b/, /\blooking back\b/, /\bwould do differently\b/];

const PART_NAMES: Record<keyof typeof STAR_PARTS, string> = {
  situation: 'the situation (where and when)',
  task: 'your task or goal',
  action: 'the specific actions you took',
  result: 'the result, ideally with numbers',
};

export function evaluateStar(text: AnalysedText, rubric: Rubric): Omit<AnswerEvaluation, 'skillsShown'> {
  const signals = readSignals(text);
  const parts = (Object.keys(STAR_PARTS) as (keyof typeof STAR_PARTS)[]).map((part) => {
    const hits = countMatches(text, STAR_PARTS[part]);
    // Actions carry a story: two or more distinct actions get full credit.
    return { part, present: part === 'action' ? hits >= 1 : hits > 0, strength: part === 'action' ? clamp01(hits / 2) : clamp01(hits) };
  });
  const star = parts.reduce((sum, p) => sum + p.strength, 0) / parts.length;
  const covered = rubric.concepts.filter((concept) => containsAny(text, concept.terms));
  const totalWeight = rubric.concepts.reduce((sum, c) => sum + c.weight, 0);
  const themes = covered.reduce((sum, c) => sum + c.weight, 0) / totalWeight;
  const reflection = countMatches(text, REFLECTION) > 0 ? 1 : 0;
  const specifics = clamp01(signals.numbers / 2);
  const onTopic = clamp01((star + themes) * 2);
  const raw =
    signals.saysDontKnow && star < 0.25
      ? 0
      : 10 * signals.lengthFactor * (0.5 * star + 0.3 * themes + (0.1 * specifics + 0.1 * reflection) * onTopic);
  const score = roundToHalf(raw);

  const strengths = parts.filter((p) => p.present).map((p) => `You described ${PART_NAMES[p.part]}.`);
  strengths.push(...covered.slice(0, 2).map((c) => `You showed ${c.name}.`));
  if (specifics > 0) strengths.push('You used concrete numbers.');
  const weaknesses = parts.filter((p) => !p.present).map((p) => `You did not describe ${PART_NAMES[p.part]}.`);
  const missed = rubric.concepts.filter((c) => !covered.includes(c));
  weaknesses.push(...missed.slice(0, 2).map((c) => `You did not mention ${c.name}.`));
  const suggestions = ['Structure the story as Situation, Task, Action, Result, and spend most of it on your own actions.'];
  if (specifics === 0) suggestions.push('Quantify the result: time saved, errors reduced, people helped.');
  if (!reflection) suggestions.push('Close with what you learned or would do differently.');

  return {
    score,
    feedback: summarise(score, covered.length, rubric.concepts.length),
    strengths: strengths.slice(0, 5),
    weaknesses: weaknesses.slice(0, 5),
    suggestions,
    missedConcepts: missed.map((c) => c.name),
  };
}
