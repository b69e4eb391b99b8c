import { franc } from 'franc-min';
import { documentErrors } from './document-error';

/** Under this many characters a language guess is not worth refusing a text for. */
const ENOUGH_TO_TELL = 200;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The built-in interviewer reads English only (its language model is wink's English one), so a
 * résumé in another language would be read as having no roles and no skills. Refused with the
 * language named rather than parsed into nothing. franc-min knows 82 languages by trigrams.
 */
export function requireEnglish(text: string, what: string): void {
  const guess = franc(text, { minLength: ENOUGH_TO_TELL });
  if (guess === 'und' || guess === 'eng' || guess === 'sco') return;
  let language = guess;
  try {
    language = languageNames.of(guess) ?? guess;
  } catch {
    // A code Intl does not know: name it as it is.
  }
  throw documentErrors.language(what, language);
}
