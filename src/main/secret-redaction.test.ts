import { describe, expect, it } from 'vitest';
import { createMemoryLog } from '../../tests/support/memory-log';
import { describeError } from './log';
import { redactSecrets, registerSecret } from './secret-redaction';

/** Issue #10: a key echoed in a provider's error never reaches a log line. */
describe('keys in logs', () => {
  it('takes every registered key out of every field, before long fields are cut', () => {
    const key = 'local-server-key-4f1c9a';
    registerSecret(key);
    const { log, lines } = createMemoryLog();
    log.warn('call.failed', { error: `APIError: 401 {"error":{"message":"invalid key ${key}"}}`, other: `${'x'.repeat(110)}${key}` });
    expect(lines.join('\n')).not.toContain(key);
    expect(lines.join('\n')).not.toContain(key.slice(0, 8));
    expect(lines[0]).toContain('[redacted]');
    // An error cut short for the log is cut after the key is out.
    expect(describeError(new Error(`${'y'.repeat(100)} ${key}`))).not.toContain(key.slice(0, 8));
  });

  it('takes out what looks like a provider key or a bearer token, even one it was never told', () => {
    expect(redactSecrets('Incorrect API key provided: sk-proj-AbC123xyz789')).toBe('Incorrect API key provided: [redacted]');
    expect(redactSecrets('authorization: Bearer eyJhbGciOiJI.payload')).toBe('authorization: Bearer [redacted]');
    expect(redactSecrets('skipped 3 answers; sk-1')).toBe('skipped 3 answers; sk-1');
  });
});
