import type { Phase, SpeechAnalytics } from '../protocol';
import type { AnswerRef, PhaseSummary, ReportModel } from './report-model';

/**
 * Words the report screen and every export share, so a report says the same thing on screen,
 * in Markdown, HTML and PDF. Dates are formatted by each view in the reader's locale; the model
 * keeps ISO timestamps.
 */
export const PHASE_LABELS: Record<Phase, string> = {
  intro: 'Introduction',
  warmup: 'Warm-up',
  standard: 'Core',
  advanced: 'Advanced',
  wrapup: 'Closing: your questions for us',
};

/** m:ss, as the waveform and the speech analytics show times within an answer. */
export function formatClock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "42 min", "1 h 5 min", "under a minute": how long an interview took. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A date and time in the reader's locale; an unknown locale falls back to the system's. */
export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

/** "8.5 / 10" */
export const scoreOutOfTen = (score: number): string => `${score} / 10`;

const joinWords = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** "answer 3", "answers 2 and 5", "answers 1, 2 and 4 and the follow-up to 3". */
export function describeAnswers(refs: readonly AnswerRef[]): string {
  const mains = refs.filter((ref) => !ref.followUp).map((ref) => String(ref.mainNumber));
  const followUps = refs.filter((ref) => ref.followUp).map((ref) => String(ref.mainNumber));
  const parts: string[] = [];
  if (mains.length > 0) parts.push(`${mains.length === 1 ? 'answer' : 'answers'} ${joinWords(mains)}`);
  if (followUps.length > 0) parts.push(`the ${followUps.length === 1 ? 'follow-up' : 'follow-ups'} to ${joinWords(followUps)}`);
  return parts.join(' and ');
}

/**
 * How an answer was said, as label/value rows, and what each number comes from (issue #9,
 * fault 14): time and pauses from the recording, pace and fillers from the recogniser's
 * transcript, and plainly "not measured" when no recogniser heard the answer.
 */
export function speechAnalyticsRows(analytics: SpeechAnalytics): { rows: { label: string; value: string }[]; source: string } {
  const heard = analytics.wordsFrom === 'transcript';
  const fillers = Object.entries(analytics.fillerWords?.byWord ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([word, count]) => `“${word}” ×${count}`)
    .join(', ');
  const pauses = analytics.longPauses.map((p) => `${(p.durationMs / 1000).toFixed(1)} s at ${formatClock(p.startMs)}`).join(', ');
  return {
    rows: [
      { label: 'Speaking time', value: `${formatClock(analytics.speakingMs)} of ${formatClock(analytics.durationMs)} recorded` },
      { label: 'Long pauses', value: pauses || 'none' },
      { label: 'Pace', value: heard ? `${Math.round(analytics.wordsPerMinute ?? 0)} words/min` : 'not measured' },
      { label: 'Filler words', value: heard ? `at least ${analytics.fillerWords?.atLeast ?? 0}${fillers ? ` (${fillers})` : ''}` : 'not counted' },
    ],
    source: heard
      ? 'Speaking time and pauses are measured from the recording; pace and filler words from what speech recognition heard.'
      : 'Speaking time and pauses are measured from the recording. Pace and filler words need speech recognition, and none heard this answer: what you typed is not counted.',
  };
}

const EVALUATOR_NAMES: Record<string, string> = {
  embedded: 'the built-in evaluator',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'a compatible model server',
  'on-device': 'the model on this computer',
};

/** An evaluator as the stored evaluation names it ("embedded"), in words. */
export const evaluatorName = (name: string): string => EVALUATOR_NAMES[name] ?? name;

/** Who judged the answers, for the report header: "the built-in evaluator", "OpenAI and the built-in evaluator". */
export const describeEvaluators = (evaluators: readonly string[]): string => joinWords(evaluators.map(evaluatorName)) || 'not evaluated yet';

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "5 main questions · 1 follow-up · 1 skipped · ended early" (DESIGN.md §5.1: the counts the overall is made of). */
export function describeCounts(report: Pick<ReportModel, 'counts' | 'status'>): string {
  return [
    plural(report.counts.mainQuestions, 'main question'),
    plural(report.counts.followUps, 'follow-up'),
    ...(report.counts.skipped > 0 ? [`${report.counts.skipped} skipped`] : []),
    ...(report.status === 'ended' ? ['ended early'] : []),
  ].join(' · ');
}

/** The columns of the per-phase table, and each phase's row. */
export const PHASE_COLUMNS = ['Phase', 'Main questions', 'Average', 'Skill boundaries reached'];
export const phaseCells = (phase: PhaseSummary): string[] => [
  phase.label,
  String(phase.questions),
  phase.averageScore === undefined ? '—' : scoreOutOfTen(phase.averageScore),
  phase.phase !== 'advanced' ? '—' : phase.boundaries.length === 0 ? 'none' : `questions ${phase.boundaries.join(', ')}`,
];

/** What the summary and the job-description coverage say when they have nothing to list. */
export const NOTHING_SAID = {
  strengths: 'Nothing stood out yet: answer a few more questions.',
  focusAreas: 'No weakness recurred in this interview.',
  skillsShown: 'None of its skills came up in an answer yet.',
  notCovered: 'Every skill it names came up.',
};

/** "Caching: answers 1 and 2" */
export const skillShownText = (shown: { skill: string; answers: AnswerRef[] }): string => `${shown.skill}: ${describeAnswers(shown.answers)}`;
