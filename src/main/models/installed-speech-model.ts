import type { ModelManager } from './model-manager';

/**
 * The folder of the speech model to use: the one chosen in Settings when it is installed,
 * otherwise the first installed one, so downloading a model is all it takes to start.
 */
export async function installedSpeechModel(models: ModelManager, chosen: string | undefined): Promise<string | undefined> {
  if (chosen) {
    const path = await models.installedPath(chosen);
    if (path) return path;
  }
  for (const model of await models.list()) {
    if (model.state.kind === 'installed') return model.state.path;
  }
  return undefined;
}
