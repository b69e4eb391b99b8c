import type { SecretName, Settings } from '../../../shared/protocol';
import type { TextToSpeechPort } from '../../engine/ports';
import type { Logger } from '../../log';
import { createBundledVoice } from './bundled-voice';
import { createOpenAiSpeech, type OpenAiSpeechOptions } from './openai-speech';
import { createPiperVoice, type PiperVoiceFiles, type PiperVoiceOptions } from './piper-voice';
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
  /** Voice engines' own events (loaded, crashed, freed); never the text they speak. */
  log?: Logger;
  /** The natural voices downloaded in Settings ('local'); without them none counts as installed. */
  naturalVoices?: NaturalVoices;
  /** For tests: another engine, or a short idle time, for the natural voice. */
  piper?: Pick<PiperVoiceOptions, 'engine' | 'addonPath' | 'idleMs' | 'timeoutMs'>;
}

export interface NaturalVoices {
  /** The files of the chosen voice, else of the first installed one; undefined when none is. */
  voiceFiles(chosen: string | undefined): Promise<PiperVoiceFiles | undefined>;
  /** espeak-ng's data folder, which every Piper voice needs, prepared on first use. */
  espeakDataDir(): Promise<string>;
  log?: Logger;
}

/**
 * The voice the settings choose (DESIGN.md §5). 'none' gives undefined, which the engine
 * reads as "show questions, do not speak them" (engine/question-voice.ts), so a voice the
 * user turned off is not reported as a voice that failed. The settings' `voice` names a
 * system voice, an OpenAI voice or (for 'local') a downloaded voice's model id depending on
 * the provider; `model` is OpenAI's only.
 */
export function createTextToSpeech(settings: TextToSpeechSettings, context: TextToSpeechContext): TextToSpeechPort | undefined {
  switch (settings.provider) {
    case 'system':
      return createZeroSetupVoice(
        createSystemVoice({ ...context.system, voice: settings.voice }),
        createBundledVoice({ voice: settings.voice, ...(context.log ? { log: context.log } : {}) }),
      );
    case 'openai':
      return createOpenAiSpeech({
        ...context.openai,
        // Read per request: a key saved or removed in Settings applies to the next question.
        apiKey: () => context.secret('openai'),
        model: settings.model,
        voice: settings.voice,
      });
    case 'local':
      return createPiperVoice({
        ...context.piper,
        // Both are read per question, so a voice removed in Settings is reported as not installed.
        voiceFiles: async () => context.naturalVoices?.voiceFiles(settings.voice),
        espeakDataDir: async () => {
          if (!context.naturalVoices) throw new Error('no espeak-ng data folder was given');
          return context.naturalVoices.espeakDataDir();
        },
        ...(context.naturalVoices?.log ? { log: context.naturalVoices.log } : {}),
      });
    case 'none':
      return undefined;
  }
}
