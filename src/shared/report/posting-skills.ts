import type { InterviewDetail } from '../protocol';
import type { AnswerRef, PostingSkills, PostingSkillStatus } from './report-model';
import { describeAnswers } from './report-wording';

/** The four answers the report gives per skill a job posting asks for (issue #14). */
export const POSTING_SKILL_STATUS: Record<PostingSkillStatus, string> = {
  'claimed-shown': 'claimed and shown',
  'claimed-not-shown': 'claimed, not shown',
  'not-claimed-shown': 'not claimed, shown',
  'not-covered': 'not covered',
};

export const POSTING_SKILL_COLUMNS = ['Skill', 'The posting', 'Your résumé and answers', 'Shown in'];

export const postingSkillCells = (row: PostingSkills['rows'][number]): string[] => [
  row.skill,
  row.wanted === 'must' ? 'must have' : 'nice to have',
  POSTING_SKILL_STATUS[row.status],
  row.shownIn.length === 0 ? '—' : describeAnswers(row.shownIn),
];

const statusOf = (claimed: boolean, shown: boolean): PostingSkillStatus =>
  claimed ? (shown ? 'claimed-shown' : 'claimed-not-shown') : shown ? 'not-claimed-shown' : 'not-covered';

/**
 * Each skill the posting asked for: whether the résumé claimed it (the same skill key) and which
 * answers showed it (the evaluations' `skillsShown`, which name posting skills as the posting
 * does). Only for an interview tailored to a saved posting.
 */
export function postingSkillsOf(detail: InterviewDetail, refs: ReadonlyMap<string, AnswerRef>): PostingSkills | undefined {
  const { posting, resume } = detail.config.tailoring ?? {};
  if (!posting) return undefined;
  const claimed = new Set((resume?.profile.skills ?? []).map((skill) => skill.key));
  const shownIn = new Map<string, AnswerRef[]>();
  for (const turn of detail.turns) {
    const ref = refs.get(turn.questionId);
    if (!ref) continue;
    for (const name of turn.evaluation?.skillsShown ?? []) shownIn.set(name.toLowerCase(), [...(shownIn.get(name.toLowerCase()) ?? []), ref]);
  }
  const rows = [...posting.profile.mustHave.map((skill) => ({ skill, wanted: 'must' as const })), ...posting.profile.niceToHave.map((skill) => ({ skill, wanted: 'nice' as const }))].map(
    ({ skill, wanted }) => {
      const answers = shownIn.get(skill.name.toLowerCase()) ?? [];
      return { skill: skill.name, wanted, claimed: claimed.has(skill.key), shownIn: answers, status: statusOf(claimed.has(skill.key), answers.length > 0) };
    },
  );
  return { posting: posting.name, ...(resume ? { resume: resume.name } : {}), rows };
}
