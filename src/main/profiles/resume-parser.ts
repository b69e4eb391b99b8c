import type { Achievement, ResumeProfile } from '../../shared/protocol';
import { LIMITS } from '../../shared/protocol';
import { findDateRange, yearsCovered } from './date-ranges';
import { documentLines, type DocumentLine } from './document-lines';
import { findRoles } from './role-lines';
import type { SkillVocabulary } from './skill-vocabulary';

/** Verbs of a result; with a number beside them a line is an achievement. */
const RESULT_VERBS =
  /\b(?:cut|cutting|reduc|increas|improv|grew|grow|rais|lower|sav|decreas|boost|doubl|tripl|halv|shorten|sped|speed|accelerat|scal|migrat|launch|deliver|built|build|led|lead|manag|mentor|hir|handl|process|serv|automat|optimi[sz]|eliminat|achiev|generat|drove|driv|won|ship|onboard|expand|consolidat|prevent|resolv|shrank|trimm)\w*/i;
/** A number that is a measure, not a date: "40%", "900 ms", "3x", "$2M", "12 engineers", "2,000 partner companies", "from 900 to 240". */
const MEASURE =
  /(?:\d[\d,.]*\s*(?:%|percent|ms|milliseconds?|s\b|seconds?|minutes?|hours?|days?|weeks?|x\b|×|k\b|m\b|bn?\b|tb|gb|mb|rps|qps|users?|customers?|clients?|requests?|engineers?|people|developers?|services?|teams?|countries|markets)|\b\d[\d,.]*\+?\s+(?:[a-z-]+\s+)?[a-z]+s\b|[$€£]\s*\d|\bfrom\s+\d[\d,.]*\s*\S*\s+to\s+\d|\bby\s+\d|\bp9\d\b|\b\d+\s*(?:to|→|->)\s*\d)/i;
const YEARS_STATED = /\b(\d{1,2})\+?\s*(?:years|yrs)\s+(?:of\s+)?(?:professional\s+|industry\s+|hands-on\s+)?experience\b/i;

/** A number left once dates, years and phone numbers are taken out. */
function hasMeasure(text: string): boolean {
  const range = findDateRange(text);
  const withoutDates = (range ? text.slice(0, range.index) + text.slice(range.index + range.length) : text).replace(/\b(?:19|20)\d{2}\b/g, '').replace(/\+?\d[\d\s().-]{7,}\d/g, '');
  return /\d/.test(withoutDates) && MEASURE.test(withoutDates) && RESULT_VERBS.test(withoutDates);
}

function sentencesOf(line: DocumentLine): string[] {
  return line.bullet ? [line.text] : line.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
}

/**
 * A résumé's roles (with dates), years of experience, skills and the achievements that carry a
 * number (issue #14). Plain rules on the text's lines, so every result can be traced to a line
 * the candidate wrote; what they get wrong the candidate corrects on the profile page.
 */
export function parseResume(text: string, vocabulary: SkillVocabulary, now: Date): ResumeProfile {
  const lines = documentLines(text);
  const found = findRoles(lines).slice(0, LIMITS.profileRoles);
  const roles = found.map((f) => f.role);
  const achievements: Achievement[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (line.section === 'education' || line.section === 'skills' || found.some((f) => f.line === index)) return;
    for (const sentence of sentencesOf(line)) {
      const textOf = sentence.trim().replace(/[;,]$/, '');
      if (achievements.length >= LIMITS.profileAchievements || textOf.length > LIMITS.achievementChars || seen.has(textOf) || !hasMeasure(textOf)) continue;
      seen.add(textOf);
      const role = found.findLastIndex((f) => f.line < index);
      achievements.push({ text: textOf, ...(role >= 0 ? { role } : {}) });
    }
  });
  const stated = YEARS_STATED.exec(text);
  const years = yearsCovered(roles, now) ?? (stated ? Number(stated[1]) : undefined);
  return {
    roles,
    ...(years !== undefined ? { yearsOfExperience: Math.min(years, 60) } : {}),
    skills: vocabulary.find(text).slice(0, LIMITS.profileSkills),
    achievements,
  };
}
