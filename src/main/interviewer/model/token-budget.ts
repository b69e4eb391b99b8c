import type { ModelProvider } from '../../providers/llm/language-model';

/**
 * Token counts estimated per provider (DESIGN.md §8), from characters: English runs at about
 * four characters a token with OpenAI's and Anthropic's tokenizers, and nearer three and a
 * half with the Llama-family tokenizers local servers use. An estimate errs high on purpose:
 * it decides when to summarise, and summarising early is cheap while overflowing is not.
 */
const CHARS_PER_TOKEN: Record<ModelProvider, number> = { openai: 3.8, anthropic: 3.5, 'openai-compatible': 3.2, 'on-device': 3.2 };

export const estimateTokens = (provider: ModelProvider, text: string): number => Math.ceil(text.length / CHARS_PER_TOKEN[provider]);

/** Characters that make about `tokens` tokens for this provider, by the same estimate. */
export const charsFor = (provider: ModelProvider, tokens: number): number => Math.floor(tokens * CHARS_PER_TOKEN[provider]);
/** A prompt may fill this share of the context window; the rest is for the reply. */
export const PROMPT_SHARE = 0.8;
/**
 * The job description and résumé together may fill this share of a prompt (issue #10): the
 * system prompt is always sent whole, so what the candidate pasted must leave room for the
 * step's instruction, the answer and the latest turns.
 */
export const ATTACHMENT_SHARE = 0.4;
