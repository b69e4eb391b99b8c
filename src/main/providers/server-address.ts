/**
 * What a user types as a server address, made usable, and shown safely. Shared by every
 * adapter that talks to an OpenAI-compatible server (speech-to-text, models).
 */

/**
 * Users type "http://localhost:8080" as often as ".../v1"; the SDK appends its paths to
 * whatever it gets, so a bare origin gets the "/v1" every OpenAI-compatible server serves under.
 */
export function normaliseBaseUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed);
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.origin}${path === '' ? '/v1' : path}`;
  } catch {
    return trimmed;
  }
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isOnThisComputer(baseURL: string | undefined): boolean {
  try {
    return LOOPBACK_HOSTNAMES.has(new URL(baseURL ?? '').hostname);
  } catch {
    return false;
  }
}

/** Only the host: a URL's user-info or query could hold a secret. */
export function hostOf(baseURL: string | undefined): string {
  try {
    return new URL(baseURL ?? '').host || 'the configured address';
  } catch {
    return 'the configured address';
  }
}
