import type { InterviewConfig } from '../../shared/protocol';
import { initialSnapshot, isAssessed, type AssessedPhase, type AssessmentSnapshot } from './assessment-rules';
import { EngineError } from './engine-context';
import type { QuestionPlan, RetakeSource } from './ports';

/**
 * "Practise this question again" (issue #11): a one-question interview. The question is asked
 * as it was, judged by the same rubric (its source, and the custom questions that source may
 * name), for the same track, level and job description; only the answer mode is the
 * candidate's new choice. It opens on the question itself, with no introduction, follow-up or
 * closing (turn-planner.ts ends it after the answer), and a follow-up practised again is asked
 * on its own, as the one main question.
 */
export interface RetakePlan {
  config: InterviewConfig;
  phase: AssessedPhase;
  plan: QuestionPlan;
  snapshot: AssessmentSnapshot;
}

export function retakePlan(source: RetakeSource | undefined, asked: InterviewConfig & { retakeOf: string }): RetakePlan {
  if (!source) throw new EngineError('NOT_FOUND', 'That question is no longer in your history, so it cannot be practised again.');
  if (!isAssessed(source.phase)) throw new EngineError('WRONG_STATE', 'Only scored questions can be practised again; the introduction and closing are not.');
  const { track, level, length, jobDescription, resume, questions } = source.config;
  return {
    config: {
      track,
      mode: asked.mode,
      retakeOf: asked.retakeOf,
      ...(level ? { level } : {}),
      ...(length ? { length } : {}),
      ...(jobDescription ? { jobDescription } : {}),
      ...(resume ? { resume } : {}),
      ...(questions ? { questions } : {}),
    },
    phase: source.phase,
    plan: { sourceId: source.sourceId, text: source.questionText, difficulty: source.difficulty },
    snapshot: { ...initialSnapshot(), phase: source.phase, mainAsked: 1, askedSourceIds: [source.sourceId] },
  };
}
