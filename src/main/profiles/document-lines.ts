/**
 * A résumé or posting as lines, the way its text came out of the file: bullets marked,
 * a bullet that wrapped onto the next line joined back, and headings found, so the parsers see
 * "Experience", "Skills", "Nice to have" sections.
 */
export interface DocumentLine {
  text: string;
  bullet: boolean;
  /** The heading this line is under, normalised ("experience", "skills"…); '' before any. */
  section: string;
}

const BULLET = /^(?:[•●▪■◦‣∙·*–—-]|\d{1,2}[.)])\s+/;

export type SectionName = 'summary' | 'experience' | 'skills' | 'education' | 'projects' | 'achievements' | 'nice' | 'must' | 'duties' | 'other';

/** Heading words, looked for in short lines; the first that fits names the section. */
const HEADINGS: [SectionName, RegExp][] = [
  ['nice', /\b(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred|desirable|good to have|a plus|plus points|optional)\b/i],
  ['must', /\b(?:requirements?|required|must[- ]haves?|qualifications|what you(?:'ll| will)? (?:need|bring)|you (?:have|bring)|essential|who you are|about you)\b/i],
  ['duties', /\b(?:responsibilities|what you(?:'ll| will) do|the role|your role|day to day|duties)\b/i],
  ['experience', /\b(?:experience|employment|work history|career|positions held)\b/i],
  ['skills', /\b(?:skills|technologies|tech stack|tools|competencies|expertise|toolbox)\b/i],
  ['education', /\b(?:education|academic|degrees?|certifications?|courses)\b/i],
  ['projects', /\bprojects\b/i],
  ['achievements', /\b(?:achievements|accomplishments|awards|highlights)\b/i],
  ['summary', /\b(?:summary|profile|about(?: me)?|objective)\b/i],
  ['other', /\b(?:languages|interests|hobbies|references|publications|volunteering|contact|benefits|perks|we offer|about us)\b/i],
];

/** Words a heading may carry besides its own ("Work Experience", "Key Skills & Tools"). */
const FILLER = /\b(?:work|professional|technical|relevant|selected|key|core|other|additional|my|our|and|of|the|&|skills?)\b/gi;

/** A line that is only a heading: its heading words and filler, nothing else (so "Strong experience with Go" is not one). */
function headingOf(line: string): SectionName | undefined {
  const bare = line.replace(/[:#*_=|]+/g, ' ').trim();
  if (bare.length === 0 || bare.length > 40 || /\d/.test(bare)) return undefined;
  const section = HEADINGS.find(([, pattern]) => pattern.test(bare))?.[0];
  if (!section) return undefined;
  const rest = HEADINGS.reduce((left, [, pattern]) => left.replace(new RegExp(pattern.source, 'gi'), ' '), bare).replace(FILLER, ' ');
  return /\p{L}/u.test(rest) ? undefined : section;
}

export function documentLines(text: string): DocumentLine[] {
  const lines: DocumentLine[] = [];
  let section = '';
  for (const raw of text.split('\n')) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const heading = headingOf(trimmed);
    if (heading) {
      section = heading;
      continue;
    }
    const bullet = BULLET.test(trimmed);
    const textOnly = trimmed.replace(BULLET, '');
    const previous = lines.at(-1);
    // A bullet that wrapped in the PDF: the next line goes on in lower case.
    if (!bullet && previous?.bullet && /^\p{Ll}/u.test(textOnly) && !/[.!?]$/.test(previous.text)) {
      previous.text = `${previous.text} ${textOnly}`;
      continue;
    }
    lines.push({ text: textOnly, bullet, section });
  }
  return lines;
}
