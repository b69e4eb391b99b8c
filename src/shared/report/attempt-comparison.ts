import { diffWords } from 'diff';
import type { InterviewTurn } from '../protocol';
import { toQuestion } from './build-report';
import { focusThemesOf, type FoundTheme } from './feedback-themes';
import type { ReportQuestion } from './report-model';

/**
 * Two attempts at one question side by side (issue #11: retake and compare): the score change,
 * what the earlier evaluation said was missing that the new one no longer says (fixed), what
 * both say (still missing), what only the new one says, and a word-level difference of the two
 * answers. Themes are matched with the report summary's rules (feedback-themes.ts), detail by
 * detail: "Left out key points: write cost, storage" then "…: storage" fixed write cost only.
 */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface AttemptComparison {
  earlier: ReportQuestion;
  later: ReportQuestion;
  /** Later minus earlier, out of 10; absent unless both were scored. */
  scoreChange?: number;
  fixed: FoundTheme[];
  stillMissing: FoundTheme[];
  newlyMissing: FoundTheme[];
  /** The earlier answer turned into the later one, word by word; empty when either has no answer. */
  diff: DiffPart[];
}

/**
 * Beyond this many changed words the two answers are simply different: shown as one removed and
 * one added, rather than spending seconds on the longest answers (20,000 characters).
 */
const MAX_EDIT_LENGTH = 600;

/** Each theme as the keys it is matched by: one per detail, or its text alone. */
function themeKeys(turn: InterviewTurn): Map<string, { text: string; detail?: string }> {
  const keys = new Map<string, { text: string; detail?: string }>();
  if (turn.skipped) keys.set('skipped', { text: 'Skipped' });
  if (!turn.evaluation) return keys;
  for (const theme of focusThemesOf(turn.evaluation)) {
    if (theme.details.length === 0) keys.set(theme.text.toLowerCase(), { text: theme.text });
    for (const detail of theme.details) keys.set(`${theme.text}\n${detail}`.toLowerCase(), { text: theme.text, detail });
  }
  return keys;
}

function regroup(entries: { text: string; detail?: string }[]): FoundTheme[] {
  const themes = new Map<string, FoundTheme>();
  for (const { text, detail } of entries) {
    const theme = themes.get(text) ?? { text, details: [] };
    if (detail !== undefined) theme.details.push(detail);
    themes.set(text, theme);
  }
  return [...themes.values()];
}

/** Scripts written without spaces between words: their words need a dictionary to find. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function wordDiff(earlier: string, later: string): DiffPart[] {
  // Intl.Segmenter finds words in 中文, at several times the cost of jsdiff's own tokens, so
  // only for text that needs it.
  const unspaced = UNSPACED.test(earlier) || UNSPACED.test(later);
  const segmenter = unspaced && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : undefined;
  const changes = diffWords(earlier, later, { maxEditLength: MAX_EDIT_LENGTH, ...(segmenter ? { intlSegmenter: segmenter } : {}) });
  if (!changes) return [...(earlier ? [{ kind: 'removed' as const, text: earlier }] : []), ...(later ? [{ kind: 'added' as const, text: later }] : [])];
  return changes.map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }));
}

export function compareAttempts(earlierTurn: InterviewTurn, laterTurn: InterviewTurn): AttemptComparison {
  const earlier = toQuestion(earlierTurn);
  const later = toQuestion(laterTurn);
  const before = themeKeys(earlierTurn);
  const after = themeKeys(laterTurn);
  const pick = (from: Map<string, { text: string; detail?: string }>, keep: (key: string) => boolean) => regroup([...from].filter(([key]) => keep(key)).map(([, value]) => value));
  // A later attempt not judged yet has fixed nothing and missed nothing so far.
  const judged = laterTurn.evaluation !== undefined;
  return {
    earlier,
    later,
    ...(earlier.evaluation && later.evaluation ? { scoreChange: Math.round((later.evaluation.score - earlier.evaluation.score) * 10) / 10 } : {}),
    fixed: judged ? pick(before, (key) => !after.has(key)) : [],
    stillMissing: judged ? pick(before, (key) => after.has(key)) : [],
    newlyMissing: pick(after, (key) => !before.has(key)),
    diff: earlier.answer && later.answer ? wordDiff(earlier.answer.text, later.answer.text) : [],
  };
}
