import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The WebSocket host's guards (DESIGN.md §3, §6): a random token on every request that
 * touches user data, loopback Host headers only (a DNS-rebinding page cannot reach us under
 * another name), and same-origin WebSocket upgrades only.
 */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return LOOPBACK_NAMES.some((name) => hostHeader === `${name}:${port}`);
}

/** Browsers always send Origin on a WebSocket upgrade; tools and tests may not. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOOPBACK_NAMES.some((name) => origin === `http://${name}:${port}`);
}
