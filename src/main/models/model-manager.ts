import { rm } from 'node:fs/promises';
import type { Logger } from '../log';
import type { CatalogModel, ModelCatalog } from './catalog-schema';
import { defaultStatFs, type StatFs } from './disk-space';
import type { Fetch } from './file-download';
import { installedFolder, removeInstallMarker } from './install-marker';
import { asModelError, busyError, createActivityBoard, type ModelProgress, type TransferSource } from './model-activity';
import { downloadModel } from './model-download';
import { ModelError } from './model-errors';
import { bytesOnDisk, modelFolder } from './model-folder';
import { importModel } from './model-import';

export type { ModelProgress, TransferSource } from './model-activity';

/** Where a catalog model stands, as the settings screen shows it. */
export type ModelState =
  /** `partialBytes`: left by an interrupted download; the next download resumes from there. */
  | { kind: 'not-installed'; partialBytes: number }
  | { kind: 'downloading'; via: TransferSource; bytes: number; total: number }
  | { kind: 'installed'; path: string }
  /** The last attempt's reason, a sentence for the user; cleared by the next attempt. */
  | { kind: 'failed'; reason: string; partialBytes: number };

export interface ModelListing {
  model: CatalogModel;
  state: ModelState;
}

export interface TransferOptions {
  onProgress?: (progress: ModelProgress) => void;
  /** Aborting cancels: the transfer stops and its partial files are removed. */
  signal?: AbortSignal;
}

export interface ModelManager {
  list(): Promise<ModelListing[]>;
  /** Downloads (or resumes) a model; resolves with its folder once installed and verified. */
  download(modelId: string, options?: TransferOptions): Promise<string>;
  /** Installs a model from files the user already has (machines that are never online). */
  importFromFolder(modelId: string, folder: string, options?: TransferOptions): Promise<string>;
  remove(modelId: string): Promise<void>;
  /** The folder of an installed, verified model, or undefined. */
  installedPath(modelId: string): Promise<string | undefined>;
}

export interface ModelManagerOptions {
  /** e.g. `<user data>/models`; created when the first model is installed. */
  modelsDir: string;
  catalog: ModelCatalog;
  fetch?: Fetch;
  statfs?: StatFs;
  /** A download attempt fails (resumably) when the server sends nothing for this long. */
  idleTimeoutMs?: number;
  log: Logger;
}

const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/**
 * The speech-model manager (DESIGN.md §5: a local model, downloaded once, verified,
 * resumable). Nothing is cleaned at start: leftover .part files are what resuming needs, and
 * a folder without `installed.json` is simply not installed.
 */
export function createModelManager(options: ModelManagerOptions): ModelManager {
  const { modelsDir, catalog, log } = options;
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const statfs = options.statfs ?? defaultStatFs;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const board = createActivityBoard(log);

  const requireModel = (modelId: string): CatalogModel => {
    const model = catalog.models.find((m) => m.id === modelId);
    // The id is not echoed: it comes from the page, and error messages never repeat input (docs/decisions.md).
    if (!model) throw new ModelError('UNKNOWN_MODEL', 'That model is not in the catalog.');
    return model;
  };

  const stateOf = async (model: CatalogModel): Promise<ModelState> => {
    const activity = board.current(model.id);
    if (activity) return { kind: 'downloading', via: activity.via, bytes: activity.bytes, total: activity.total };
    const path = await installedFolder(modelsDir, model);
    if (path) return { kind: 'installed', path };
    const partialBytes = await bytesOnDisk(modelFolder(modelsDir, model), model);
    const reason = board.lastFailure(model.id);
    return reason ? { kind: 'failed', reason, partialBytes } : { kind: 'not-installed', partialBytes };
  };

  return {
    async list() {
      return Promise.all(catalog.models.map(async (model) => ({ model, state: await stateOf(model) })));
    },

    async download(modelId, { onProgress, signal } = {}) {
      const model = requireModel(modelId);
      return board.exclusive(model, 'network', onProgress, (report) => downloadModel({ modelsDir, model, fetch, statfs, log, signal, idleTimeoutMs, report }));
    },

    async importFromFolder(modelId, folder, { onProgress, signal } = {}) {
      const model = requireModel(modelId);
      return board.exclusive(model, 'folder', onProgress, (report) => importModel({ modelsDir, model, source: folder, statfs, log, signal, report }));
    },

    async remove(modelId) {
      const model = requireModel(modelId);
      if (board.current(model.id)) throw busyError(model);
      const folder = modelFolder(modelsDir, model);
      try {
        // The marker goes first, so a crash half-way through never leaves a folder that says "installed".
        await removeInstallMarker(folder);
        await rm(folder, { recursive: true, force: true });
      } catch (error) {
        throw asModelError(error);
      }
      board.forgetFailure(model.id);
      log.info('models.removed', { modelId: model.id });
    },

    async installedPath(modelId) {
      const model = catalog.models.find((m) => m.id === modelId);
      return model ? installedFolder(modelsDir, model) : undefined;
    },
  };
}
