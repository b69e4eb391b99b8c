import type { InterviewTailoring, ResumeProfile, ResumeRole, SkillRef } from '../../shared/protocol';
import { keysOf } from './language/phrases';
import type { BankSkill } from './question-bank-schema';

/** Every way of writing a skill (the vocabulary's names for it), for matching it to a bank's skills. */
export type SkillTerms = (skill: SkillRef) => string[];

export interface PostingSkill {
  skill: SkillRef;
  terms: string[];
  /** Ids of the track's skills this one is part of ("Redis" → caching). */
  bankSkills: string[];
}

export interface TrackTailoring {
  postingSkills: PostingSkill[];
  /** The track's skills the posting asks for, must-haves first. */
  wanted: string[];
  /**
   * The order questions go for them (issue #14): a skill the résumé claims, to probe it, then one
   * it lacks, to cover it, in turn.
   */
  targets: string[];
}

const phraseKey = (term: string): string => keysOf(term).join(' ');

/** The bank skills whose name or synonyms are one of the terms, word stem for word stem. */
export function bankSkillsNamed(terms: readonly string[], skills: readonly BankSkill[]): string[] {
  const wanted = new Set(terms.map(phraseKey).filter(Boolean));
  return skills.filter((skill) => [skill.name, ...skill.synonyms].some((term) => wanted.has(phraseKey(term)))).map((skill) => skill.id);
}

function interleave<T>(first: readonly T[], second: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i += 1) {
    if (i < first.length) out.push(first[i]!);
    if (i < second.length) out.push(second[i]!);
  }
  return out;
}

export function tailorTrack(skills: readonly BankSkill[], tailoring: InterviewTailoring, termsOf: SkillTerms): TrackTailoring | undefined {
  const posting = tailoring.posting?.profile;
  if (!posting) return undefined;
  const postingSkills = [...posting.mustHave, ...posting.niceToHave].map((skill) => {
    const terms = termsOf(skill);
    return { skill, terms, bankSkills: bankSkillsNamed(terms, skills) };
  });
  const claimed = new Set((tailoring.resume?.profile.skills ?? []).flatMap((skill) => bankSkillsNamed(termsOf(skill), skills)));
  const wanted = [...new Set(postingSkills.flatMap((p) => p.bankSkills))];
  return { postingSkills, wanted, targets: interleave(wanted.filter((id) => claimed.has(id)), wanted.filter((id) => !claimed.has(id))) };
}

/** What the introduction asks about: a result with a number from the latest role, else that role. */
export type ResumeItem = { about: 'achievement'; achievement: string } | { about: 'role'; role: ResumeRole };

export function resumeItemToAsk(resume: ResumeProfile): ResumeItem | undefined {
  // The current role, else the one that started last; document order breaks ties.
  const latest = resume.roles
    .map((role, index) => ({ role, index }))
    .sort((a, b) => Number(b.role.current) - Number(a.role.current) || (b.role.start ?? '').localeCompare(a.role.start ?? '') || a.index - b.index)[0]?.index;
  const achievement = resume.achievements.find((a) => a.role === latest) ?? resume.achievements[0];
  if (achievement) return { about: 'achievement', achievement: /[.!?]$/.test(achievement.text) ? achievement.text : `${achievement.text}.` };
  return latest === undefined ? undefined : { about: 'role', role: resume.roles[latest]! };
}

const yearOf = (point: string | undefined): string | undefined => point?.slice(0, 4);

/** The introduction's text with the item filled in ("… you worked as Senior Engineer at Acme from 2020 until now."). */
export function fillIntro(template: string, item: ResumeItem): string {
  if (item.about === 'achievement') return template.replace('{achievement}', item.achievement);
  const { role } = item;
  const from = yearOf(role.start);
  const to = role.current ? 'until now' : yearOf(role.end) && `to ${yearOf(role.end)}`;
  const dates = from ? ` from ${from}${to ? ` ${to}` : ''}` : '';
  return template
    .replace('{role}', role.title)
    .replace('{atCompany}', role.company ? ` at ${role.company}` : '')
    .replace('{dates}', dates);
}
