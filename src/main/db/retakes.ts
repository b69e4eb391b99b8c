import { InterviewConfig, type Difficulty, type InterviewStatus, type Phase, type RetakeAttempt } from '../../shared/protocol';
import type { RetakeSource } from '../engine/ports';
import type { AppDatabase } from './database';

/**
 * Questions practised again (issue #11): a retake is an interview of its own whose
 * `retake_of_turn_id` names the turn it practises, so every attempt is kept as it was said and
 * judged. These read the links both ways.
 */
export function createRetakeQueries(db: AppDatabase) {
  const client = db.$client;
  const source = client.prepare<[string], { track: string; configJson: string; phase: string; difficulty: string; followUp: number; sourceId: string; questionText: string }>(
    `SELECT i.track, i.config_json AS configJson, t.phase, t.difficulty, t.follow_up AS followUp, t.source_id AS sourceId, t.question_text AS questionText
     FROM turns t JOIN interviews i ON i.id = t.interview_id WHERE t.id = ?`,
  );
  const interviewOfTurn = client.prepare<[string], { interviewId: string }>('SELECT interview_id AS interviewId FROM turns WHERE id = ?');
  const attempts = client.prepare<[string], { of: string; interviewId: string; startedAt: string; status: string; score: number | null }>(
    `SELECT i.retake_of_turn_id AS "of", i.id AS interviewId, i.started_at AS startedAt, i.status,
            (SELECT e.score FROM turns t JOIN answers a ON a.turn_id = t.id JOIN evaluations e ON e.answer_id = a.id
             WHERE t.interview_id = i.id ORDER BY t.idx LIMIT 1) AS score
     FROM interviews i WHERE i.retake_of_turn_id IN (SELECT value FROM json_each(?))
     ORDER BY i.started_at, i.id`,
  );

  return {
    /** The question to ask again and the interview it was asked in; undefined for an unknown turn. */
    source(turnId: string): RetakeSource | undefined {
      const row = source.get(turnId);
      if (!row) return undefined;
      return {
        config: InterviewConfig.parse(JSON.parse(row.configJson)),
        phase: row.phase as Phase,
        difficulty: row.difficulty as Difficulty,
        followUp: row.followUp === 1,
        sourceId: row.sourceId,
        questionText: row.questionText,
      };
    },
    /** The interview a turn belongs to, while it exists. */
    interviewOf: (turnId: string): string | undefined => interviewOfTurn.get(turnId)?.interviewId,
    /** The attempts practised from each of these turns, oldest first. */
    attemptsOf(turnIds: readonly string[]): Map<string, RetakeAttempt[]> {
      const byTurn = new Map<string, RetakeAttempt[]>();
      if (turnIds.length === 0) return byTurn;
      for (const row of attempts.all(JSON.stringify(turnIds))) {
        const attempt: RetakeAttempt = { interviewId: row.interviewId, startedAt: row.startedAt, status: row.status as InterviewStatus, ...(row.score !== null ? { score: row.score } : {}) };
        byTurn.set(row.of, [...(byTurn.get(row.of) ?? []), attempt]);
      }
      return byTurn;
    },
  };
}
