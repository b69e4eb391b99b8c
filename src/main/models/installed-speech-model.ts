import { purposeOf } from './catalog-schema';
import type { ModelManager } from './model-manager';

/**
 * The folder of the speech model to use: the one chosen in Settings when it is installed,
 * otherwise the first installed one, so downloading a model is all it takes to start.
 * Only speech-to-text models count: a downloaded voice is never handed to the recognizer,
 * even when its id is typed as the speech model.
 */
export async function installedSpeechModel(models: ModelManager, chosen: string | undefined): Promise<string | undefined> {
  const installed = (await models.list()).flatMap(({ model, state }) => (purposeOf(model.engine) === 'speech-to-text' && state.kind === 'installed' ? [{ id: model.id, path: state.path }] : []));
  return (installed.find((model) => model.id === chosen) ?? installed[0])?.path;
}
