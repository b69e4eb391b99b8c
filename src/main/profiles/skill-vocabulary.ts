import type { SkillRef } from '../../shared/protocol';
import { analyse } from '../interviewer/language/analysed-text';
import { keysOf } from '../interviewer/language/phrases';
import type { BankSkill } from '../interviewer/question-bank-schema';
import type { TechnologyEntry } from './technology-list';

/**
 * The skills a résumé or posting can name (issue #14): a maintained list of technology names
 * and every skill and synonym of the question banks. Technologies are found as written
 * ("Node.js", "C++", "CI/CD"), bank terms by their words' stems ("message queue" finds
 * "message queues"). Each skill has a key, so a résumé's "Postgres" and a posting's
 * "PostgreSQL" are one skill.
 */
export interface SkillVocabulary {
  /** The skills a text names, first mention first, each once. */
  find(text: string): SkillRef[];
  /** A skill the candidate typed: the vocabulary's when it knows the name, else their own. */
  refFor(name: string): SkillRef;
  /** Every way of writing the skill, for matching it to a bank's skills and to answers. */
  termsOf(skill: SkillRef): string[];
  /** Names to suggest while typing a skill. */
  names(): string[];
}

interface Entry {
  key: string;
  name?: string | undefined;
  terms: string[];
  /** A common English word: wanted capitalised and beside another skill. */
  ambiguous: boolean;
}

interface Found {
  entry: Entry;
  surface: string;
  at: number;
  ambiguous: boolean;
}

/** Words that can be technologies: "C++", "C#", ".NET", "Node.js", "CI/CD", "k8s". */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.+#/_'’-]*[\p{L}\p{N}+#]|\.?[\p{L}\p{N}]+/gu;
const MAX_WORDS = 4;
const compact = (text: string): string => text.toLowerCase().replace(/\+/g, 'plus').replace(/#/g, 'sharp').replace(/[^\p{L}\p{N}]/gu, '');
const capitalised = (surface: string): boolean => /^\p{Lu}/u.test(surface);
/** Marks that stand between items of a list, around a one-letter name such as C or R. */
const LIST_EDGE = /^(?:$|[,;:/|()•·–—-]|and\b|or\b)/i;

export function createSkillVocabulary(technologies: readonly TechnologyEntry[], bankSkills: readonly BankSkill[], commonWords: ReadonlySet<string>): SkillVocabulary {
  const byWriting = new Map<string, Entry>();
  const byCompact = new Map<string, Entry>();
  const techEntries: Entry[] = [];
  for (const tech of technologies) {
    const entry: Entry = { key: `tech:${tech.id}`, name: tech.name, terms: [...(tech.name ? [tech.name] : []), ...tech.aliases], ambiguous: tech.ambiguous === true };
    techEntries.push(entry);
    for (const term of entry.terms) {
      if (!byWriting.has(term.toLowerCase())) byWriting.set(term.toLowerCase(), entry);
      if (!byCompact.has(compact(term))) byCompact.set(compact(term), entry);
    }
  }
  const isTechnology = (term: string): boolean => byWriting.has(term.toLowerCase()) || byCompact.has(compact(term));

  // Bank terms by the stem of their first word, for one look-up per word of a line.
  const termsByFirstKey = new Map<string, { keys: string[]; entry: Entry }[]>();
  const termEntries = new Map<string, Entry>();
  const technologyOf = (term: string): Entry | undefined => byWriting.get(term.toLowerCase()) ?? byCompact.get(compact(term));
  for (const skill of bankSkills) {
    const listed = [skill.name, ...skill.synonyms].map(technologyOf).filter((e): e is Entry => e !== undefined);
    for (const term of [skill.name, ...skill.synonyms]) {
      if (isTechnology(term)) continue;
      // A bank that lists "postgresql" and "postgres" for one skill means one technology.
      const shortFor = compact(term).length >= 5 ? listed.find((tech) => tech.terms.some((t) => compact(t).startsWith(compact(term)))) : undefined;
      if (shortFor) {
        shortFor.terms.push(term);
        byWriting.set(term.toLowerCase(), shortFor);
        byCompact.set(compact(term), shortFor);
        continue;
      }
      const keys = keysOf(term);
      if (keys.length === 0) continue;
      const key = `term:${keys.join(' ')}`;
      if (termEntries.has(key)) continue;
      const entry: Entry = { key, name: term === skill.name ? term : undefined, terms: [term], ambiguous: keys.length === 1 && commonWords.has(term.toLowerCase()) };
      termEntries.set(key, entry);
      termsByFirstKey.set(keys[0]!, [...(termsByFirstKey.get(keys[0]!) ?? []), { keys, entry }]);
    }
  }

  const technologiesIn = (line: string): Found[] => {
    const tokens = [...line.matchAll(TOKEN)].map((m) => ({ text: m[0].replace(/['’]s$/, ''), at: m.index }));
    const found: Found[] = [];
    const match = (text: string, n: number): Entry | undefined => byWriting.get(text.toLowerCase()) ?? (n === 1 || compact(text).length >= 5 ? byCompact.get(compact(text)) : undefined);
    for (let i = 0; i < tokens.length; ) {
      let matched = 0;
      for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1 && matched === 0; n -= 1) {
        const words = tokens.slice(i, i + n).map((t) => t.text);
        const entry = match(words.join(' '), n);
        if (!entry) continue;
        const at = tokens[i]!.at;
        found.push({ entry, surface: words.join(' '), at, ambiguous: entry.ambiguous && !plainlyMeant(line, at, words.join(' ')) });
        matched = n;
      }
      // "JavaScript/TypeScript" names two; "CI/CD" was found whole above.
      if (matched === 0 && tokens[i]!.text.includes('/')) {
        let offset = tokens[i]!.at;
        for (const part of tokens[i]!.text.split('/')) {
          const entry = part && match(part, 1);
          if (entry) found.push({ entry, surface: part, at: offset, ambiguous: entry.ambiguous && !plainlyMeant(line, offset, part) });
          offset += part.length + 1;
        }
      }
      i += Math.max(matched, 1);
    }
    return found;
  };

  const termsIn = (line: string): Found[] => {
    const { words } = analyse(line);
    const found: Found[] = [];
    for (let i = 0; i < words.length; i += 1) {
      const candidates = termsByFirstKey.get(words[i]!.key) ?? [];
      const best = candidates
        .filter(({ keys }) => keys.every((key, j) => words[i + j]?.key === key))
        .sort((a, b) => b.keys.length - a.keys.length)[0];
      if (!best) continue;
      const surface = words.slice(i, i + best.keys.length).map((w) => w.value).join(' ');
      found.push({ entry: best.entry, surface, at: line.indexOf(words[i]!.value), ambiguous: best.entry.ambiguous && !capitalised(surface) });
      i += best.keys.length - 1;
    }
    return found;
  };

  const findInLine = (line: string): Found[] => {
    const all = [...technologiesIn(line), ...termsIn(line)].filter((f) => !f.ambiguous);
    // A common word written as a name counts mid-sentence ("services in Go") or beside
    // another skill ("Go, Kafka"), not as the first word of a line that names nothing else.
    const others = all.some((f) => !f.entry.ambiguous);
    return all.filter((f) => !f.entry.ambiguous || others || !firstWord(line, f.at)).sort((a, b) => a.at - b.at);
  };

  return {
    find(text) {
      const seen = new Map<string, SkillRef>();
      for (const line of text.split('\n')) {
        for (const { entry, surface } of findInLine(line)) if (!seen.has(entry.key)) seen.set(entry.key, { key: entry.key, name: displayName(entry, surface) });
      }
      return [...seen.values()];
    },
    refFor(name) {
      const typed = name.trim().slice(0, 200);
      const tech = byWriting.get(typed.toLowerCase()) ?? byCompact.get(compact(typed));
      if (tech) return { key: tech.key, name: tech.name ?? typed };
      const keys = keysOf(typed).join(' ');
      const term = termEntries.get(`term:${keys}`);
      return { key: term?.key ?? `custom:${keys || typed.toLowerCase()}`, name: typed };
    },
    termsOf(skill) {
      const entry = techEntries.find((e) => e.key === skill.key) ?? termEntries.get(skill.key);
      return [...new Set([skill.name, ...(entry?.terms ?? [])])];
    },
    names: () => [...new Set([...techEntries.map((e) => e.name ?? e.terms[0]!), ...bankSkills.map((s) => s.name)])].sort((a, b) => a.localeCompare(b)),
  };
}

/** An ambiguous name is written as a name: capitalised; one letter (C, R) only as an item of a list ("C, C++ and Go"), never in "R&D". */
function plainlyMeant(line: string, at: number, surface: string): boolean {
  if (!capitalised(surface)) return false;
  if (surface.length === 1) {
    const before = line.slice(0, at).trimEnd();
    const after = line.slice(at + surface.length).trimStart();
    return LIST_EDGE.test(before.slice(-1)) && LIST_EDGE.test(after);
  }
  return true;
}

/** A technology as its sources write it, else as the text does; a bank term in a sentence ("latency") as a name ("Latency"). */
function displayName(entry: Entry, surface: string): string {
  const name = entry.name ?? (entry.key.startsWith('term:') && surface === surface.toLowerCase() ? surface.charAt(0).toUpperCase() + surface.slice(1) : surface);
  return name.slice(0, 200);
}

const firstWord = (line: string, at: number): boolean => !/[\p{L}\p{N}]/u.test(line.slice(0, at));
