import type { Difficulty } from '../../shared/protocol';
import type { BankQuestion } from './question-bank-schema';

/** FNV-1a: a stable hash, so the same interview always draws the same questions. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The next bank question: never one already asked; the first difficulty in `difficulties`
 * that has any left; among those, questions on job-description skills not yet covered come
 * first; then a stable pseudo-random pick seeded by the interview, for variety between
 * interviews without randomness in tests. `targets` (a posting with a résumé, issue #14) go
 * first, in their order: the first one not yet covered that this difficulty has a question on.
 */
export function selectQuestion(
  questions: readonly BankQuestion[],
  options: { asked: ReadonlySet<string>; difficulties: readonly Difficulty[]; wantedSkills: readonly string[]; seed: string; targets?: readonly string[] },
): BankQuestion | undefined {
  const fresh = questions.filter((q) => !options.asked.has(q.id));
  const askedSkills = new Set(questions.filter((q) => options.asked.has(q.id)).flatMap((q) => q.skills));
  const uncovered = options.wantedSkills.filter((skill) => !askedSkills.has(skill));
  for (const difficulty of [...options.difficulties, ...(['easy', 'medium', 'hard'] as const)]) {
    const pool = fresh.filter((q) => q.difficulty === difficulty);
    if (pool.length === 0) continue;
    const target = options.targets?.find((skill) => !askedSkills.has(skill) && pool.some((q) => q.skills.includes(skill)));
    const preferred = pool.filter((q) => (target ? q.skills.includes(target) : q.skills.some((skill) => uncovered.includes(skill))));
    const wanted = preferred.length > 0 ? preferred : pool.filter((q) => q.skills.some((s) => options.wantedSkills.includes(s)));
    const choices = wanted.length > 0 ? wanted : pool;
    return choices[stableHash(`${options.seed}:${options.asked.size}`) % choices.length];
  }
  return undefined;
}
