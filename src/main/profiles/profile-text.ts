import { LIMITS, type PostingProfile, type ResumeProfile, type ResumeRole } from '../../shared/protocol';

/**
 * What a model interviewer reads (issue #14): the profile as the candidate corrected it, then the
 * text as written, cut to fit the limits `config.resume` and `config.jobDescription` already
 * have. The corrected profile comes first so that it is what survives any further cut.
 */
const AS_WRITTEN = '\n\nAs written:\n';

const datesOf = (role: ResumeRole): string => (role.start ? ` (${role.start} – ${role.current ? 'now' : (role.end ?? '?')})` : '');
const roleLine = (role: ResumeRole): string => `${role.title}${role.company ? ` at ${role.company}` : ''}${datesOf(role)}`;
const list = (items: readonly { name: string }[]): string => (items.length > 0 ? items.map((i) => i.name).join(', ') : 'none listed');

function withText(summary: string, text: string, limit: number): string {
  const room = limit - summary.length - AS_WRITTEN.length;
  if (room <= 0) return summary.slice(0, limit);
  return `${summary}${AS_WRITTEN}${text.length > room ? `${text.slice(0, room - 1)}…` : text}`;
}

export function resumePromptText(profile: ResumeProfile, text: string): string {
  const lines = [
    `Roles: ${profile.roles.length > 0 ? profile.roles.map(roleLine).join('; ') : 'none listed'}`,
    ...(profile.yearsOfExperience !== undefined ? [`Years of experience: ${profile.yearsOfExperience}`] : []),
    `Skills: ${list(profile.skills)}`,
    ...(profile.achievements.length > 0 ? ['Achievements:', ...profile.achievements.map((a) => `- ${a.text}`)] : []),
  ];
  return withText(lines.join('\n'), text, LIMITS.resumeChars);
}

export function postingPromptText(profile: PostingProfile, text: string): string {
  const lines = [
    ...(profile.role ? [`Role: ${profile.role}`] : []),
    ...(profile.level ? [`Level: ${profile.level}`] : []),
    `Must have: ${list(profile.mustHave)}`,
    `Nice to have: ${list(profile.niceToHave)}`,
  ];
  return withText(lines.join('\n'), text, LIMITS.jobDescriptionChars);
}
