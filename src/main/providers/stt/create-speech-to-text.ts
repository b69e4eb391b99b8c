import type { SecretName, Settings } from '../../../shared/protocol';
import type { SpeechToTextPort } from '../../engine/ports';
import type { Logger } from '../../log';
import { createLocalTranscriber, type ModelDirectorySource } from './local-transcriber';
import { createOpenAiTranscriber, type FetchFunction } from './openai-transcriber';
import { TranscriptionError } from './transcription-error';

export type SpeechToTextSettings = Settings['speechToText'];

export interface SpeechToTextContext {
  /** Like SettingsService.secret: main-process only, never logged. */
  secret(name: SecretName): string | undefined;
  /** The installed local model's folder (src/main/models), or undefined. */
  localModelDirectory: ModelDirectorySource;
  log?: Logger;
  fetch?: FetchFunction;
}

const RECOGNITION_OFF = 'Speech recognition is turned off in Settings.';

/** The provider the settings choose (DESIGN.md §5: local model · OpenAI · compatible server · none). */
export function createSpeechToText(settings: SpeechToTextSettings, context: SpeechToTextContext): SpeechToTextPort {
  const shared = { log: context.log, ...(context.fetch ? { fetch: context.fetch } : {}) };
  switch (settings.provider) {
    case 'local':
      return createLocalTranscriber({ modelDirectory: context.localModelDirectory, ...(context.log ? { log: context.log } : {}) });
    case 'openai':
      // settings.baseUrl belongs to the compatible server; OpenAI is always OpenAI.
      return createOpenAiTranscriber({ kind: 'openai', apiKey: context.secret('openai'), model: settings.model, ...shared });
    case 'openai-compatible':
      return createOpenAiTranscriber({
        kind: 'openai-compatible',
        apiKey: context.secret('openaiCompatible'),
        baseURL: settings.baseUrl,
        model: settings.model,
        ...shared,
      });
    case 'none':
      return recognitionOff;
  }
}

const recognitionOff: SpeechToTextPort = {
  name: 'none',
  liveTranscripts: false,
  availability: async () => ({ available: false, reason: RECOGNITION_OFF }),
  transcribe: async () => {
    throw new TranscriptionError('NOT_CONFIGURED', RECOGNITION_OFF);
  },
};
