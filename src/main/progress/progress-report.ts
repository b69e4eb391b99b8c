import type { ProgressReport, RecurringWeakness, ScoreMoment, SpeakingPoint, TrackProgress } from '../../shared/protocol';
import type { AppDatabase } from '../db/database';
import type { FactsStore } from '../db/interview-facts-store';
import type { WeaknessTally } from './interview-facts';
import { createPeriodClock, groupByPeriod, groupingFor, type InPeriods } from './periods';

/**
 * `progress.get` (issue #11): one small row per finished interview (`interview_facts`, made once
 * when it finished), read in one query and added up here, so 5,000 interviews take
 * milliseconds (bench/progress.bench.ts). Interviews that lack their row are given one first.
 * The weakness themes are counted from each row's JSON in JavaScript: SQLite's json_each took
 * five times as long over the same rows (docs/decisions.md).
 */
interface FactRow extends InPeriods {
  interviewId: string;
  track: string;
  retake: boolean;
  score: number | null;
  activeMs: number;
  heardAnswers: number;
  heardSpeakingMs: number;
  heardWords: number;
  heardFillers: number;
  weaknessesJson: string;
}

type RawRow = [string, string, string, 0 | 1, number | null, number, number, number, number, number, string];

const MAX_WEAKNESSES = 8;
const MAX_DETAILS = 5;
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

export function createProgressReader(db: AppDatabase, facts: FactsStore, trackTitle: (trackId: string) => string): () => ProgressReport {
  // Rows as arrays: better-sqlite3 makes 5,000 objects twice as slowly as 5,000 arrays.
  const rows = db.$client
    .prepare(
      `SELECT i.id, i.track, i.started_at, i.retake_of_turn_id IS NOT NULL, f.overall_score, f.active_ms,
              f.heard_answers, f.heard_speaking_ms, f.heard_words, f.heard_fillers, f.weaknesses_json
       FROM interview_facts f JOIN interviews i ON i.id = f.interview_id
       ORDER BY i.started_at, i.id`,
    )
    .raw();
  const read = (): FactRow[] => {
    const periodsOf = createPeriodClock();
    return (rows.all() as RawRow[]).map(([interviewId, track, startedAt, retake, score, activeMs, heardAnswers, heardSpeakingMs, heardWords, heardFillers, weaknessesJson]) => ({
      interviewId,
      track,
      startedAt,
      ...periodsOf(startedAt),
      retake: retake === 1,
      score,
      activeMs,
      heardAnswers,
      heardSpeakingMs,
      heardWords,
      heardFillers,
      weaknessesJson,
    }));
  };

  return () => {
    facts.catchUp();
    const all = read();
    const full = all.filter((row) => !row.retake);
    const scored = full.filter((row): row is FactRow & { score: number } => row.score !== null);
    const heard = all.filter((row) => row.heardAnswers > 0);
    const speakingGrouping = groupingFor(heard);
    return {
      tracks: tracksOf(scored, trackTitle),
      weaknesses: recurringWeaknesses(full),
      speaking: { grouping: speakingGrouping, points: groupByPeriod(heard, speakingGrouping).map(({ from, items }) => speakingPoint(from, items)) },
      practice: {
        activeMs: sum(all, (row) => row.activeMs),
        interviews: all.length,
        retakes: all.length - full.length,
        months: groupByPeriod(all, 'month').map(({ from, items }) => ({ from, activeMs: sum(items, (row) => row.activeMs), interviews: items.length })),
      },
    };
  };
}

/** Themes by the interviews they came up in, then by answers; each with its most frequent details. */
function recurringWeaknesses(rows: readonly FactRow[]): RecurringWeakness[] {
  const themes = new Map<string, { interviews: number; answers: number; lastSeen: string; details: Map<string, number> }>();
  for (const row of rows) {
    for (const theme of JSON.parse(row.weaknessesJson) as WeaknessTally[]) {
      let tally = themes.get(theme.text);
      if (!tally) themes.set(theme.text, (tally = { interviews: 0, answers: 0, lastSeen: row.startedAt, details: new Map() }));
      tally.interviews += 1;
      tally.answers += theme.answers;
      // Rows come oldest first.
      tally.lastSeen = row.startedAt;
      for (const detail of theme.details) tally.details.set(detail, (tally.details.get(detail) ?? 0) + 1);
    }
  }
  return [...themes]
    .sort(([aText, a], [bText, b]) => b.interviews - a.interviews || b.answers - a.answers || aText.localeCompare(bText))
    .slice(0, MAX_WEAKNESSES)
    .map(([text, tally]) => ({
      text,
      interviews: tally.interviews,
      answers: tally.answers,
      lastSeen: tally.lastSeen,
      details: [...tally.details]
        .sort(([aDetail, a], [bDetail, b]) => b - a || aDetail.localeCompare(bDetail))
        .slice(0, MAX_DETAILS)
        .map(([detail]) => detail),
    }));
}

const sum = <T>(items: readonly T[], of: (item: T) => number): number => items.reduce((total, item) => total + of(item), 0);

function tracksOf(scored: readonly (FactRow & { score: number })[], trackTitle: (trackId: string) => string): TrackProgress[] {
  const byTrack = new Map<string, (FactRow & { score: number })[]>();
  for (const row of scored) {
    const list = byTrack.get(row.track);
    if (list) list.push(row);
    else byTrack.set(row.track, [row]);
  }
  const moment = (row: FactRow & { score: number }): ScoreMoment => ({ interviewId: row.interviewId, startedAt: row.startedAt, score: row.score });
  const tracks = [...byTrack].map(([track, list]): TrackProgress => {
    // The earliest of equal bests: when the candidate first reached it.
    const best = list.reduce((top, row) => (row.score > top.score ? row : top));
    const grouping = groupingFor(list);
    return {
      track,
      title: trackTitle(track),
      interviews: list.length,
      first: moment(list[0]!),
      best: moment(best),
      latest: moment(list.at(-1)!),
      grouping,
      points: groupByPeriod(list, grouping).map(({ from, items }) => ({ from, score: oneDecimal(sum(items, (row) => row.score) / items.length), interviews: items.length })),
    };
  });
  return tracks.sort((a, b) => b.latest.startedAt.localeCompare(a.latest.startedAt));
}

function speakingPoint(from: string, items: readonly FactRow[]): SpeakingPoint {
  const speakingMs = sum(items, (row) => row.heardSpeakingMs);
  const minutes = speakingMs / 60_000;
  return {
    from,
    answers: sum(items, (row) => row.heardAnswers),
    speakingMs,
    wordsPerMinute: minutes === 0 ? 0 : oneDecimal(sum(items, (row) => row.heardWords) / minutes),
    fillersPerMinute: minutes === 0 ? 0 : oneDecimal(sum(items, (row) => row.heardFillers) / minutes),
  };
}
