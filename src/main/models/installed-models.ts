import { join } from 'node:path';
import type { ModelPurpose } from '../../shared/protocol';
import { purposeOf, type CatalogModel } from './catalog-schema';
import type { ModelManager } from './model-manager';

/** Where a Piper voice's files are: what the natural voice loads (providers/tts/piper-voice.ts). */
export interface VoiceFiles {
  model: string;
  tokens: string;
}

export interface OnDeviceModel {
  id: string;
  file: string;
  contextTokens?: number;
}

/**
 * The folder of the speech model to use. Only speech-to-text models count: a downloaded
 * voice is never handed to the recognizer, even when its id is typed as the speech model.
 */
export async function installedSpeechModel(models: ModelManager, chosen: string | undefined): Promise<string | undefined> {
  return (await chosenOrFirstInstalled(models, 'speech-to-text', chosen))?.path;
}

/**
 * The files of the natural voice to speak with; undefined when no voice is installed, which
 * the voice reports as such. Read before every question, so a voice removed in Settings is
 * never loaded again.
 */
export async function installedVoiceFiles(models: ModelManager, chosen: string | undefined): Promise<VoiceFiles | undefined> {
  const voice = await chosenOrFirstInstalled(models, 'voice', chosen);
  if (voice?.model.engine.kind !== 'piper') return undefined;
  return { model: join(voice.path, voice.model.engine.model), tokens: join(voice.path, voice.model.engine.tokens) };
}

/** The GGUF file of the interviewer model to load, chosen or the first installed; undefined when none is. */
export async function installedInterviewerModel(models: ModelManager, chosen: string | undefined): Promise<OnDeviceModel | undefined> {
  const found = await chosenOrFirstInstalled(models, 'interviewer', chosen);
  if (found?.model.engine.kind !== 'gguf') return undefined;
  const { contextTokens } = found.model.engine;
  return { id: found.model.id, file: join(found.path, found.model.engine.model), ...(contextTokens ? { contextTokens } : {}) };
}

/**
 * The model chosen in Settings when it is installed, otherwise the first installed one of its
 * kind, so downloading one is all it takes to start. The renderer's pickers show the same
 * choice (renderer/src/screens/voice-choice.ts).
 */
async function chosenOrFirstInstalled(
  models: ModelManager,
  purpose: ModelPurpose,
  chosen: string | undefined,
): Promise<{ model: CatalogModel; path: string } | undefined> {
  const installed = (await models.list()).flatMap(({ model, state }) =>
    purposeOf(model.engine) === purpose && state.kind === 'installed' ? [{ model, path: state.path }] : [],
  );
  return installed.find((candidate) => candidate.model.id === chosen) ?? installed[0];
}
