/** The speech-model manager's public surface; docs/models.md explains the behaviour. */
export { ModelCatalog, CatalogModel, CatalogFile, SpeechEngine, INSTALL_MARKER_NAME } from './catalog-schema';
export { loadModelCatalog, parseModelCatalog } from './catalog-loader';
export { createModelManager } from './model-manager';
export type { ModelListing, ModelManager, ModelManagerOptions, ModelProgress, ModelState, TransferOptions, TransferSource } from './model-manager';
export { ModelError, type ModelErrorCode } from './model-errors';
export { requiredFreeBytes, type StatFs } from './disk-space';
export type { Fetch } from './file-download';
