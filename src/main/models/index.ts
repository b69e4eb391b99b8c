/** The model manager's public surface (speech models and voices); docs/models.md explains the behaviour. */
export { ModelCatalog, CatalogModel, CatalogFile, ModelEngine, INSTALL_MARKER_NAME, ESPEAK_DATA_FOLDER_NAME, purposeOf } from './catalog-schema';
export { loadModelCatalog, parseModelCatalog } from './catalog-loader';
export { createModelManager } from './model-manager';
export type { ModelListing, ModelManager, ModelManagerOptions, ModelProgress, ModelState, TransferOptions, TransferSource } from './model-manager';
export { ModelError, type ModelErrorCode } from './model-errors';
export { requiredFreeBytes, type StatFs } from './disk-space';
export type { Fetch } from './file-download';
