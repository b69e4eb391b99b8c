import { keyNameFor } from '../../../shared/settings/provider-keys';
import type { SpeechToTextPort } from '../../engine/ports';
import { createSpeechToText, type SpeechToTextContext, type SpeechToTextSettings } from './create-speech-to-text';

/**
 * What EngineDeps.speechToText wants: a function read at each use that returns the provider
 * the settings choose now. Building a new provider on every call would reload the local
 * model (seconds of CPU) for every answer, so the last one is kept until the choice (provider,
 * model, base URL or its key) changes.
 */
export function createSpeechToTextSource(
  readSettings: () => SpeechToTextSettings,
  context: SpeechToTextContext,
  build: typeof createSpeechToText = createSpeechToText,
): () => SpeechToTextPort {
  let current: { choice: string; port: SpeechToTextPort } | undefined;
  return () => {
    const settings = readSettings();
    const secretName = keyNameFor('speechToText', settings.provider);
    // Held only to compare with the next call; never logged.
    const choice = JSON.stringify([settings.provider, settings.model, settings.baseUrl, secretName && context.secret(secretName)]);
    if (current?.choice !== choice) current = { choice, port: build(settings, context) };
    return current.port;
  };
}
