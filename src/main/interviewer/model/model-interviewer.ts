import type { InterviewContext, InterviewerPort, ModelCall, QuestionPlan, StepOptions } from '../../engine/ports';
import type { LanguageModel, ModelRequest, TokenUsage } from '../../providers/llm/language-model';
import { modelError } from '../../providers/llm/model-error';
import type { EmbeddedInterviewer } from '../embedded-interviewer';
import type { TrackCatalog } from '../track-catalog';
import { buildConversation, type Conversation } from './model-conversation';
import { EVALUATION_OUTPUT, readModelEvaluation } from './model-evaluation';
import { fill, type PromptFile } from './prompt-file';
import { createSpokenTextFilter } from './spoken-text';

/**
 * An interviewer backed by a language model (DESIGN.md §8): it words the questions (a bank
 * question adapted to the candidate, their job description and what they said; the user's own
 * questions as written), writes follow-ups for what an answer missed, and judges answers with
 * structured output. The engine keeps every rule of §5; the embedded interviewer still chooses
 * which bank question comes next, when a follow-up is due, and holds the model's scores to what
 * an answer can earn (an empty or echoed answer is never scored high).
 * Failures are thrown as ModelErrors; the engine retries and falls back.
 */
const MAX_TOKENS = { question: 220, evaluation: 900 };
/** Follow-ups are for answers that were on the way but missed something (as the embedded interviewer). */
const FOLLOW_UP_SCORES = { from: 3, below: 7 };

export interface ModelInterviewerDeps {
  model: LanguageModel;
  prompts: PromptFile;
  catalog: TrackCatalog;
  embedded: EmbeddedInterviewer;
}

export function createModelInterviewer({ model, prompts, catalog, embedded }: ModelInterviewerDeps): InterviewerPort & { readonly promptVersion: string } {
  const conversation = (context: InterviewContext, instruction: string, maxTokens: number, options: StepOptions | undefined) => {
    const bank = catalog.get(context.config.track);
    return buildConversation({
      prompts,
      config: context.config,
      track: { title: bank?.title ?? context.config.track, description: bank?.description ?? '' },
      transcript: context.transcript ?? [],
      instruction,
      provider: model.provider,
      contextTokens: model.capabilities.contextTokens,
      maxTokens,
      signal: options?.signal,
    });
  };

  /** What had to give way to fit the context, as recorded with each call. */
  type Fitted = Pick<Conversation, 'summarised' | 'shortened'>;
  const report = (options: StepOptions | undefined, operation: ModelCall['operation'], usage: TokenUsage, started: number, { summarised, shortened }: Fitted) =>
    options?.onModelCall?.({ operation, provider: model.provider, model: model.model, ...usage, ms: Math.round(performance.now() - started), summarised, shortened, promptVersion: prompts.version });

  /** A question, streamed to the screen as it is generated. */
  const ask = async (context: InterviewContext, operation: 'intro' | 'question' | 'follow-up' | 'wrapup', instruction: string, options: StepOptions | undefined): Promise<string> => {
    const { request, ...fitted } = conversation(context, instruction, MAX_TOKENS.question, options);
    const started = performance.now();
    const stream = model.streamText(request);
    // Cleaned as it streams, so the text shown and spoken meanwhile is the question stored.
    const filter = createSpokenTextFilter();
    let question = '';
    const said = (text: string): void => {
      if (!text) return;
      question += text;
      options?.onQuestionText?.(text);
    };
    for await (const delta of stream.deltas) said(filter.push(delta));
    said(filter.end());
    const { usage } = await stream.done;
    report(options, operation, usage, started, fitted);
    if (!question) throw modelError('BAD_RESPONSE', model.service);
    return question;
  };

  const structured = async (request: ModelRequest, options: StepOptions | undefined, operation: 'evaluate' | 'repair', fitted: Fitted) => {
    const started = performance.now();
    const { value, usage } = await model.structured(request, EVALUATION_OUTPUT);
    report(options, operation, usage, started, fitted);
    return readModelEvaluation(value);
  };

  return {
    name: model.provider,
    service: model.service,
    promptVersion: prompts.version,

    async introQuestion(context, options) {
      return { sourceId: 'model:intro', text: await ask(context, 'intro', fill(prompts.intro, {}), options), difficulty: 'easy' };
    },

    async wrapupQuestion(context, options) {
      return { sourceId: 'model:wrapup', text: await ask(context, 'wrapup', fill(prompts.wrapup, {}), options), difficulty: 'easy' };
    },

    async nextQuestion(context, phase, difficulties, options): Promise<QuestionPlan | undefined> {
      const chosen = await embedded.nextQuestion(context, phase, difficulties);
      // The candidate's own list is asked as written; bank questions are adapted to them.
      if (!chosen || context.config.questions) return chosen;
      const instruction = fill(prompts.question, {
        phase,
        phaseMeaning: prompts.phaseMeanings[phase],
        difficulty: chosen.difficulty,
        anchor: fill(prompts.anchor, { text: chosen.text }),
      });
      return { ...chosen, text: await ask(context, 'question', instruction, options) };
    },

    async followUp(context, asked, evaluation, options) {
      if (asked.followUp || evaluation.score < FOLLOW_UP_SCORES.from || evaluation.score >= FOLLOW_UP_SCORES.below) return undefined;
      const missed = evaluation.missedConcepts.slice(0, 3);
      const instruction = fill(prompts.followUp, { missed: missed.length > 0 ? missed.join('; ') : 'depth and a concrete example' });
      // The engine's transcript ends with the answer this follows up, and its evaluation.
      return { sourceId: `${asked.sourceId}#model`, text: await ask(context, 'follow-up', instruction, options), difficulty: 'medium' };
    },

    async evaluate(context, asked, answer, options) {
      const styleNote = prompts.styleNotes[embedded.questionStyle(context, asked)];
      const instruction = fill(prompts.evaluate, {
        phase: asked.phase,
        difficulty: 'as asked',
        followUpNote: asked.followUp ? ', a follow-up: judge it on what it asks' : '',
        question: asked.text,
        answer: answer.trim() || '(no answer)',
        styleNote: fill(styleNote, {}),
      });
      const { request, ...fitted } = conversation(context, instruction, MAX_TOKENS.evaluation, options);
      let reading = await structured(request, options, 'evaluate', fitted);
      if (!reading.ok) {
        // One repair: the model is told what was wrong (field paths and rules, not its own text).
        const repair = { ...request, messages: [...request.messages, { role: 'assistant' as const, content: '(reply not usable)' }, { role: 'user' as const, content: fill(prompts.repair, { problems: reading.problems }) }] };
        reading = await structured(repair, options, 'repair', fitted);
      }
      if (!reading.ok) throw modelError('BAD_RESPONSE', model.service);
      const embeddedView = await embedded.evaluate(context, asked, answer);
      const ceiling = embedded.answerCeiling(context, asked, answer);
      return { ...reading.evaluation, score: Math.min(reading.evaluation.score, ceiling), skillsShown: embeddedView.skillsShown };
    },
  };
}
