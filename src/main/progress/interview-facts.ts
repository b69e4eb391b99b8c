import { activeTimeMs } from '../../shared/report/active-time';
import { focusThemesOf } from '../../shared/report/feedback-themes';
import { readStoredAnalytics } from '../db/stored-analytics';
import { summariseScores, type ScoringTurn } from '../engine/score-summary';

/**
 * What Progress needs of one finished interview (issue #11), from its stored turns, with the
 * rules the report uses: the score summary's overall (§5.1), the report's time spent, speaking
 * only where a recogniser heard the answer, and the summary's focus themes. Stored once per
 * interview (`interview_facts`); a change to any of these rules raises FACTS_VERSION, and
 * rows of an older version are made again.
 */
export const FACTS_VERSION = 1;

/** Details kept per theme and interview: enough to rank the most frequent ones across interviews. */
const DETAILS_PER_THEME = 6;

export interface FactTurn extends ScoringTurn {
  askedAt: string;
  answer?: { answeredAt: string; transcript: string | null; analyticsJson: string | null } | undefined;
  evaluation?: { feedback: string; weaknessesJson: string } | undefined;
}

export interface WeaknessTally {
  text: string;
  details: string[];
  /** Answers of the interview that showed it. */
  answers: number;
}

export interface InterviewFacts {
  overallScore: number | null;
  mainQuestions: number;
  activeMs: number;
  heardAnswers: number;
  heardSpeakingMs: number;
  heardWords: number;
  heardFillers: number;
  weaknesses: WeaknessTally[];
}

export function factsOf(interview: { startedAt: string; completedAt: string | null }, turns: readonly FactTurn[]): InterviewFacts {
  const summary = summariseScores(turns);
  const facts: InterviewFacts = {
    overallScore: summary.mainQuestions > 0 ? summary.overallScore : null,
    mainQuestions: summary.mainQuestions,
    activeMs: activeTimeMs([interview.startedAt, ...turns.flatMap((turn) => [turn.askedAt, turn.answer?.answeredAt]), interview.completedAt ?? undefined]),
    heardAnswers: 0,
    heardSpeakingMs: 0,
    heardWords: 0,
    heardFillers: 0,
    weaknesses: [],
  };
  const themes = new Map<string, WeaknessTally>();
  const tally = (text: string, details: readonly string[]): void => {
    const theme = themes.get(text) ?? { text, details: [], answers: 0 };
    theme.answers += 1;
    for (const detail of details) if (theme.details.length < DETAILS_PER_THEME && !theme.details.includes(detail)) theme.details.push(detail);
    themes.set(text, theme);
  };
  for (const turn of turns) {
    const analytics = turn.answer?.analyticsJson ? readStoredAnalytics(turn.answer.analyticsJson, turn.answer.transcript) : undefined;
    if (analytics?.wordsFrom === 'transcript') {
      facts.heardAnswers += 1;
      facts.heardSpeakingMs += analytics.speakingMs;
      facts.heardWords += ((analytics.wordsPerMinute ?? 0) * analytics.speakingMs) / 60_000;
      facts.heardFillers += analytics.fillerWords?.atLeast ?? 0;
    }
    // As the report's summary: main questions and follow-ups, not the introduction and closing.
    const counted = summary.byTurn.get(turn.id);
    if (counted?.mainNumber === undefined && counted?.parentNumber === undefined) continue;
    if (turn.skipped && !turn.followUp) tally('Skipped', []);
    if (!turn.evaluation) continue;
    const found = focusThemesOf({ feedback: turn.evaluation.feedback, weaknesses: JSON.parse(turn.evaluation.weaknessesJson) as string[] });
    // One answer showing a theme twice ("did not mention X", "did not mention Y") is one answer.
    const perAnswer = new Map<string, string[]>();
    for (const theme of found) perAnswer.set(theme.text, [...(perAnswer.get(theme.text) ?? []), ...theme.details]);
    for (const [text, details] of perAnswer) tally(text, details);
  }
  facts.weaknesses = [...themes.values()];
  return facts;
}
