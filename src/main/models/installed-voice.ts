import { join } from 'node:path';
import type { ModelManager } from './model-manager';

/** Where a Piper voice's files are: what the natural voice loads (providers/tts/piper-voice.ts). */
export interface VoiceFiles {
  model: string;
  tokens: string;
}

/**
 * The files of the natural voice to speak with: the one chosen in Settings when it is
 * installed, otherwise the first installed voice (as with speech models, so downloading one
 * is all it takes). Undefined when no voice is installed, which the voice reports as such.
 * Read before every question, so a voice removed in Settings is never loaded again.
 */
export async function installedVoiceFiles(models: ModelManager, chosen: string | undefined): Promise<VoiceFiles | undefined> {
  const installed = (await models.list()).flatMap(({ model, state }) => (model.engine.kind === 'piper' && state.kind === 'installed' ? [{ id: model.id, engine: model.engine, path: state.path }] : []));
  const voice = installed.find((candidate) => candidate.id === chosen) ?? installed[0];
  return voice && { model: join(voice.path, voice.engine.model), tokens: join(voice.path, voice.engine.tokens) };
}
