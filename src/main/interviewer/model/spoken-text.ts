/**
 * What the interviewer says, without the label, quotes or markdown a model may wrap it in:
 * "Interviewer: **"How would you…?"**" is said as "How would you…?". Stage 1 of a streamed
 * question (model → sentences → speech queue → playback; STYLE.md §10): it cleans deltas as
 * they arrive, holding back only what the rest of the reply could still change (a possible
 * label at the start, trailing spaces, a closing quote). The same rules clean a whole reply,
 * so what is shown and spoken while a question streams is exactly the question stored at the
 * end, however the reply was cut into pieces.
 *
 * Rules: markdown characters (* _ # `) go; runs of white space become one space, none at
 * either end; a leading "Interviewer:" or "Question:" goes; an opening quote goes, and with it
 * a closing quote at the very end.
 */
export interface SpokenTextFilter {
  /** The cleaned text this delta adds (often everything; sometimes nothing yet). */
  push(delta: string): string;
  /** The reply ended: whatever was held back, cleaned. */
  end(): string;
}

const MARKDOWN = /[*_#`]+/g;
const LABELS = ['interviewer', 'question'];
const LABEL = /^(?:interviewer|question)\s*:\s*/i;
const OPENING_QUOTE = /^["“]/;
const CLOSING_QUOTE = /["”]$/;

export function createSpokenTextFilter(): SpokenTextFilter {
  /** The start of the reply, until it is known whether it opens with a label or a quote. */
  let head = '';
  let headDone = false;
  let quoted = false;
  /** Cleaned text not given out yet: a tail that the end of the reply could still drop. */
  let held = '';
  let givenAny = false;

  const collapse = (text: string): string => {
    const spaced = text.replace(/\s+/g, ' ');
    return givenAny ? spaced : spaced.trimStart();
  };

  const give = (text: string): string => {
    const out = collapse(text);
    if (out) givenAny = true;
    return out;
  };

  const body = (text: string): string => {
    held += text;
    // Trailing spaces may be the end of the reply, and so may a closing quote after them.
    const tail = (quoted ? /\s*["”]?\s*$/ : /\s*$/).exec(held)!;
    const ready = held.slice(0, tail.index);
    held = held.slice(tail.index);
    return give(ready);
  };

  /** Decides what the head is once it can; returns undefined while it cannot yet. */
  const decideHead = (final: boolean): string | undefined => {
    let text = head.trimStart();
    if (!final && couldStillBeLabel(text)) return undefined;
    text = text.replace(LABEL, '');
    if (!final && text.trim() === '') return undefined;
    text = text.trimStart();
    if (OPENING_QUOTE.test(text)) {
      quoted = true;
      text = text.slice(1);
    }
    headDone = true;
    return text;
  };

  return {
    push(delta) {
      const clean = delta.replace(MARKDOWN, '');
      if (headDone) return body(clean);
      head += clean;
      const rest = decideHead(false);
      return rest === undefined ? '' : body(rest);
    },
    end() {
      let out = headDone ? '' : body(decideHead(true) ?? '');
      let tail = held.trimEnd();
      if (quoted) tail = tail.replace(CLOSING_QUOTE, '').trimEnd();
      held = '';
      out += give(tail);
      return out;
    },
  };
}

/** "Interv", "Question ", "Interviewer  " may yet become a label; "Question 3" may not. */
function couldStillBeLabel(text: string): boolean {
  const lower = text.toLowerCase();
  return LABELS.some((label) => (lower.length <= label.length ? label.startsWith(lower) : lower.startsWith(label) && /^\s*$/.test(lower.slice(label.length))));
}

/** A whole reply cleaned by the same rules. */
export function spokenText(reply: string): string {
  const filter = createSpokenTextFilter();
  return filter.push(reply) + filter.end();
}
