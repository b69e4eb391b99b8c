/**
 * Stage 3 of a spoken reply (model → sentences → speech queue → playback; STYLE.md §10):
 * each sentence is spoken into its own file, one at a time and in order, while later ones are
 * still being generated, and handed on (`onSpoken`) as soon as it is ready, so playback can
 * start with the first sentence. It ends when its input ends and the last sentence is spoken
 * (nothing is left unspoken), and resolves with every part in order. A sentence the voice
 * fails on rejects the whole, after which nothing more is handed on; so does a cancel.
 */
export interface SpeechQueueOptions<Part> {
  speak(sentence: string, index: number, signal: AbortSignal): Promise<Part>;
  onSpoken(part: Part, index: number): void;
  signal: AbortSignal;
}

/** Sentences with nothing to say aloud ("…", a lone quote) are passed over, not sent to a voice. */
const SAYS_SOMETHING = /[\p{L}\p{N}]/u;

export async function speakInOrder<Part>(sentences: AsyncIterable<string>, options: SpeechQueueOptions<Part>): Promise<Part[]> {
  const parts: Part[] = [];
  for await (const sentence of sentences) {
    options.signal.throwIfAborted();
    if (!SAYS_SOMETHING.test(sentence)) continue;
    const part = await options.speak(sentence, parts.length, options.signal);
    options.signal.throwIfAborted();
    parts.push(part);
    options.onSpoken(part, parts.length - 1);
  }
  return parts;
}
