import type { Logger } from '../log';
import type { CatalogModel } from './catalog-schema';
import { isCancelled, ModelError } from './model-errors';

export type TransferSource = 'network' | 'folder';

export interface ModelProgress {
  /** Bytes of the model on disk so far. */
  bytes: number;
  total: number;
}

interface Activity extends ModelProgress {
  via: TransferSource;
}

/**
 * What is happening to each model right now, and why its last attempt failed. One operation
 * per model at a time: a second download (or an import, or a removal) of a model that is busy
 * is refused rather than run twice over the same files.
 */
export interface ActivityBoard {
  current(modelId: string): Readonly<Activity> | undefined;
  lastFailure(modelId: string): string | undefined;
  forgetFailure(modelId: string): void;
  exclusive<T>(
    model: CatalogModel,
    via: TransferSource,
    onProgress: ((progress: ModelProgress) => void) | undefined,
    work: (report: (bytes: number) => void) => Promise<T>,
  ): Promise<T>;
}

export function createActivityBoard(log: Logger): ActivityBoard {
  const active = new Map<string, Activity>();
  const failures = new Map<string, string>();

  return {
    current: (modelId) => active.get(modelId),
    lastFailure: (modelId) => failures.get(modelId),
    forgetFailure: (modelId) => void failures.delete(modelId),

    async exclusive(model, via, onProgress, work) {
      // Checked and claimed in the same tick, before any await, so two calls cannot both pass.
      if (active.has(model.id)) throw busyError(model);
      const activity: Activity = { via, bytes: 0, total: model.totalBytes };
      active.set(model.id, activity);
      failures.delete(model.id);
      const started = Date.now();
      const report = (bytes: number): void => {
        activity.bytes = bytes;
        onProgress?.({ bytes, total: activity.total });
      };
      try {
        const result = await work(report);
        log.info('models.transfer_finished', { modelId: model.id, via, ms: Date.now() - started });
        return result;
      } catch (raw) {
        const error = asModelError(raw);
        if (isCancelled(error)) {
          log.info('models.transfer_cancelled', { modelId: model.id, via });
        } else {
          failures.set(model.id, error.message);
          log.warn('models.transfer_failed', { modelId: model.id, via, code: error.code, cause: causeOf(raw) });
        }
        throw error;
      } finally {
        active.delete(model.id);
      }
    },
  };
}

export function busyError(model: CatalogModel): ModelError {
  return new ModelError('BUSY', `${model.displayName} is already being installed. Wait for it to finish, or cancel it first.`);
}

/** A short cause for the log: an errno code or an error class, never a message that may hold a path. */
function causeOf(error: unknown): string | undefined {
  if (error instanceof ModelError) return undefined;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
}

/** File-system failures (permissions, a full disk mid-way) become a sentence without paths. */
export function asModelError(error: unknown): ModelError {
  if (error instanceof ModelError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = typeof code === 'string' ? ` (${code})` : '';
  return new ModelError('STORAGE', `The model files could not be written on this computer${detail}. Check free space and folder permissions, then try again.`);
}
