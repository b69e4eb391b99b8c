import type { SecretName, Settings } from '../../../shared/protocol';
import type { TextToSpeechPort } from '../../engine/ports';
import { createBundledVoice } from './bundled-voice';
import { createOpenAiSpeech, type OpenAiSpeechOptions } from './openai-speech';
import { createSystemVoice, type SystemVoiceOptions } from './system-voice';
import { createZeroSetupVoice } from './zero-setup-voice';

export type TextToSpeechSettings = Settings['textToSpeech'];

export interface TextToSpeechContext {
  /** Like SettingsService.secret: main-process only, never logged. */
  secret(name: SecretName): string | undefined;
  /** For tests: where OpenAI is and how it is reached. */
  openai?: Pick<OpenAiSpeechOptions, 'baseURL' | 'fetch' | 'timeoutMs' | 'maxRetries'>;
  /** For tests: which OS's voice and what PATH. */
  system?: Omit<SystemVoiceOptions, 'voice'>;
}

/**
 * The voice the settings choose (DESIGN.md §5). 'none' gives undefined, which the engine
 * reads as "show questions, do not speak them" (engine/question-voice.ts), so a voice the
 * user turned off is not reported as a voice that failed. The settings' `voice` names a
 * system voice or an OpenAI voice depending on the provider; `model` is OpenAI's only.
 */
export function createTextToSpeech(settings: TextToSpeechSettings, context: TextToSpeechContext): TextToSpeechPort | undefined {
  switch (settings.provider) {
    case 'system':
      return createZeroSetupVoice(createSystemVoice({ ...context.system, voice: settings.voice }), createBundledVoice({ voice: settings.voice }));
    case 'openai':
      return createOpenAiSpeech({
        ...context.openai,
        // Read per request: a key saved or removed in Settings applies to the next question.
        apiKey: () => context.secret('openai'),
        model: settings.model,
        voice: settings.voice,
      });
    case 'none':
      return undefined;
  }
}
