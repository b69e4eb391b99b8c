import type { ProviderCapability, SecretName, Settings } from '../protocol';

/**
 * Which stored API key each provider uses, for every capability: main reads it to build a
 * client, and Settings shows the key beside the provider that needs it. The OpenAI key is one
 * key for all three capabilities.
 */
const KEYS: { [C in ProviderCapability]: Record<Settings[C]['provider'], SecretName | undefined> } = {
  interviewer: { embedded: undefined, openai: 'openai', anthropic: 'anthropic', 'openai-compatible': 'openaiCompatible', 'on-device': undefined },
  speechToText: { local: undefined, openai: 'openai', 'openai-compatible': 'openaiCompatible', none: undefined },
  textToSpeech: { system: undefined, openai: 'openai', local: undefined, none: undefined },
};

export function keyNameFor<C extends ProviderCapability>(capability: C, provider: Settings[C]['provider']): SecretName | undefined {
  return (KEYS[capability] as Record<string, SecretName | undefined>)[provider];
}
