import { describeError } from '../log';
import { isModelError } from '../providers/llm/model-error';
import type { Emit } from '../session/session-port';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import type { EngineDeps } from './interview-session';
import type { AskedQuestion, EngineSnapshot, InterviewContext, InterviewerPort, ModelCall, QuestionPlan, StepOptions, TranscriptEntry } from './ports';
import { transcriptOf } from './transcript';
import { ProviderHealth, retryDelay } from './provider-failover';
import { planNextTurn, type FinishedTurn, type NextStep } from './turn-planner';

/** Per attempt; a model that streams a question or judges an answer in more than this has stalled. */
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

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every call to the chosen interviewer, with the rule of DESIGN.md §5 and §8: retry what can
 * pass, then fall back to the embedded interviewer for that step and tell the user once, so a
 * provider outage never stops an interview or loses an answer. A provider that failed three
 * turns running is not asked again in that interview.
 */
export function createInterviewerCalls(deps: EngineDeps, emit: Emit): InterviewerCalls {
  const health = new Map<string, ProviderHealth>();
  const healthOf = (interviewId: string): ProviderHealth => {
    let state = health.get(interviewId);
    if (!state) health.set(interviewId, (state = new ProviderHealth()));
    return state;
  };

  // A model's usage is kept for the report; failing to keep it must not fail the turn. The
  // greeting is asked before the interview is stored: its usage waits for the next call.
  const unsaved = new Map<string, { call: ModelCall; at: string }[]>();
  const usageRecorder = (interviewId: string): StepOptions => ({
    onModelCall: (call) => {
      const waiting = [...(unsaved.get(interviewId) ?? []), { call, at: deps.clock.now().toISOString() }];
      while (waiting.length > 0) {
        try {
          deps.repository.recordModelCall(interviewId, waiting[0]!.call, waiting[0]!.at);
          waiting.shift();
        } catch (error) {
          if (waiting.length > 20) waiting.shift();
          deps.log.info('interviewer.usage_waiting', { interviewId, waiting: waiting.length, error: describeError(error) });
          break;
        }
      }
      if (waiting.length > 0) unsaved.set(interviewId, waiting);
      else unsaved.delete(interviewId);
    },
  });

  const run = async <T>(interviewId: string, operation: string, current: Parameters<typeof transcriptOf>[1], call: (interviewer: InterviewerPort, options?: StepOptions, transcript?: TranscriptEntry[]) => Promise<T>): Promise<{ value: T; by: string }> => {
    const chosen = deps.interviewer();
    const state = healthOf(interviewId);
    if (chosen !== deps.fallback && !state.paused) {
      let failure: unknown;
      const transcript = transcriptOf(deps.repository.load(interviewId), current);
      for (let attempt = 1; ; attempt += 1) {
        try {
          const value = await withTimeout(call(chosen, usageRecorder(interviewId), transcript), TIMEOUT_MS);
          return { value, by: chosen.name };
        } catch (error) {
          failure = error;
          deps.log.warn('interviewer.failed', { provider: chosen.name, operation, attempt, error: isModelError(error) ? error.code : describeError(error) });
          const delay = retryDelay(error, attempt);
          if (delay === undefined) break;
          await wait(delay);
        }
      }
      if (state.stepFailed()) {
        // The error's sentence names the service and never quotes the server (model-error.ts).
        const what = isModelError(failure) ? failure.message : `${capitalised(chosen.service ?? chosen.name)} did not respond.`;
        emit({ type: 'error', code: 'PROVIDER_FAILED', message: `${what} The built-in interviewer took over for this step; your answer is saved.`, recoverable: true });
      }
    }
    return { value: await call(deps.fallback), by: deps.fallback.name };
  };

  return {
    intro: async (context) => (await run(context.interviewId, 'intro', { turnId: '' }, (i, options) => i.introQuestion(context, options))).value,
    async evaluate(live, asked, answer) {
      const context = { interviewId: live.id, config: live.config, askedSourceIds: live.snapshot.askedSourceIds };
      const { value, by } = await run(live.id, 'evaluate', { turnId: live.snapshot.currentTurnId ?? '' }, (i, options, transcript) => i.evaluate({ ...context, ...(transcript ? { transcript } : {}) }, asked, answer, options));
      return { result: value, evaluator: by };
    },
    async planNext(live, turn, evaluation) {
      const step = (await run(live.id, 'plan', { turnId: turn.id, evaluation }, (i, options, transcript) => planNextTurn(i, live.config, live.snapshot, turn, evaluation, live.id, options, transcript))).value;
      if (healthOf(live.id).endTurn() === 'paused') {
        emit({
          type: 'error',
          code: 'PROVIDER_FAILED',
          message: `${capitalised(deps.interviewer().service ?? deps.interviewer().name)} failed three questions in a row, so the built-in interviewer will finish this interview.`,
          recoverable: true,
        });
      }
      return step;
    },
  };
}
