import type { ModelStateView, ModelView } from '../../shared/protocol';
import { describeError, type Logger } from '../log';
import { CallError } from '../rpc/call-handlers';
import { purposeOf } from './catalog-schema';
import type { ModelListing, ModelManager, ModelState } from './model-manager';

/** Progress goes to every open window at most this often, however fast the bytes arrive. */
const PROGRESS_EVERY_MS = 250;

export type ModelEvent = { modelId: string; state: ModelStateView };

/**
 * The model manager as the app's calls use it (issue #4): downloads run in the background and
 * report through `publish`; views carry no file system paths (DESIGN.md §2).
 */
export function createModelService(
  manager: ModelManager,
  options: { publish(event: ModelEvent): void; pickFolder?: () => Promise<string | undefined>; log: Logger },
) {
  const running = new Map<string, AbortController>();

  const stateView = (state: ModelState): ModelStateView => (state.kind === 'installed' ? { kind: 'installed' } : state.kind === 'downloading' ? { kind: 'downloading', bytes: state.bytes, total: state.total } : state);
  const view = ({ model, state }: ModelListing): ModelView => ({
    id: model.id,
    name: model.displayName,
    purpose: purposeOf(model.engine),
    languages: model.languages,
    totalBytes: model.totalBytes,
    note: model.note,
    state: stateView(state),
  });
  const find = async (modelId: string): Promise<ModelView> => {
    const listing = (await manager.list()).find((entry) => entry.model.id === modelId);
    if (!listing) throw new CallError('NOT_FOUND', 'There is no such model.');
    return view(listing);
  };
  const transfer = async (modelId: string, run: (options: { signal: AbortSignal; onProgress(progress: { bytes: number; total: number }): void }) => Promise<string>) => {
    if (running.has(modelId)) throw new CallError('WRONG_STATE', 'That model is already being installed.');
    const controller = new AbortController();
    running.set(modelId, controller);
    let lastSent = 0;
    try {
      await run({
        signal: controller.signal,
        onProgress({ bytes, total }) {
          const now = Date.now();
          if (now - lastSent < PROGRESS_EVERY_MS) return;
          lastSent = now;
          options.publish({ modelId, state: { kind: 'downloading', bytes, total } });
        },
      });
    } finally {
      running.delete(modelId);
      options.publish({ modelId, state: (await find(modelId)).state });
    }
  };

  return {
    list: async () => (await manager.list()).map(view),

    async download(modelId: string): Promise<{ started: true }> {
      await find(modelId);
      void transfer(modelId, (transferOptions) => manager.download(modelId, transferOptions)).catch((error: unknown) =>
        options.log.warn('model.download_failed', { modelId, error: describeError(error) }),
      );
      return { started: true };
    },

    cancel(modelId: string): { cancelled: boolean } {
      const controller = running.get(modelId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },

    async import(modelId: string, folder: string | undefined): Promise<ModelView> {
      await find(modelId);
      const source = folder ?? (await options.pickFolder?.());
      if (!source) throw new CallError('BAD_PARAMS', 'Choose the folder that holds the model files.');
      try {
        await transfer(modelId, (transferOptions) => manager.importFromFolder(modelId, source, transferOptions));
      } catch (error) {
        throw new CallError('IMPORT_FAILED', error instanceof Error ? error.message : 'The model could not be imported.');
      }
      return find(modelId);
    },

    async remove(modelId: string): Promise<{ removed: true }> {
      await find(modelId);
      if (running.has(modelId)) throw new CallError('WRONG_STATE', 'Cancel the download before removing the model.');
      await manager.remove(modelId);
      options.publish({ modelId, state: (await find(modelId)).state });
      return { removed: true };
    },
  };
}
