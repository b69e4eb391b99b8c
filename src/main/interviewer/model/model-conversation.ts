import type { InterviewConfig } from '../../../shared/protocol';
import type { TranscriptEntry } from '../../engine/ports';
import type { ModelProvider, ModelRequest } from '../../providers/llm/language-model';
import { fill, type PromptFile } from './prompt-file';
import { estimateTokens, PROMPT_SHARE } from './token-budget';

/**
 * What a model is sent for one step (DESIGN.md §8): the system prompt (role, track, level,
 * job description, résumé), the transcript so far with each answer's score, and the step's
 * instruction. Candidate text is fenced in tags and the system prompt says it is data.
 * When the whole would pass 80% of the model's context, the system prompt and the latest turns
 * are kept and the earlier turns summarised, and the request says that happened.
 */
export interface ConversationInput {
  prompts: PromptFile;
  config: InterviewConfig;
  track: { title: string; description: string };
  transcript: readonly TranscriptEntry[];
  instruction: string;
  provider: ModelProvider;
  contextTokens: number;
  maxTokens: number;
  signal?: AbortSignal | undefined;
}

export interface Conversation {
  request: ModelRequest;
  /** Earlier turns were summarised to fit the context window. */
  summarised: boolean;
}

export function systemPrompt(prompts: PromptFile, config: InterviewConfig, track: { title: string; description: string }): string {
  const attachment = (lines: readonly string[], text: string | undefined) => (text?.trim() ? fill(lines, { text: text.trim() }) : '');
  return fill(prompts.system, {
    level: config.level ?? 'mid',
    track: track.title,
    trackDescription: track.description,
    jobDescription: attachment(prompts.jobDescription, config.jobDescription),
    resume: attachment(prompts.resume, config.resume),
  });
}

export function buildConversation(input: ConversationInput): Conversation {
  const system = systemPrompt(input.prompts, input.config, input.track);
  const budget = Math.floor(input.contextTokens * PROMPT_SHARE) - input.maxTokens;
  const fits = (content: string) => estimateTokens(input.provider, system + content) <= budget;
  const turns = input.transcript.map(renderTurn);
  const summaries = input.transcript.map(summariseTurn);
  // The first `summarisedCount` turns as one summary line each, the rest verbatim.
  const message = (summarisedCount: number) => {
    const earlier = summarisedCount > 0 ? fill(input.prompts.summaryOfEarlierTurns, { summary: summaries.slice(0, summarisedCount).join('\n') }) : '';
    const recent = turns.slice(summarisedCount);
    return [earlier, recent.length > 0 ? `<transcript>\n${recent.join('\n\n')}\n</transcript>` : '', input.instruction].filter(Boolean).join('\n\n');
  };

  let summarisedCount = 0;
  let content = message(0);
  // Move the oldest verbatim turn into the summary until the rest fits (or none is left verbatim).
  while (!fits(content) && summarisedCount < turns.length) content = message(++summarisedCount);
  const summarised = summarisedCount > 0;
  return { request: { system, messages: [{ role: 'user', content }], maxTokens: input.maxTokens, signal: input.signal }, summarised };
}

function renderTurn(turn: TranscriptEntry, index: number): string {
  const label = `${turn.followUp ? 'Follow-up' : 'Question'} ${index + 1} (${turn.phase})`;
  const answer = turn.answer === undefined ? '(skipped)' : `<answer>\n${turn.answer}\n</answer>`;
  const missed = turn.evaluation?.missedConcepts ?? [];
  const scored = turn.evaluation ? `\nScore ${turn.evaluation.score}/10${missed.length > 0 ? `; missed: ${missed.join(', ')}` : ''}` : '';
  return `${label}: ${turn.question}\n${answer}${scored}`;
}

/** One line per summarised turn: what was asked and how it went, not what was said. */
function summariseTurn(turn: TranscriptEntry, index: number): string {
  const words = turn.question.split(/\s+/);
  const question = words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : turn.question;
  const outcome = turn.answer === undefined ? 'skipped' : turn.evaluation ? `scored ${turn.evaluation.score}/10` : 'answered';
  return `- ${index + 1}. (${turn.phase}) ${question} — ${outcome}`;
}
