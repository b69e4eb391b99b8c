import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { InterviewConfig, type InterviewStatus } from '../../shared/protocol';
import type { Advance, InterviewRepository, NewTurn, StoredInterview } from '../engine/ports';
import type { StoredSnapshot } from '../engine/stored-snapshot';
import type { AppDatabase } from './database';
import { answers, interviews } from './schema';
import { selectTurnRows, summaryOf, toInterviewDetail } from './interview-detail';
import { scoreSummariesOf } from './interview-scores';
import { recordModelCall, usageOf } from './model-calls';
import { createFactsStore, type FactsStore } from './interview-facts-store';
import { createRetakeQueries } from './retakes';
import { createSearchIndexer, createSnippetReader, toFtsQuery } from './search-index';
import { prepareTurnStatements } from './turn-statements';

const UNFINISHED: InterviewStatus[] = ['in_progress', 'paused'];

export function createInterviewRepository(db: AppDatabase): InterviewRepository & { flushSearchIndex(): void; facts: FactsStore } {
  const hot = prepareTurnStatements(db);
  const facts = createFactsStore(db);
  const search = createSearchIndexer(db);
  search.catchUp();
  const snippetsOf = createSnippetReader(db);
  const retakes = createRetakeQueries(db);
  // One native transaction function, made once: drizzle's db.transaction() builds a new one
  // for every call, which was a measurable part of each turn (bench/turn-latency.bench.ts).
  const advanceInTransaction = db.$client.transaction((change: Advance): void => {
    if (change.answer) hot.insertAnswer.run({ ...change.answer });
    if (change.answer) search.schedule(change.answer.id);
    if (change.confirmedAnswer) {
      const { id, text, analytics } = change.confirmedAnswer;
      // The update trigger of migration 0001 re-indexes the corrected text.
      hot.confirmAnswer.run({ id, text, analyticsJson: analytics ? JSON.stringify(analytics) : null });
    }
    if (change.evaluation) {
      const { evaluation, id, answerId, evaluator, evaluatedAt } = change.evaluation;
      hot.insertEvaluation.run({
        id,
        answerId,
        score: evaluation.score,
        feedback: evaluation.feedback,
        strengthsJson: JSON.stringify(evaluation.strengths),
        weaknessesJson: JSON.stringify(evaluation.weaknesses),
        suggestionsJson: JSON.stringify(evaluation.suggestions),
        skillsShownJson: JSON.stringify(evaluation.skillsShown),
        evaluator,
        evaluatedAt,
      });
    }
    if (change.skippedTurnId) hot.markSkipped.run({ turnId: change.skippedTurnId });
    if (change.nextTurn) insertTurn(change.interviewId, change.nextTurn);
    const progress = { interviewId: change.interviewId, engineStateJson: JSON.stringify(change.snapshot), updatedAt: change.updatedAt };
    const updated = change.finish ? hot.finishInterview.run({ ...progress, ...change.finish }) : hot.saveProgress.run(progress);
    if (updated.changes !== 1) throw new Error('interview to advance does not exist');
  });

  const insertTurn = (interviewId: string, { questionAudio, ...turn }: NewTurn): void => {
    hot.insertTurn.run({
      ...turn,
      interviewId,
      questionAudioPath: questionAudio?.path ?? null,
      questionAudioMs: questionAudio?.durationMs ?? null,
      questionPeaksJson: questionAudio ? JSON.stringify(questionAudio.peaks) : null,
    });
  };

  return {
    create(interview, firstTurn) {
      db.transaction(() => {
        db.insert(interviews)
          .values({
            id: interview.id,
            track: interview.config.track,
            status: 'in_progress',
            configJson: JSON.stringify(interview.config),
            engineStateJson: JSON.stringify(interview.snapshot),
            startedAt: interview.startedAt,
            updatedAt: interview.startedAt,
            retakeOfTurnId: interview.config.retakeOf ?? null,
            resumeId: interview.config.tailoring?.resume?.id ?? null,
            postingId: interview.config.tailoring?.posting?.id ?? null,
          })
          .run();
        insertTurn(interview.id, firstTurn);
      });
    },

    load(interviewId) {
      const row = db.select().from(interviews).where(eq(interviews.id, interviewId)).get();
      if (!row) return undefined;
      const turnRows = selectTurnRows(db, interviewId);
      const stored: StoredInterview = {
        id: row.id,
        status: row.status as InterviewStatus,
        config: InterviewConfig.parse(JSON.parse(row.configJson)),
        snapshot: JSON.parse(row.engineStateJson) as StoredSnapshot,
        startedAt: row.startedAt,
        turns: turnRows.map(({ turn, answer, evaluation }) => ({
          id: turn.id,
          index: turn.index,
          phase: turn.phase as NewTurn['phase'],
          difficulty: turn.difficulty as NewTurn['difficulty'],
          followUp: turn.followUp,
          parentTurnId: turn.parentTurnId,
          sourceId: turn.sourceId,
          questionText: turn.questionText,
          askedAt: turn.askedAt,
          skipped: turn.skipped,
          ...(turn.questionAudioPath && turn.questionAudioMs !== null
            ? { questionAudio: { path: turn.questionAudioPath, durationMs: turn.questionAudioMs, peaks: JSON.parse(turn.questionPeaksJson ?? '[]') as number[] } }
            : {}),
          ...(answer ? { answer: { id: answer.id, text: answer.text, transcript: answer.transcript, audioPath: answer.audioPath } } : {}),
          ...(evaluation ? { evaluation: { score: evaluation.score } } : {}),
        })),
      };
      return stored;
    },

    saveRecording(recording) {
      const values = { audioPath: recording.audioPath, durationMs: recording.durationMs, peaksJson: JSON.stringify(recording.peaks) };
      db.insert(answers)
        .values({ id: recording.answerId, turnId: recording.turnId, answeredAt: recording.recordedAt, ...values })
        .onConflictDoUpdate({ target: answers.turnId, set: values })
        .run();
    },

    saveTranscript(answerId, transcript) {
      db.update(answers).set({ transcript }).where(eq(answers.id, answerId)).run();
    },

    recordAnswer(answer) {
      hot.insertAnswer.run({ ...answer });
      search.schedule(answer.id);
    },

    advance(change: Advance) {
      advanceInTransaction(change);
      if (!change.finish) return;
      try {
        facts.refresh(change.interviewId);
      } catch {
        // Progress bookkeeping never fails a finished interview: the next Progress makes the row.
      }
    },

    setStatus(interviewId, status, updatedAt) {
      db.update(interviews).set({ status, updatedAt }).where(and(eq(interviews.id, interviewId), inArray(interviews.status, UNFINISHED))).run();
    },

    recordModelCall(interviewId, call, calledAt) {
      db.transaction(() => {
        recordModelCall(db, { id: randomUUID(), interviewId, calledAt, call });
        db.update(interviews).set({ promptVersion: call.promptVersion }).where(and(eq(interviews.id, interviewId), isNull(interviews.promptVersion))).run();
      });
    },

    modelUsage: (interviewId, cost) => usageOf(db, interviewId, cost),

    unfinishedIds() {
      return db.select({ id: interviews.id }).from(interviews).where(inArray(interviews.status, UNFINISHED)).all().map((row) => row.id);
    },

    current() {
      const row = db.select().from(interviews).where(inArray(interviews.status, UNFINISHED)).orderBy(desc(interviews.updatedAt)).limit(1).get();
      return row ? summaryOf(row) : null;
    },

    list({ limit, offset, query }) {
      const fts = query?.trim() ? toFtsQuery(query) : undefined;
      // Something typed with no word in it ("%", "🚀") finds nothing, never everything.
      if (query?.trim() && !fts) return [];
      const base = db.select().from(interviews);
      const filtered = fts
        ? base.where(sql`${interviews.id} IN (SELECT interview_id FROM transcript_search WHERE transcript_search MATCH ${fts})`)
        : base;
      const rows = filtered.orderBy(desc(interviews.startedAt), desc(interviews.id)).limit(limit).offset(offset).all();
      const ids = rows.map((row) => row.id);
      const scores = scoreSummariesOf(db, ids);
      const snippets = fts ? snippetsOf(fts, ids) : undefined;
      return rows.map((row) => {
        const match = snippets?.get(row.id);
        return { ...summaryOf(row, scores.get(row.id)), ...(match ? { snippet: match.snippet } : {}), ...(match?.questionId ? { matchQuestionId: match.questionId } : {}) };
      });
    },

    detail(interviewId, mediaUrl) {
      const detail = toInterviewDetail(db, interviewId, mediaUrl);
      if (!detail) return undefined;
      const attempts = retakes.attemptsOf(detail.turns.map((turn) => turn.questionId));
      const original = detail.retakeOf ? retakes.interviewOf(detail.retakeOf) : undefined;
      return {
        ...detail,
        ...(original ? { retakeOfInterviewId: original } : {}),
        turns: detail.turns.map((turn) => {
          const list = attempts.get(turn.questionId);
          return list ? { ...turn, retakes: list } : turn;
        }),
      };
    },

    retakeSource: (turnId) => retakes.source(turnId),

    flushSearchIndex: () => search.flush(),
    facts,

    delete(interviewId) {
      return db.delete(interviews).where(eq(interviews.id, interviewId)).run().changes === 1;
    },
  };
}
