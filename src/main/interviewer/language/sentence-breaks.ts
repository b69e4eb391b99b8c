import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Where sentences end in a text, as character offsets (each offset is the start of the next
 * sentence). Two maintained segmenters vote: wink-nlp knows abbreviations ("e.g.", "Dr.",
 * "U.S.") but splits "v2.0"; ICU's rules (Intl.Segmenter) know decimals and versions ("v2.0",
 * "$4.50") but split after every abbreviation. A break both agree on is a real one.
 */
let nlp: WinkMethods | undefined;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function sentenceBreaks(text: string): number[] {
  const icu = new Set<number>();
  for (const { index } of segmenter.segment(text)) if (index > 0) icu.add(index);
  const breaks: number[] = [];
  let cursor = 0;
  for (const sentence of (nlp ??= winkNLP(model, ['sbd'])).readDoc(text).sentences().out() as string[]) {
    const at = text.indexOf(sentence, cursor);
    if (at < 0) break;
    cursor = at + sentence.length;
    // ICU puts the break after the spaces that follow a sentence; wink's sentence ends before them.
    let next = cursor;
    while (next < text.length && /\s/.test(text[next]!)) next += 1;
    if (next < text.length && icu.has(next)) breaks.push(next);
  }
  return breaks;
}
