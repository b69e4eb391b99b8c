import type { ProgressReport, RecurringWeakness, ScoreMoment, SpeakingPoint, TrackProgress } from '../../shared/protocol';
import type { AppDatabase } from '../db/database';
import type { FactsStore } from '../db/interview-facts-store';
import { groupByPeriod, groupingFor } from './periods';

/**
 * `progress.get` (issue #11): one small row per finished interview (`interview_facts`), read in
 * one query, and the recurring weaknesses counted by SQLite over their JSON, so 5,000
 * interviews take milliseconds (bench/progress.bench.ts). Interviews that lack their row are
 * given one first.
 */
interface FactRow {
  interviewId: string;
  track: string;
  startedAt: string;
  retake: 0 | 1;
  score: number | null;
  activeMs: number;
  heardAnswers: number;
  heardSpeakingMs: number;
  heardWords: number;
  heardFillers: number;
}

const MAX_WEAKNESSES = 8;
const MAX_DETAILS = 5;
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

export function createProgressReader(db: AppDatabase, facts: FactsStore, trackTitle: (trackId: string) => string): () => ProgressReport {
  const client = db.$client;
  const rows = client.prepare<[], FactRow>(
    `SELECT i.id AS interviewId, i.track, i.started_at AS startedAt, i.retake_of_turn_id IS NOT NULL AS retake,
            f.overall_score AS score, f.active_ms AS activeMs, f.heard_answers AS heardAnswers,
            f.heard_speaking_ms AS heardSpeakingMs, f.heard_words AS heardWords, f.heard_fillers AS heardFillers
     FROM interview_facts f JOIN interviews i ON i.id = f.interview_id
     ORDER BY i.started_at, i.id`,
  );
  const weaknesses = client.prepare<[number], { text: string; interviews: number; answers: number; lastSeen: string }>(
    `SELECT w.value ->> 'text' AS text, COUNT(*) AS interviews, SUM(w.value ->> 'answers') AS answers, MAX(i.started_at) AS lastSeen
     FROM interview_facts f JOIN interviews i ON i.id = f.interview_id, json_each(f.weaknesses_json) w
     WHERE i.retake_of_turn_id IS NULL
     GROUP BY text ORDER BY interviews DESC, answers DESC, text LIMIT ?`,
  );
  const details = client.prepare<[string], { text: string; detail: string; count: number }>(
    `SELECT w.value ->> 'text' AS text, d.value AS detail, COUNT(*) AS count
     FROM interview_facts f JOIN interviews i ON i.id = f.interview_id, json_each(f.weaknesses_json) w, json_each(w.value, '$.details') d
     WHERE i.retake_of_turn_id IS NULL AND (w.value ->> 'text') IN (SELECT value FROM json_each(?))
     GROUP BY text, detail ORDER BY count DESC, detail`,
  );

  const recurring = (): RecurringWeakness[] => {
    const top = weaknesses.all(MAX_WEAKNESSES);
    const byTheme = new Map<string, string[]>();
    for (const row of details.all(JSON.stringify(top.map((theme) => theme.text)))) {
      const list = byTheme.get(row.text) ?? [];
      if (list.length < MAX_DETAILS) list.push(row.detail);
      byTheme.set(row.text, list);
    }
    return top.map((theme) => ({ ...theme, details: byTheme.get(theme.text) ?? [] }));
  };

  return () => {
    facts.catchUp();
    const all = rows.all();
    const scored = all.filter((row): row is FactRow & { score: number } => row.retake === 0 && row.score !== null);
    const heard = all.filter((row) => row.heardAnswers > 0);
    const months = groupByPeriod(all, 'month');
    const speakingGrouping = groupingFor(heard.map((row) => row.startedAt));
    return {
      tracks: tracksOf(scored, trackTitle),
      weaknesses: recurring(),
      speaking: { grouping: speakingGrouping, points: groupByPeriod(heard, speakingGrouping).map(({ from, items }) => speakingPoint(from, items)) },
      practice: {
        activeMs: sum(all, (row) => row.activeMs),
        interviews: all.length,
        retakes: all.filter((row) => row.retake === 1).length,
        months: months.map(({ from, items }) => ({ from, activeMs: sum(items, (row) => row.activeMs), interviews: items.length })),
      },
    };
  };
}

const sum = <T>(items: readonly T[], of: (item: T) => number): number => items.reduce((total, item) => total + of(item), 0);

function tracksOf(scored: readonly (FactRow & { score: number })[], trackTitle: (trackId: string) => string): TrackProgress[] {
  const byTrack = new Map<string, (FactRow & { score: number })[]>();
  for (const row of scored) byTrack.set(row.track, [...(byTrack.get(row.track) ?? []), row]);
  const moment = (row: FactRow & { score: number }): ScoreMoment => ({ interviewId: row.interviewId, startedAt: row.startedAt, score: row.score });
  const tracks = [...byTrack].map(([track, list]): TrackProgress => {
    // The earliest of equal bests: when the candidate first reached it.
    const best = list.reduce((top, row) => (row.score > top.score ? row : top));
    const grouping = groupingFor(list.map((row) => row.startedAt));
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
