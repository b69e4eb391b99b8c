import { FACTS_VERSION, factsOf, type FactTurn } from '../progress/interview-facts';
import type { AppDatabase } from './database';
import { selectTurnRows } from './interview-detail';
import { scoringTurnOfRow } from './interview-scores';

/**
 * Keeps `interview_facts` (schema.ts) in step with the finished interviews: written when an
 * interview finishes, and made for any finished interview that lacks a current row (interviews
 * from before issue #11, a row an earlier rule wrote, one a failed write missed) when Progress
 * is opened.
 */
export interface FactsStore {
  refresh(interviewId: string): void;
  /** Makes every missing or outdated row; returns how many. */
  catchUp(): number;
  /**
   * The same, a few interviews at a time between other work, from start: after an update, 5,000
   * interviews take seconds, which would otherwise stall the first Progress and everything
   * else the main process does meanwhile.
   */
  catchUpLater(): void;
}

const BATCH = 25;

export function createFactsStore(db: AppDatabase): FactsStore {
  const client = db.$client;
  const interviewRow = client.prepare<[string], { startedAt: string; completedAt: string | null }>(
    "SELECT started_at AS startedAt, completed_at AS completedAt FROM interviews WHERE id = ? AND status IN ('completed', 'ended')",
  );
  const upsert = client.prepare(
    `INSERT OR REPLACE INTO interview_facts
       (interview_id, version, overall_score, main_questions, active_ms, heard_answers, heard_speaking_ms, heard_words, heard_fillers, weaknesses_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const missing = client.prepare<[number], { id: string }>(
    `SELECT i.id FROM interviews i LEFT JOIN interview_facts f ON f.interview_id = i.id
     WHERE i.status IN ('completed', 'ended') AND (f.interview_id IS NULL OR f.version <> ?)`,
  );

  const refresh = (interviewId: string): void => {
    const interview = interviewRow.get(interviewId);
    if (!interview) return;
    const turns: FactTurn[] = selectTurnRows(db, interviewId).map(({ turn, answer, evaluation }) => ({
      ...scoringTurnOfRow({ ...turn, score: evaluation?.score }),
      askedAt: turn.askedAt,
      ...(answer ? { answer: { answeredAt: answer.answeredAt, transcript: answer.transcript, analyticsJson: answer.analyticsJson } } : {}),
      ...(evaluation ? { evaluation: { feedback: evaluation.feedback, weaknessesJson: evaluation.weaknessesJson } } : {}),
    }));
    const facts = factsOf(interview, turns);
    upsert.run(
      interviewId,
      FACTS_VERSION,
      facts.overallScore,
      facts.mainQuestions,
      facts.activeMs,
      facts.heardAnswers,
      facts.heardSpeakingMs,
      facts.heardWords,
      facts.heardFillers,
      JSON.stringify(facts.weaknesses),
    );
  };
  const refreshAll = client.transaction((ids: string[]) => ids.forEach(refresh));

  return {
    refresh,
    catchUp() {
      const ids = missing.all(FACTS_VERSION).map((row) => row.id);
      if (ids.length > 0) refreshAll(ids);
      return ids.length;
    },
    catchUpLater() {
      const ids = missing.all(FACTS_VERSION).map((row) => row.id);
      const step = (from: number): void => {
        if (!client.open || from >= ids.length) return;
        try {
          refreshAll(ids.slice(from, from + BATCH));
        } catch {
          // A full disk or the like: Progress makes what is missing when it is opened.
          return;
        }
        setImmediate(() => step(from + BATCH));
      };
      if (ids.length > 0) setImmediate(() => step(0));
    },
  };
}
