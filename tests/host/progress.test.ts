import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/main/db/database';
import { DATABASE_FILE } from '../../src/main/services';
import type { ProgressReport, SpeechAnalytics } from '../../src/shared/protocol';
import { activeTimeMs } from '../../src/shared/report/active-time';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { RESOURCES_DIR } from '../support/paths';
import { seedHistory } from '../support/progress-history';

/**
 * Issue #11: the Progress screen's numbers over a seeded history (400 interviews on three
 * tracks over three months: weekly points), asked for over the real WebSocket, equal what the
 * database says when read directly, row by row, without the Progress code.
 */
let fixture: HostFixture;
let report: ProgressReport;
let db: Database.Database;

const FINISHED = "status IN ('completed', 'ended')";

beforeAll(async () => {
  fixture = await startTestHost({
    seed: (dataDir) => {
      const seeding = openDatabase(join(dataDir, DATABASE_FILE));
      migrate(seeding, join(RESOURCES_DIR, 'migrations'));
      seedHistory(seeding, { interviews: 400 });
      seeding.$client.close();
    },
  });
  const client = await TestClient.open(fixture.host.ws);
  const reply = await client.call('progress.get');
  client.close();
  report = reply.result as ProgressReport;
  db = new Database(join(fixture.dataDir, DATABASE_FILE), { readonly: true });
});
afterAll(async () => {
  db.close();
  await fixture.stop();
});

/** Local Monday midnight, the plain way. */
const weekOf = (iso: string): string => {
  const d = new Date(iso);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)).toISOString();
};
const mean = (values: number[]): number => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

describe('progress.get over a seeded history', () => {
  it('gives each track the first, best and latest overall score and the weekly means the database holds', () => {
    const rows = db
      .prepare(`SELECT id, track, started_at AS startedAt, overall_score AS score FROM interviews WHERE ${FINISHED} AND retake_of_turn_id IS NULL ORDER BY started_at, id`)
      .all() as { id: string; track: string; startedAt: string; score: number }[];
    const tracks = [...new Set(rows.map((row) => row.track))];
    expect(report.tracks.map((track) => track.track).sort()).toEqual(tracks.sort());
    for (const track of report.tracks) {
      const list = rows.filter((row) => row.track === track.track);
      const best = Math.max(...list.map((row) => row.score));
      expect(track.interviews).toBe(list.length);
      expect(track.first).toEqual({ interviewId: list[0]!.id, startedAt: list[0]!.startedAt, score: list[0]!.score });
      expect(track.latest).toEqual({ interviewId: list.at(-1)!.id, startedAt: list.at(-1)!.startedAt, score: list.at(-1)!.score });
      expect(track.best).toEqual({ interviewId: list.find((row) => row.score === best)!.id, startedAt: list.find((row) => row.score === best)!.startedAt, score: best });
      expect(track.grouping).toBe('week');
      const weeks = [...new Set(list.map((row) => weekOf(row.startedAt)))];
      expect(track.points).toEqual(weeks.map((week) => {
        const inWeek = list.filter((row) => weekOf(row.startedAt) === week);
        return { from: week, score: mean(inWeek.map((row) => row.score)), interviews: inWeek.length };
      }));
    }
  });

  it('counts time practised as the report counts each interview’s duration, retakes included', () => {
    const moments = db
      .prepare(
        `SELECT i.id, i.started_at AS at FROM interviews i WHERE ${FINISHED}
         UNION ALL SELECT i.id, i.completed_at FROM interviews i WHERE ${FINISHED}
         UNION ALL SELECT t.interview_id, t.asked_at FROM turns t JOIN interviews i ON i.id = t.interview_id WHERE i.${FINISHED}
         UNION ALL SELECT t.interview_id, a.answered_at FROM answers a JOIN turns t ON t.id = a.turn_id JOIN interviews i ON i.id = t.interview_id WHERE i.${FINISHED}`,
      )
      .all() as { id: string; at: string }[];
    const byInterview = new Map<string, string[]>();
    for (const { id, at } of moments) byInterview.set(id, [...(byInterview.get(id) ?? []), at]);
    const total = [...byInterview.values()].reduce((sum, list) => sum + activeTimeMs(list), 0);
    expect(report.practice.activeMs).toBe(total);
    expect(report.practice.interviews).toBe(byInterview.size);
    expect(report.practice.retakes).toBe((db.prepare(`SELECT COUNT(*) AS n FROM interviews WHERE ${FINISHED} AND retake_of_turn_id IS NOT NULL`).get() as { n: number }).n);
    expect(report.practice.retakes).toBeGreaterThan(0);
    expect(report.practice.months.reduce((sum, month) => sum + month.activeMs, 0)).toBe(total);
  });

  it('measures pace and filler words only from answers a recogniser heard, per week', () => {
    const answers = db
      .prepare(
        `SELECT i.started_at AS startedAt, a.analytics_json AS json FROM answers a JOIN turns t ON t.id = a.turn_id JOIN interviews i ON i.id = t.interview_id
         WHERE i.${FINISHED} AND a.analytics_json IS NOT NULL ORDER BY i.started_at`,
      )
      .all() as { startedAt: string; json: string }[];
    const heard = answers.map((row) => ({ ...row, analytics: JSON.parse(row.json) as SpeechAnalytics })).filter((row) => row.analytics.wordsFrom === 'transcript');
    expect(heard.length).toBeLessThan(answers.length); // typed-over voice answers exist and are left out
    expect(report.speaking.grouping).toBe('week');
    const weeks = [...new Set(heard.map((row) => weekOf(row.startedAt)))];
    expect(report.speaking.points.map((point) => point.from)).toEqual(weeks);
    for (const point of report.speaking.points) {
      const inWeek = heard.filter((row) => weekOf(row.startedAt) === point.from).map((row) => row.analytics);
      const minutes = inWeek.reduce((sum, a) => sum + a.speakingMs, 0) / 60_000;
      expect(point.answers).toBe(inWeek.length);
      expect(point.wordsPerMinute).toBeCloseTo(inWeek.reduce((sum, a) => sum + (a.wordsPerMinute! * a.speakingMs) / 60_000, 0) / minutes, 0);
      expect(point.fillersPerMinute).toBeCloseTo(inWeek.reduce((sum, a) => sum + a.fillerWords!.atLeast, 0) / minutes, 0);
    }
  });

  it('ranks the weaknesses that recur in the most interviews, counting each interview once', () => {
    const inInterviews = (pattern: string): number =>
      (
        db
          .prepare(
            `SELECT COUNT(DISTINCT i.id) AS n FROM evaluations e JOIN answers a ON a.id = e.answer_id JOIN turns t ON t.id = a.turn_id JOIN interviews i ON i.id = t.interview_id
             WHERE i.${FINISHED} AND i.retake_of_turn_id IS NULL AND t.phase NOT IN ('intro', 'wrapup') AND e.weaknesses_json LIKE ?`,
          )
          .get(`%${pattern}%`) as { n: number }
      ).n;
    const theme = (text: string) => report.weaknesses.find((weakness) => weakness.text === text);
    expect(theme('Stated no result')?.interviews).toBe(inInterviews('did not describe the result'));
    expect(theme('Answered too briefly')?.interviews).toBe(inInterviews('very short for this question'));
    expect(theme('Left out key points')?.details.sort()).toEqual(['caching', 'indexes']);
    const counts = report.weaknesses.map((weakness) => weakness.interviews);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
