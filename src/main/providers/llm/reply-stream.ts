import type { TextStream, TokenUsage } from './language-model';
import { modelError } from './model-error';

export type ReplyPart = { text: string } | { usage: TokenUsage };

/**
 * An adapter's generator of reply parts as a TextStream: `deltas` yields the text as it
 * arrives, and `done` settles once `deltas` has been read to the end (or failed). A reply with
 * no text at all is a bad response, not an empty question.
 */
export function toTextStream(generate: () => AsyncGenerator<ReplyPart>, service: string): TextStream {
  let settle!: { resolve: (value: { text: string; usage: TokenUsage }) => void; reject: (error: unknown) => void };
  const done = new Promise<{ text: string; usage: TokenUsage }>((resolve, reject) => (settle = { resolve, reject }));
  // Whoever reads `deltas` sees the failure; `done` must not also be an unhandled rejection.
  done.catch(() => undefined);
  async function* deltas(): AsyncGenerator<string> {
    let text = '';
    let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    try {
      for await (const part of generate()) {
        if ('usage' in part) usage = part.usage;
        else if (part.text) {
          text += part.text;
          yield part.text;
        }
      }
      if (text.trim() === '') throw modelError('BAD_RESPONSE', service);
      settle.resolve({ text, usage });
    } catch (error) {
      settle.reject(error);
      throw error;
    } finally {
      // A reader that stops early (break) cancels the reply; `done` must still settle.
      settle.reject(modelError('CANCELLED', service));
    }
  }
  return { deltas: deltas(), done };
}

/** The whole reply, for callers that do not show it as it arrives. */
export async function wholeReply(stream: TextStream): Promise<{ text: string; usage: TokenUsage }> {
  for await (const _delta of stream.deltas) {
    // read to the end: `done` settles then
  }
  return stream.done;
}
