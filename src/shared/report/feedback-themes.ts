import type { AnswerRef, SummaryPoint } from './report-model';

/**
 * The summary at the top of the report (issue #11): the strongest points and the focus areas
 * across the interview, each with the answers that show it — evidence, not adjectives.
 *
 * Every evaluator writes one sentence per strength or weakness. Sentences that say the same
 * kind of thing about different answers ("You did not mention indexes.", "You did not mention
 * caching.") are one theme with details; a sentence no rule knows (a model's own wording) is a
 * theme of its own, matched to the same sentence in other answers. Themes are ranked by how
 * many answers show them, then by the first answer that does, so the summary is deterministic.
 */
interface ThemeRule {
  pattern: RegExp;
  text: string;
  /** Which capture group holds the detail (a concept's or a skill's name), if any. */
  detail?: number;
  /** The detail is a list ("a, b, c"). */
  list?: boolean;
}

const WEAKNESS_RULES: ThemeRule[] = [
  { pattern: /did not describe the result|stated no result|no (?:clear |measurable )?result/i, text: 'Stated no result' },
  { pattern: /did not describe the situation/i, text: 'Did not set the scene (where and when)' },
  { pattern: /did not describe your task/i, text: 'Did not say what the task or goal was' },
  { pattern: /did not describe the specific actions/i, text: 'Did not say what you did' },
  { pattern: /said "we" throughout/i, text: 'Said “we” where the question asked what you did' },
  { pattern: /spoke in general terms/i, text: 'Spoke in general terms instead of one real example' },
  { pattern: /did not mention (.+?)\.?$/i, text: 'Left out key points', detail: 1 },
  { pattern: /touched on (.+?); say it explicitly/i, text: 'Left key points implicit', detail: 1 },
  { pattern: /^make (.+?) explicit/i, text: 'Left key points implicit', detail: 1 },
  { pattern: /very short for this question/i, text: 'Answered too briefly' },
  { pattern: /listed terms without explaining/i, text: 'Listed terms without explaining them' },
  { pattern: /repeated themselves/i, text: 'Repeated points' },
];

const STRENGTH_RULES: ThemeRule[] = [
  { pattern: /showed skills from the job description: (.+?)\.?$/i, text: 'Showed skills from the job description', detail: 1, list: true },
  { pattern: /described the result/i, text: 'Stated the result' },
  { pattern: /described the situation/i, text: 'Set the scene (where and when)' },
  { pattern: /described your task/i, text: 'Said what the task or goal was' },
  { pattern: /described the specific actions/i, text: 'Said what you did yourself' },
  { pattern: /made it concrete with an example or numbers|used concrete numbers/i, text: 'Made it concrete with examples or numbers' },
  { pattern: /reasoned about why/i, text: 'Reasoned about why, not only what' },
  { pattern: /^you explained (.+?)(?: \(".*"\))?\.?$/i, text: 'Explained key concepts', detail: 1 },
  { pattern: /^you showed (.+?)\.?$/i, text: 'Showed key concepts', detail: 1 },
];

/** The headline of an answer's feedback says what kind of non-answer it was. */
const FEEDBACK_RULES: ThemeRule[] = [
  { pattern: /^no answer yet/i, text: 'Had no answer yet' },
  { pattern: /restated the question without answering/i, text: 'Restated the question without answering it' },
  { pattern: /named terms without explaining/i, text: 'Listed terms without explaining them' },
  { pattern: /was about something else/i, text: 'Answered a different question' },
];

export interface JudgedAnswer {
  ref: AnswerRef;
  score: number;
  feedback: string;
  strengths: readonly string[];
  weaknesses: readonly string[];
}

export interface SummaryInput {
  answers: readonly JudgedAnswer[];
  /** Main questions skipped, by number. */
  skipped: readonly number[];
}

const MAX_POINTS = 3;
const MAX_DETAILS = 6;
/** Score bands used only when the feedback has fewer themes than that (e.g. a terse evaluator). */
const STRONG_FROM = 8;
const WEAK_BELOW = 5;

interface Theme {
  text: string;
  answers: AnswerRef[];
  details: string[];
  first: number;
}

export function summariseFeedback(input: SummaryInput): { strengths: SummaryPoint[]; focusAreas: SummaryPoint[] } {
  const strengths = new ThemeTally();
  const focus = new ThemeTally();
  input.answers.forEach((answer, order) => {
    for (const sentence of answer.strengths) strengths.add(classify(sentence, STRENGTH_RULES), answer.ref, order);
    for (const theme of focusThemesOf(answer)) focus.add(theme, answer.ref, order);
  });
  for (const mainNumber of input.skipped) focus.add({ text: 'Skipped', details: [] }, { mainNumber, followUp: false }, input.answers.length + mainNumber);

  const strongest = strengths.ranked();
  if (strongest.length < 2) {
    scoreBand(input.answers, (score) => score >= STRONG_FROM, `Scored ${STRONG_FROM} or more out of 10`, strengths);
  }
  const focusAreas = focus.ranked();
  if (focusAreas.length < 2) {
    scoreBand(input.answers, (score) => score < WEAK_BELOW, `Scored below ${WEAK_BELOW} out of 10`, focus);
  }
  return { strengths: strengths.ranked().slice(0, MAX_POINTS).map(toPoint), focusAreas: focus.ranked().slice(0, MAX_POINTS).map(toPoint) };
}

/** A theme and its specifics: "Left out key points" with ["indexes"]. */
export interface FoundTheme {
  text: string;
  details: string[];
}

/**
 * What one answer should work on: the theme of each weakness sentence, and the kind of
 * non-answer its feedback headline names. Progress ranks these across interviews and the
 * comparison of two attempts matches them (issue #11), with the same rules as the summary.
 */
export function focusThemesOf(answer: Pick<JudgedAnswer, 'feedback' | 'weaknesses'>): FoundTheme[] {
  const themes = answer.weaknesses.map((sentence) => classify(sentence, WEAKNESS_RULES));
  const headline = FEEDBACK_RULES.find((rule) => rule.pattern.test(answer.feedback));
  if (headline) themes.push({ text: headline.text, details: [] });
  return themes;
}

function scoreBand(answers: readonly JudgedAnswer[], inBand: (score: number) => boolean, text: string, tally: ThemeTally): void {
  answers.forEach((answer, order) => {
    if (inBand(answer.score)) tally.add({ text, details: [] }, answer.ref, order);
  });
}

const toPoint = (theme: Theme): SummaryPoint => ({ text: theme.text, answers: theme.answers, details: theme.details.slice(0, MAX_DETAILS) });

function classify(sentence: string, rules: readonly ThemeRule[]): FoundTheme {
  const trimmed = sentence.trim();
  for (const rule of rules) {
    const match = rule.pattern.exec(trimmed);
    if (!match) continue;
    const detail = rule.detail === undefined ? undefined : match[rule.detail]?.trim();
    const details = detail ? (rule.list ? detail.split(/,\s*/) : [detail]) : [];
    return { text: rule.text, details: details.filter(Boolean) };
  }
  return { text: ownWording(trimmed), details: [] };
}

/** A sentence no rule knows, made comparable: quotes of the answer and end punctuation dropped. */
function ownWording(sentence: string): string {
  const plain = sentence
    .replace(/\s*\((?:"[^"]*"|“[^”]*”)\)/g, '')
    .replace(/[.!]+$/, '')
    .trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

class ThemeTally {
  private readonly themes = new Map<string, Theme>();

  add(found: FoundTheme, ref: AnswerRef, order: number): void {
    const key = found.text.toLowerCase();
    const theme = this.themes.get(key) ?? { text: found.text, answers: [], details: [], first: order };
    if (!theme.answers.some((known) => known.mainNumber === ref.mainNumber && known.followUp === ref.followUp)) theme.answers.push(ref);
    for (const detail of found.details) if (!theme.details.includes(detail)) theme.details.push(detail);
    this.themes.set(key, theme);
  }

  ranked(): Theme[] {
    return [...this.themes.values()].sort((a, b) => b.answers.length - a.answers.length || a.first - b.first);
  }
}
