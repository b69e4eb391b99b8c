import { eq } from 'drizzle-orm';
import { InterviewConfig, type InterviewDetail, type InterviewStatus, type InterviewSummary } from '../../shared/protocol';
import type { StoredInterviewDetail } from '../engine/ports';
import { summariseScores, type ScoreSummary } from '../engine/score-summary';
import type { AppDatabase } from './database';
import { readStoredAnalytics } from './stored-analytics';
import { scoringTurnOfRow } from './interview-scores';
import { answers, evaluations, interviews, turns, type InterviewRow } from './schema';

/**
 * An interview's list entry. With its score summary (DESIGN.md §5.1) it carries the counts
 * History shows, and a finished interview's overall is the summary's, the number its report
 * adds up to (the same as the one stored at the end, for interviews scored by this rule).
 */
export function summaryOf(row: InterviewRow, scores?: ScoreSummary): InterviewSummary {
  const finished = row.overallScore !== null;
  return {
    id: row.id,
    track: row.track,
    status: row.status as InterviewStatus,
    startedAt: row.startedAt,
    ...(row.completedAt ? { completedAt: row.completedAt } : {}),
    ...(finished ? { overallScore: scores?.overallScore ?? row.overallScore! } : {}),
    ...(scores ? { mainQuestions: scores.mainQuestions, followUps: scores.followUps, skippedQuestions: scores.skippedQuestions } : {}),
    ...(row.retakeOfTurnId ? { retakeOf: row.retakeOfTurnId } : {}),
  };
}

/** Every turn of an interview in order, with its answer and evaluation where there are. */
export function selectTurnRows(db: AppDatabase, interviewId: string) {
  return db
    .select({ turn: turns, answer: answers, evaluation: evaluations })
    .from(turns)
    .leftJoin(answers, eq(answers.turnId, turns.id))
    .leftJoin(evaluations, eq(evaluations.answerId, answers.id))
    .where(eq(turns.interviewId, interviewId))
    .orderBy(turns.index)
    .all();
}

const parseList = (json: string): string[] => JSON.parse(json) as string[];

/** An interview with every turn, as `interviews.get` returns it, media paths turned into URLs. */
export function toInterviewDetail(db: AppDatabase, interviewId: string, mediaUrl: (relativePath: string) => string): StoredInterviewDetail | undefined {
  const row = db.select().from(interviews).where(eq(interviews.id, interviewId)).get();
  if (!row) return undefined;
  const rows = selectTurnRows(db, interviewId);
  const scores = summariseScores(rows.map(({ turn, evaluation }) => scoringTurnOfRow({ ...turn, score: evaluation?.score })));
  return {
    ...summaryOf(row, scores),
    config: InterviewConfig.parse(JSON.parse(row.configJson)),
    ...(row.promptVersion ? { promptVersion: row.promptVersion } : {}),
    turns: rows.map(({ turn, answer, evaluation }) => ({
      questionId: turn.id,
      index: turn.index,
      phase: turn.phase as InterviewDetail['turns'][number]['phase'],
      difficulty: turn.difficulty as InterviewDetail['turns'][number]['difficulty'],
      followUp: turn.followUp,
      ...scores.byTurn.get(turn.id),
      question: turn.questionText,
      askedAt: turn.askedAt,
      skipped: turn.skipped,
      sourceId: turn.sourceId,
      ...(turn.questionAudioPath ? { questionAudioUrl: mediaUrl(turn.questionAudioPath) } : {}),
      ...(turn.questionPeaksJson ? { questionPeaks: JSON.parse(turn.questionPeaksJson) as number[] } : {}),
      ...(answer
        ? {
            answer: {
              answerId: answer.id,
              ...(answer.text !== null ? { text: answer.text } : {}),
              ...(answer.transcript !== null ? { transcript: answer.transcript } : {}),
              ...(answer.durationMs !== null ? { durationMs: answer.durationMs } : {}),
              ...(answer.audioPath ? { audioUrl: mediaUrl(answer.audioPath) } : {}),
              ...(answer.peaksJson ? { peaks: JSON.parse(answer.peaksJson) as number[] } : {}),
              ...(answer.analyticsJson ? { analytics: readStoredAnalytics(answer.analyticsJson, answer.transcript) } : {}),
              answeredAt: answer.answeredAt,
            },
          }
        : {}),
      ...(evaluation
        ? {
            evaluation: {
              answerId: evaluation.answerId,
              score: evaluation.score,
              feedback: evaluation.feedback,
              strengths: parseList(evaluation.strengthsJson),
              weaknesses: parseList(evaluation.weaknessesJson),
              suggestions: parseList(evaluation.suggestionsJson),
              skillsShown: parseList(evaluation.skillsShownJson),
              evaluator: evaluation.evaluator,
            },
          }
        : {}),
    })),
  };
}
