/**
 * Characters that reorder how text is displayed (embeddings, overrides, isolates: U+202A–U+202E,
 * U+2066–U+2069). In a saved report they could make an answer or a feedback line show
 * something other than what it says ("Trojan Source"), so exports drop them; the marks that
 * only hint a direction (U+200E, U+200F) stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

/** Line breaks of any platform as \n, for formats that handle lines themselves. */
export const normaliseNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');
