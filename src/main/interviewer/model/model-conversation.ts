import type { InterviewConfig } from '../../../shared/protocol';
import type { TranscriptEntry } from '../../engine/ports';
import type { ModelProvider, ModelRequest } from '../../providers/llm/language-model';
import { fill, type PromptFile } from './prompt-file';
import { boundedText, type BoundedText } from './bounded-text';
import { ATTACHMENT_SHARE, charsFor, estimateTokens, PROMPT_SHARE } from './token-budget';

/**
 * What a model is sent for one step (DESIGN.md §8): the system prompt (role, track, level,
 * job description, résumé), the transcript so far with each answer's score, and the step's
 * instruction. Candidate text is fenced in tags and the system prompt says it is data.
 * When the whole would pass 80% of the model's context, the system prompt and the latest turns
 * are kept and the earlier turns summarised, and the request says that happened.
 */
export interface ConversationInput extends SystemPromptInput {
  transcript: readonly TranscriptEntry[];
  instruction: string;
  maxTokens: number;
  signal?: AbortSignal | undefined;
}

export interface Conversation {
  request: ModelRequest;
  /** Earlier turns were summarised to fit the context window. */
  summarised: boolean;
  /** The job description or the résumé was cut to fit the context window. */
  shortened: boolean;
}

export interface SystemPromptInput {
  prompts: PromptFile;
  config: InterviewConfig;
  track: { title: string; description: string };
  provider: ModelProvider;
  contextTokens: number;
}

/**
 * The role, the track and level, and the job description and résumé, each whole when they fit
 * their share of the context (ATTACHMENT_SHARE), else cut where a sentence ends with a note
 * saying how much is left out (bounded-text.ts). A text shorter than its half of the share
 * leaves the rest to the other.
 */
export function systemPrompt(input: SystemPromptInput): { text: string; shortened: boolean } {
  const { prompts, config } = input;
  const jobDescription = config.jobDescription?.trim() ?? '';
  const resume = config.resume?.trim() ?? '';
  const allowance = charsFor(input.provider, Math.floor(input.contextTokens * PROMPT_SHARE * ATTACHMENT_SHARE));
  const [jobChars, resumeChars] = shares(jobDescription.length, resume.length, allowance);
  const marker = (omittedWords: number) => fill(prompts.shortenedNote, { words: omittedWords.toLocaleString('en-US') });
  const job = bounded(jobDescription, jobChars, marker);
  const cv = bounded(resume, resumeChars, marker);
  const attachment = (lines: readonly string[], text: string) => (text ? fill(lines, { text }) : '');
  const text = fill(prompts.system, {
    level: config.level ?? 'mid',
    track: input.track.title,
    trackDescription: input.track.description,
    jobDescription: attachment(prompts.jobDescription, job.text),
    resume: attachment(prompts.resume, cv.text),
  });
  return { text, shortened: job.omittedWords + cv.omittedWords > 0 };
}

/** Two texts' shares of `total` characters: each what it needs if both fit, else half, the shorter one's spare going to the other. */
function shares(a: number, b: number, total: number): [number, number] {
  if (a + b <= total) return [a, b];
  const half = Math.floor(total / 2);
  if (a <= half) return [a, total - a];
  if (b <= half) return [total - b, b];
  return [half, total - half];
}

// Every call of an interview bounds the same texts the same way; finding sentence ends in a long
// résumé takes milliseconds, so the last few results are kept.
const recent = new Map<string, BoundedText>();
function bounded(text: string, maxChars: number, marker: (omittedWords: number) => string): BoundedText {
  if (text.length <= maxChars) return { text, omittedWords: 0 };
  const key = `${maxChars}\u0000${text}`;
  let result = recent.get(key);
  if (!result) {
    result = boundedText(text, maxChars, marker);
    recent.set(key, result);
    if (recent.size > 8) recent.delete(recent.keys().next().value!);
  }
  return result;
}

export function buildConversation(input: ConversationInput): Conversation {
  const { text: system, shortened } = systemPrompt(input);
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
  return { request: { system, messages: [{ role: 'user', content }], maxTokens: input.maxTokens, signal: input.signal }, summarised, shortened };
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
