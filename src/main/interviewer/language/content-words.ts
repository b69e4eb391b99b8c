import type { Token } from './analysed-text';

/**
 * Content words carry what an answer is about: nouns, verbs, adjectives, numbers, not
 * function words, and not the filler every answer has ("thing", "really", "important").
 * Echo, topic and substance measures count only these.
 */
const FUNCTION_POS = new Set(['PRON', 'DET', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'INTJ', 'SYM', 'SPACE']);

const FILLER = new Set(
  (
    'thing things stuff really very basically actually kind sort lot lots important good great nice bad ' +
    'question answer yes yeah okay ok well um uh like mean think guess say said know sure maybe probably ' +
    'just also pretty quite much many way ways people someone something everything anything make made ' +
    'get got go going do doing done be been time times always never often usually sometimes approach ' +
    'generally obviously definitely course best practice practices aspect aspects part parts look feel ' +
    'want need try tell describe explain discuss talk example difference'
  ).split(' '),
);

export const isFunctionWord = (token: Token): boolean => token.stop || FUNCTION_POS.has(token.pos);

export const isContentWord = (token: Token): boolean =>
  !isFunctionWord(token) && (token.isNumber || (token.normal.length > 1 && !FILLER.has(token.lemma) && !FILLER.has(token.normal)));
