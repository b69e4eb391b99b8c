/**
 * Keys never reach a log (DESIGN.md §6), even through an error a library or a server wrote:
 * a server may echo the key it was sent in its error body, and a message that slips past the
 * providers' own mapping would carry it. Every key this process holds (stored, or typed for a
 * test) is registered here, and the logger takes them out of every line, along with anything
 * shaped like a provider's key or a bearer token.
 */
const known = new Set<string>();

/** Shorter strings are not keys, and replacing them would blank ordinary words. */
const MIN_SECRET_CHARS = 8;

export const REDACTED = '[redacted]';

const KEY_SHAPES: [RegExp, string][] = [
  // OpenAI (sk-…, sk-proj-…) and Anthropic (sk-ant-…) keys.
  [/\bsk-[A-Za-z0-9_-]{8,}/g, REDACTED],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
];

/** Kept for the life of the process: a removed key can still turn up in a late error. */
export function registerSecret(value: string | null | undefined): void {
  const secret = value?.trim();
  if (secret && secret.length >= MIN_SECRET_CHARS) known.add(secret);
}

export function redactSecrets(text: string): string {
  let result = text;
  for (const secret of known) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  for (const [shape, replacement] of KEY_SHAPES) result = result.replace(shape, replacement);
  return result;
}
