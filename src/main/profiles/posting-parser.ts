import type { Level, PostingProfile, SkillRef } from '../../shared/protocol';
import { LIMITS } from '../../shared/protocol';
import { documentLines } from './document-lines';
import { looksLikeTitle } from './role-lines';
import type { SkillVocabulary } from './skill-vocabulary';

const NICE_IN_LINE = /\b(?:nice to have|nice-to-have|a plus|is a plus|bonus|preferred|ideally|desirable|good to have|would be great|advantage)\b/i;
const TITLE_LABEL = /^(?:job title|position|role|title|we are hiring(?: an?)?|we're hiring(?: an?)?|hiring(?: an?)?)\s*[:–—-]?\s*(.+)$/i;
const LEVELS: [Level, RegExp][] = [
  ['senior', /\b(?:senior|sr\.?|staff|principal|lead)\b/i],
  ['junior', /\b(?:junior|jr\.?|entry[- ]level|graduate|intern(?:ship)?|apprentice)\b/i],
  ['mid', /\b(?:mid[- ]?level|intermediate|mid)\b/i],
];
const YEARS_ASKED = /\b(\d{1,2})\+?\s*(?:[-–]\s*\d{1,2}\s*)?(?:years|yrs)\b/i;

function levelOf(role: string | undefined, text: string): Level | undefined {
  const named = (role && LEVELS.find(([, pattern]) => pattern.test(role))?.[0]) ?? LEVELS.find(([, pattern]) => pattern.test(text.slice(0, 600)))?.[0];
  if (named) return named;
  const years = YEARS_ASKED.exec(text);
  if (!years) return undefined;
  const asked = Number(years[1]);
  return asked >= 5 ? 'senior' : asked >= 2 ? 'mid' : 'junior';
}

function roleOf(lines: readonly { text: string }[]): string | undefined {
  for (const { text } of lines.slice(0, 8)) {
    const labelled = TITLE_LABEL.exec(text);
    if (labelled && looksLikeTitle(labelled[1]!)) return labelled[1]!.replace(/[.!]$/, '').slice(0, 200);
  }
  const titled = lines.slice(0, 5).find(({ text }) => looksLikeTitle(text) && text.split(/\s+/).length <= 10);
  return titled?.text.replace(/[.!]$/, '').slice(0, 200);
}

/**
 * A job posting's role, level and the skills it asks for (issue #14): skills under a "Nice to
 * have" heading, or on a line that calls them a plus, are nice-to-have; every other skill it
 * names is a must-have.
 */
export function parsePosting(text: string, vocabulary: SkillVocabulary): PostingProfile {
  const lines = documentLines(text);
  const role = roleOf(lines);
  const must = new Map<string, SkillRef>();
  const nice = new Map<string, SkillRef>();
  for (const line of lines) {
    if (line.section === 'other') continue;
    const target = line.section === 'nice' || NICE_IN_LINE.test(line.text) ? nice : must;
    for (const skill of vocabulary.find(line.text)) if (!target.has(skill.key)) target.set(skill.key, skill);
  }
  for (const key of must.keys()) nice.delete(key);
  const level = levelOf(role, text);
  return {
    ...(role ? { role } : {}),
    ...(level ? { level } : {}),
    mustHave: [...must.values()].slice(0, LIMITS.profileSkills),
    niceToHave: [...nice.values()].slice(0, LIMITS.profileSkills),
  };
}
