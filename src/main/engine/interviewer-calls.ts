import { describeError } from '../log';
import { isModelError, modelError } from '../providers/llm/model-error';
import type { Emit } from '../session/session-port';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import type { EngineDeps } from './interview-session';
import type { AskedQuestion, EngineSnapshot, InterviewContext, InterviewerPort, ModelCall, QuestionPlan, StepOptions, TranscriptEntry } from './ports';
import { transcriptOf } from './transcript';
import { ProviderHealth, retryDelay } from './provider-failover';
import type { QuestionDraft } from './question-draft';
import { throwIfCancelled, unlessAborted, waitUnlessCancelled } from './step-signal';
import { planNextTurn, type FinishedTurn, type NextStep } from './turn-planner';

/** Per attempt; a model that streams a question or judges an answer in more than this has stalled. */
export const MODEL_STEP_TIMEOUT_MS = 30_000;

/** What the engine lends one step besides the conversation: its cancel signal and, for a question, its preview. */
export interface StepHooks {
  /** Pause, end and closing the window cancel the step: no retry, no fallback (StepCancelled). */
  signal?: AbortSignal | undefined;
  /** Shows, and in voice mode speaks, a question as the model streams it. */
  draft?: QuestionDraft | undefined;
}

export interface InterviewerCalls {
  intro(context: InterviewContext, step?: StepHooks): Promise<QuestionPlan>;
  evaluate(live: LiveView, asked: AskedQuestion, answer: string, step?: StepHooks): Promise<{ result: AnswerEvaluation; evaluator: string }>;
  /**
   * `evaluation` undefined with `unjudged`: the next question is planned while the answer is
   * still being judged (the rules allow it only when the score cannot change what comes next).
   */
  planNext(live: LiveView, turn: FinishedTurn, evaluation: AnswerEvaluation | undefined, step?: StepHooks & { unjudged?: boolean }): Promise<NextStep>;
}

type LiveView = { id: string; config: InterviewContext['config']; snapshot: EngineSnapshot };

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

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

  const timeoutMs = deps.tuning?.modelStepTimeoutMs ?? MODEL_STEP_TIMEOUT_MS;

  const run = async <T>(interviewId: string, operation: string, current: Parameters<typeof transcriptOf>[1], call: (interviewer: InterviewerPort, options?: StepOptions, transcript?: TranscriptEntry[]) => Promise<T>, step: StepHooks = {}): Promise<{ value: T; by: string }> => {
    const chosen = deps.interviewer();
    const state = healthOf(interviewId);
    const service = chosen.service ?? chosen.name;
    if (chosen !== deps.fallback && !state.paused) {
      let failure: unknown;
      const transcript = transcriptOf(deps.repository.load(interviewId), current);
      for (let attempt = 1; ; attempt += 1) {
        const onQuestionText = await step.draft?.attempt();
        // The timeout aborts the request itself, not only the wait for it.
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = step.signal ? AbortSignal.any([step.signal, timeout]) : timeout;
        try {
          const value = await unlessAborted(call(chosen, { ...usageRecorder(interviewId), signal, onQuestionText }, transcript), signal);
          return { value, by: chosen.name };
        } catch (error) {
          throwIfCancelled(step.signal);
          failure = timeout.aborted ? modelError('TIMEOUT', service) : error;
          deps.log.warn('interviewer.failed', { provider: chosen.name, operation, attempt, error: isModelError(failure) ? failure.code : describeError(failure) });
          const delay = retryDelay(failure, attempt);
          if (delay === undefined) break;
          await waitUnlessCancelled(delay, step.signal);
        }
      }
      await step.draft?.withdraw();
      if (state.stepFailed()) {
        // The error's sentence names the service and never quotes the server (model-error.ts).
        const what = isModelError(failure) ? failure.message : `${capitalised(service)} did not respond.`;
        emit({ type: 'error', code: 'PROVIDER_FAILED', message: `${what} The built-in interviewer took over for this step; your answer is saved.`, recoverable: true });
      }
    }
    throwIfCancelled(step.signal);
    return { value: await call(deps.fallback), by: deps.fallback.name };
  };

  return {
    intro: async (context, step) => (await run(context.interviewId, 'intro', { turnId: '' }, (i, options) => i.introQuestion(context, options), step)).value,
    async evaluate(live, asked, answer, step) {
      const context = { interviewId: live.id, config: live.config, askedSourceIds: live.snapshot.askedSourceIds };
      const { value, by } = await run(live.id, 'evaluate', { turnId: live.snapshot.currentTurnId ?? '' }, (i, options, transcript) => i.evaluate({ ...context, ...(transcript ? { transcript } : {}) }, asked, answer, options), step);
      return { result: value, evaluator: by };
    },
    async planNext(live, turn, evaluation, step = {}) {
      const current = { turnId: turn.id, evaluation, unjudged: step.unjudged };
      const plan = (i: InterviewerPort, options?: StepOptions, transcript?: TranscriptEntry[]) => planNextTurn(i, live.config, live.snapshot, turn, evaluation, live.id, options, transcript);
      const next = (await run(live.id, 'plan', current, plan, step)).value;
      if (healthOf(live.id).endTurn() === 'paused') {
        emit({
          type: 'error',
          code: 'PROVIDER_FAILED',
          message: `${capitalised(deps.interviewer().service ?? deps.interviewer().name)} failed three questions in a row, so the built-in interviewer will finish this interview.`,
          recoverable: true,
        });
      }
      return next;
    },
  };
}
