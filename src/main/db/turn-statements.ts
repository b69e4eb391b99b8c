import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from './database';
import { answers, evaluations, interviews, turns } from './schema';

const param = (name: string) => sql.placeholder(name);

/**
 * The statements every answer runs, prepared once: building and preparing them per call was
 * most of a turn's cost (bench/turn-latency.bench.ts).
 */
export function prepareTurnStatements(db: AppDatabase) {
  return {
    insertAnswer: db
      .insert(answers)
      .values({ id: param('id'), turnId: param('turnId'), text: param('text'), transcript: param('transcript'), answeredAt: param('answeredAt') })
      .prepare(),
    insertEvaluation: db
      .insert(evaluations)
      .values({
        id: param('id'),
        answerId: param('answerId'),
        score: param('score'),
        feedback: param('feedback'),
        strengthsJson: param('strengthsJson'),
        weaknessesJson: param('weaknessesJson'),
        suggestionsJson: param('suggestionsJson'),
        skillsShownJson: param('skillsShownJson'),
        evaluator: param('evaluator'),
        evaluatedAt: param('evaluatedAt'),
      })
      .prepare(),
    insertTurn: db
      .insert(turns)
      .values({
        id: param('id'),
        interviewId: param('interviewId'),
        index: param('index'),
        phase: param('phase'),
        difficulty: param('difficulty'),
        followUp: param('followUp'),
        parentTurnId: param('parentTurnId'),
        sourceId: param('sourceId'),
        questionText: param('questionText'),
        askedAt: param('askedAt'),
        questionAudioPath: param('questionAudioPath'),
        questionAudioMs: param('questionAudioMs'),
        questionPeaksJson: param('questionPeaksJson'),
        skipped: false,
      })
      .prepare(),
    confirmAnswer: db
      .update(answers)
      .set({ text: sql`${param('text')}`, analyticsJson: sql`${param('analyticsJson')}` })
      .where(eq(answers.id, param('id')))
      .prepare(),
    markSkipped: db.update(turns).set({ skipped: true }).where(eq(turns.id, param('turnId'))).prepare(),
    saveProgress: db
      .update(interviews)
      .set({ engineStateJson: sql`${param('engineStateJson')}`, updatedAt: sql`${param('updatedAt')}` })
      .where(eq(interviews.id, param('interviewId')))
      .prepare(),
    finishInterview: db
      .update(interviews)
      .set({
        engineStateJson: sql`${param('engineStateJson')}`,
        updatedAt: sql`${param('updatedAt')}`,
        status: sql`${param('status')}`,
        overallScore: sql`${param('overallScore')}`,
        completedAt: sql`${param('completedAt')}`,
      })
      .where(eq(interviews.id, param('interviewId')))
      .prepare(),
  };
}
