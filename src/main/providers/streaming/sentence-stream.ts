import { sentenceBreaks } from '../../interviewer/language/sentence-breaks';

/**
 * Stage 2 of a spoken reply (model → sentences → speech queue → playback; STYLE.md §10): text
 * deltas in, complete sentences out, as soon as each one is known to be complete (the next
 * sentence has begun). Whatever is left when the reply ends is the last sentence, punctuated
 * or not: a reply that ends without a full stop must not lose its last words.
 */
export async function* sentencesOf(deltas: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const delta of deltas) {
    pending += delta;
    // Only a terminator followed by more text can close a sentence; most deltas cannot.
    if (!/[.!?…]["'”’)\]]*\s+\S/.test(pending)) continue;
    const breaks = sentenceBreaks(pending);
    if (breaks.length === 0) continue;
    let start = 0;
    for (const at of breaks) {
      yield pending.slice(start, at).trim();
      start = at;
    }
    pending = pending.slice(start);
  }
  const last = pending.trim();
  if (last) yield last;
}
