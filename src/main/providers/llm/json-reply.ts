/**
 * The JSON object in a model's reply, for APIs without native structured output: a local
 * model asked for JSON often wraps it in a ```json fence or a sentence. The first balanced
 * top-level object is taken; undefined when there is none that parses.
 */
export function extractJsonObject(reply: string): unknown {
  const trimmed = reply.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    // fall through to the lenient reading
  }
  for (let start = trimmed.indexOf('{'); start !== -1; start = trimmed.indexOf('{', start + 1)) {
    const end = matchingBrace(trimmed, start);
    if (end === -1) return undefined;
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      // try the next opening brace
    }
  }
  return undefined;
}

/** Index of the brace closing the one at `start`, skipping braces inside strings; -1 if none. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}
