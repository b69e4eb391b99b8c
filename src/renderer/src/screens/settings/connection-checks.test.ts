import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/protocol';
import { addressProblem, checkLine, keyForTest, setupsToCheck } from './connection-checks';

const local: Settings = { ...DEFAULT_SETTINGS, interviewer: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } };

describe('what Save tests before it says "Saved."', () => {
  it('nothing when only preferences or offline providers change', () => {
    expect(setupsToCheck({ ...DEFAULT_SETTINGS, preferences: { ...DEFAULT_SETTINGS.preferences, feedbackTiming: 'at-end' } }, DEFAULT_SETTINGS, {})).toEqual([]);
    expect(setupsToCheck({ ...DEFAULT_SETTINGS, textToSpeech: { provider: 'none' } }, DEFAULT_SETTINGS, {})).toEqual([]);
    expect(setupsToCheck(local, local, {})).toEqual([]);
  });

  it('a provider chosen, an address or model changed, or its key typed or removed', () => {
    expect(setupsToCheck(local, DEFAULT_SETTINGS, {})).toEqual(['interviewer']);
    expect(setupsToCheck({ ...local, interviewer: { ...local.interviewer, model: 'qwen3' } }, local, {})).toEqual(['interviewer']);
    expect(setupsToCheck(local, local, { openaiCompatible: 'typed-key-123' })).toEqual(['interviewer']);
    expect(setupsToCheck(local, local, { openaiCompatible: null })).toEqual(['interviewer']);
    // The OpenAI key serves every capability that uses OpenAI.
    const openai: Settings = { ...DEFAULT_SETTINGS, speechToText: { provider: 'openai' }, textToSpeech: { provider: 'openai' } };
    expect(setupsToCheck(openai, openai, { openai: 'sk-new' })).toEqual(['speechToText', 'textToSpeech']);
  });

  it('not what a test found: capabilities alone are saved without another test', () => {
    const found = { ...local, interviewer: { ...local.interviewer, capabilities: { structuredOutput: 'json_schema' as const, contextTokens: 4096, textField: 'content' as const } } };
    expect(setupsToCheck(found, local, {})).toEqual([]);
  });

  it('uses the typed key, none while it is removed, else the stored one', () => {
    expect(keyForTest('interviewer', local.interviewer, { openaiCompatible: '  typed  ' })).toBe('typed');
    expect(keyForTest('interviewer', local.interviewer, { openaiCompatible: null })).toBeNull();
    expect(keyForTest('interviewer', local.interviewer, { openaiCompatible: '   ', openai: 'other' })).toBeUndefined();
    expect(keyForTest('interviewer', DEFAULT_SETTINGS.interviewer, { openai: 'sk' })).toBeUndefined();
  });

  it('says what works and what does not yet', () => {
    expect(checkLine({ capability: 'interviewer', report: { ok: true, sentence: 'OpenAI works.' } })).toBe('Interviewer: OpenAI works.');
    expect(checkLine({ capability: 'textToSpeech', report: { ok: false, sentence: 'OpenAI did not accept the API key.' } })).toBe('Voice does not work yet: OpenAI did not accept the API key.');
  });
});

describe('an address typed without its scheme', () => {
  it('is said as something to fix before anything is sent', () => {
    expect(addressProblem({ baseUrl: '127.0.0.1:11434' })).toMatch(/^The base URL is not a web address: it starts with http:\/\/ or https:\/\//);
    expect(addressProblem({ baseUrl: 'file:///etc/passwd' })).toBeDefined();
    expect(addressProblem({ baseUrl: 'http://localhost:1234/v1' })).toBeUndefined();
    expect(addressProblem({})).toBeUndefined();
  });
});

