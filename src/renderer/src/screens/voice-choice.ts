import type { ModelView, Settings } from '../../../shared/protocol';
import type { Loadable } from '../store/app-store';

type TextToSpeech = Settings['textToSpeech'];

/** Whether the catalog offers any voice to download (false until the list has loaded). */
export function offersVoices(models: Loadable<readonly ModelView[]>): boolean {
  return models.status === 'ready' && models.data.some((model) => model.purpose === 'voice');
}

/** The downloaded models of one kind (speech models or voices) that are installed now, in catalog order. */
export function installedModels(models: readonly ModelView[], purpose: ModelView['purpose']): ModelView[] {
  return models.filter((model) => model.purpose === purpose && model.state.kind === 'installed');
}

export const installedVoices = (models: readonly ModelView[]): ModelView[] => installedModels(models, 'voice');

/**
 * The model main uses: the chosen one while it is installed, else the first installed one
 * (models/installed-models.ts makes the same choice), so what a
 * picker shows is what is used.
 */
export function pickInstalled(chosen: string | undefined, installed: readonly ModelView[]): string | undefined {
  return installed.find((model) => model.id === chosen)?.id ?? installed[0]?.id;
}

/**
 * The text-to-speech settings after choosing another provider. `voice` means a voice model's
 * id for 'local' and a system or OpenAI voice name otherwise, so it never carries over
 * between the two: a voice model's id would be looked up as a system voice and fail.
 */
export function switchVoiceProvider(current: TextToSpeech, provider: TextToSpeech['provider'], models: readonly ModelView[]): TextToSpeech {
  if (provider === 'local') return { ...current, provider, voice: pickInstalled(current.voice, installedVoices(models)) };
  const namesVoiceModel = current.provider === 'local' || models.some((model) => model.purpose === 'voice' && model.id === current.voice);
  return { ...current, provider, voice: namesVoiceModel ? undefined : current.voice };
}
