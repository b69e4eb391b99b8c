import { describeError } from '../log';
import type { Emit } from '../session/session-port';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import type { EngineDeps } from './interview-session';
import type { AskedQuestion, EngineSnapshot, InterviewContext, InterviewerPort, QuestionPlan } from './ports';
import { planNextTurn, type FinishedTurn, type NextStep } from './turn-planner';

const ATTEMPTS = 2;
const TIMEOUT_MS = 30_000;

export interface InterviewerCalls {
  intro(context: InterviewContext): Promise<QuestionPlan>;
  evaluate(live: { id: string; config: InterviewContext['config']; snapshot: EngineSnapshot }, asked: AskedQuestion, answer: string): Promise<{ result: AnswerEvaluation; evaluator: string }>;
  planNext(live: { id: string; config: InterviewContext['config']; snapshot: EngineSnapshot }, turn: FinishedTurn, evaluation: AnswerEvaluation | undefined): Promise<NextStep>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/**
 * Every call to the chosen interviewer, with the rule of DESIGN.md §5: retry, then fall back
 * to the embedded interviewer and tell the user, so a provider outage never stops an
 * interview or loses an answer.
 */
export function createInterviewerCalls(deps: EngineDeps, emit: Emit): InterviewerCalls {
  const run = async <T>(operation: string, call: (interviewer: InterviewerPort) => Promise<T>): Promise<{ value: T; by: string }> => {
    const chosen = deps.interviewer();
    if (chosen !== deps.fallback) {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        try {
          return { value: await withTimeout(call(chosen), TIMEOUT_MS), by: chosen.name };
        } catch (error) {
          deps.log.warn('interviewer.failed', { provider: chosen.name, operation, attempt, error: describeError(error) });
        }
      }
      emit({
        type: 'error',
        code: 'PROVIDER_FAILED',
        message: `The ${chosen.name} interviewer did not respond, so the built-in interviewer took over for this step.`,
        recoverable: true,
      });
    }
    return { value: await call(deps.fallback), by: deps.fallback.name };
  };

  return {
    intro: async (context) => (await run('intro', (i) => i.introQuestion(context))).value,
    async evaluate(live, asked, answer) {
      const context = { interviewId: live.id, config: live.config, askedSourceIds: live.snapshot.askedSourceIds };
      const { value, by } = await run('evaluate', (i) => i.evaluate(context, asked, answer));
      return { result: value, evaluator: by };
    },
    async planNext(live, turn, evaluation) {
      return (await run('plan', (i) => planNextTurn(i, live.config, live.snapshot, turn, evaluation, live.id))).value;
    },
  };
}
