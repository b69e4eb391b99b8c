import type { ResumeRole } from '../../shared/protocol';
import { findDateRange } from './date-ranges';
import type { DocumentLine } from './document-lines';

/** Words that make a phrase a job title rather than a company ("Senior Backend Engineer"). */
const TITLE_WORDS =
  /\b(?:engineer|developer|programmer|architect|manager|lead|head|director|analyst|scientist|designer|consultant|administrator|admin|intern|specialist|officer|vp|cto|ceo|cio|founder|co-founder|sre|devops|tester|qa|researcher|technician|coordinator|owner|associate|principal|staff|fellow|contractor|freelancer?)\b/i;
const SEPARATORS = /\s+(?:\||—|–|-|·|•|@|at)\s+|\s*[|·•,]\s*|\s+@\s*/i;

export const looksLikeTitle = (text: string): boolean => TITLE_WORDS.test(text);

function titleAndCompany(parts: string[]): { title: string; company?: string } | undefined {
  const cleaned = parts.map((p) => p.replace(/^[\s(,|–—-]+|[\s),|–—-]+$/g, '')).filter((p) => p.length > 1);
  const titleAt = cleaned.findIndex(looksLikeTitle);
  if (titleAt === -1) return undefined;
  const company = cleaned.find((p, i) => i !== titleAt && !looksLikeTitle(p) && !/^(?:remote|hybrid|on-?site)$/i.test(p));
  return { title: cleaned[titleAt]!.slice(0, 200), ...(company ? { company: company.slice(0, 200) } : {}) };
}

const partsOf = (text: string): string[] => text.split(SEPARATORS);

/**
 * Roles are the lines with a date range: the title and company are on that line ("Senior
 * Engineer, Acme — 2019 – 2023") or on the one or two lines above it. Returns each role with
 * the index of the line it was found on, so achievements below can be placed under it.
 */
export function findRoles(lines: readonly DocumentLine[]): { role: ResumeRole; line: number }[] {
  const inExperience = lines.some((l) => l.section === 'experience');
  const roles: { role: ResumeRole; line: number }[] = [];
  lines.forEach((line, index) => {
    if (line.bullet || (inExperience && line.section !== 'experience')) return;
    const range = findDateRange(line.text);
    if (!range) return;
    const rest = `${line.text.slice(0, range.index)} ${line.text.slice(range.index + range.length)}`.trim();
    const above = [lines[index - 1], lines[index - 2]].filter((l): l is DocumentLine => l !== undefined && !l.bullet && !findDateRange(l.text) && roles.every((r) => r.line !== index - 1));
    const named =
      titleAndCompany(partsOf(rest)) ??
      titleAndCompany([...partsOf(rest), ...above.flatMap((l) => partsOf(l.text))]) ??
      (above[0] ? { title: above[0].text.slice(0, 200), ...(rest ? { company: rest.slice(0, 200) } : {}) } : undefined);
    if (!named) return;
    roles.push({ role: { ...named, start: range.start, ...(range.end ? { end: range.end } : {}), current: range.current }, line: index });
  });
  return roles;
}
