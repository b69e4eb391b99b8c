import { describe, expect, it } from 'vitest';
import type { InterviewerSettings } from '../../../shared/protocol';
import { createLanguageModel } from './create-language-model';
import { isModelError, type ModelError } from './model-error';
import type { LanguageModel } from './language-model';

/**
 * Capabilities found by Test connection describe one server and model (issue #10): they apply
 * to that setup only, never to the provider, address or model the user switched to since.
 */
const FOUND: NonNullable<InterviewerSettings['capabilities']> = {
  structuredOutput: 'json_schema',
  contextTokens: 32_768,
  textField: 'reasoning_content',
  foundFor: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen3' },
};
const build = (settings: InterviewerSettings): LanguageModel => {
  const model = createLanguageModel(settings, { secret: () => 'sk-test' });
  if (isModelError(model)) throw new Error((model as ModelError).message);
  return model;
};

describe('stored capabilities', () => {
  it('apply to the server and model they were found for, however its address is written', () => {
    expect(build({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434', model: 'qwen3', capabilities: FOUND }).capabilities).toMatchObject({
      structuredOutput: 'json_schema',
      contextTokens: 32_768,
      textField: 'reasoning_content',
    });
  });

  it('are ignored after a switch to another provider, address or model', () => {
    const declaredCompatible = { structuredOutput: 'none', contextTokens: 4_096, textField: 'content' };
    expect(build({ provider: 'openai', capabilities: FOUND }).capabilities).toMatchObject({ structuredOutput: 'json_schema', contextTokens: 128_000, textField: 'content' });
    expect(build({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen3', capabilities: FOUND }).capabilities).toMatchObject(declaredCompatible);
    expect(build({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', capabilities: FOUND }).capabilities).toMatchObject(declaredCompatible);
  });

  it('declared by hand (no foundFor) apply to whatever is set', () => {
    const { foundFor: _ignored, ...byHand } = FOUND;
    expect(build({ provider: 'openai-compatible', baseUrl: 'http://10.0.0.2:8000/v1', model: 'any', capabilities: byHand }).capabilities.textField).toBe('reasoning_content');
  });
});
