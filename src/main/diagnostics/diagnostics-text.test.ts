import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PublicSettings } from '../../shared/protocol';
import { diagnosticsText, safeLogLine } from './diagnostics-text';

/** Issue #13: what "Copy diagnostics" copies is safe to paste into a public problem report. */
const KEY = 'sk-proj-AbCdEf0123456789AbCdEf0123456789';
const ANSWER = 'I would add an index on the customer id column';
const line = (fields: Record<string, unknown>): string => JSON.stringify({ time: '2026-12-04T20:00:00.000Z', level: 'warn', event: 'llm.request_failed', ...fields });

describe('a log line in the diagnostics', () => {
  it('keeps the time, level, event, ids, codes and numbers', () => {
    expect(safeLogLine(line({ interviewId: '5b0c3f7e-8a43-4b53-9d3c-1f2e3d4c5b6a', code: 'PROVIDER_FAILED', status: 429, retried: true, ms: 812 }))).toBe(
      '2026-12-04T20:00:00.000Z warn llm.request_failed interviewId=5b0c3f7e-8a43-4b53-9d3c-1f2e3d4c5b6a code=PROVIDER_FAILED status=429 retried=true ms=812',
    );
  });

  it('never carries free text, a key, a token, a path or an error message: an error keeps its class', () => {
    const shared = safeLogLine(
      line({ error: `AuthenticationError: 401 Incorrect API key provided: ${KEY}`, note: ANSWER, key: KEY, token: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', folder: '/home/ana/.config/Interview Practice' }),
    )!;
    expect(shared).toContain('error=AuthenticationError');
    for (const secret of [KEY, 'sk-proj', ANSWER, 'customer', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', '/home/ana', 'Incorrect']) expect(shared).not.toContain(secret);
  });

  it('is left out when it is not one of the logger’s lines', () => {
    expect(safeLogLine(`Error: ${ANSWER}`)).toBeUndefined();
    expect(safeLogLine(JSON.stringify({ event: 'x' }))).toBeUndefined();
    expect(safeLogLine(JSON.stringify({ time: 1, level: 'info', event: ANSWER }))).toBeUndefined();
  });
});

describe('the diagnostics text', () => {
  const settings: PublicSettings = {
    ...DEFAULT_SETTINGS,
    interviewer: { provider: 'openai-compatible', model: 'llama3.1:8b', baseUrl: 'http://user:secret@127.0.0.1:11434/v1' },
    textToSpeech: { provider: 'system', voice: KEY },
    secrets: { openai: { hasKey: true }, anthropic: { hasKey: false }, openaiCompatible: { hasKey: false, storedBy: 'desktop-app' } },
    keyStorage: { kind: 'unavailable', note: `No keyring: ${ANSWER}` },
  };
  const text = diagnosticsText({
    appVersion: '0.1.0',
    mode: 'desktop-app',
    versions: { node: '22.20.0', electron: '45.4.1', chrome: '142.0.7444.52' },
    os: 'Linux 6.8.0 x64',
    dataDir: '/home/ana/.config/Interview Practice',
    home: '/home/ana',
    settings,
    logLines: [line({ code: 'UNREACHABLE' }), 'not a log line', line({ note: ANSWER })],
  });

  it('gives the versions, the system, the data folder under ~, the providers and which keys are stored', () => {
    expect(text).toContain('Interview Practice 0.1.0 (desktop app)');
    expect(text).toContain('Runtime: electron 45.4.1, chrome 142.0.7444.52, node 22.20.0');
    expect(text).toContain('System: Linux 6.8.0 x64');
    expect(text).toContain('Data folder: ~/.config/Interview Practice');
    expect(text).toContain('Interviewer: openai-compatible (llama3.1:8b)');
    expect(text).toContain('API keys: openai stored, anthropic none, openaiCompatible none (storage: unavailable)');
    expect(text).toContain('Last 2 log lines');
    expect(text).toContain('llm.request_failed code=UNREACHABLE');
  });

  it('holds no key, no base URL and no answer text', () => {
    for (const secret of [KEY, 'secret@', '127.0.0.1', ANSWER, '/home/ana']) expect(text).not.toContain(secret);
  });
});
