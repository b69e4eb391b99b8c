import { z } from 'zod';
import type { ModelPurpose } from '../../shared/protocol';

/**
 * The file format of `resources/models/catalog.json`: the speech-to-text models and the
 * natural (Piper) voices the app offers to download (STYLE.md §8: data as data).
 * docs/models.md says how to add one and where its sizes and SHA-256 digests must come from.
 */

/** The marker written last, once every file of a model is verified (see install-marker.ts). */
export const INSTALL_MARKER_NAME = 'installed.json';
/** Suffix of a file still being downloaded or copied; never used by the recognizer. */
export const PARTIAL_SUFFIX = '.part';
/**
 * The folder next to the models' folders that holds espeak-ng's pronunciation data, which
 * every Piper voice needs (docs/models.md). No model may take its name as an id.
 */
export const ESPEAK_DATA_FOLDER_NAME = 'espeak-ng-data';

const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'must be a lowercase slug')
  .refine((id) => id !== ESPEAK_DATA_FOLDER_NAME, 'is the name of the espeak-ng data folder');

/**
 * One path segment, so a catalog entry can never write outside its model's folder, and never
 * a name the manager uses for its own bookkeeping.
 */
const FileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'must be a plain file name (letters, digits, . _ -)')
  .refine((name) => !name.endsWith(PARTIAL_SUFFIX) && name !== INSTALL_MARKER_NAME, 'is a name the model manager reserves');

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest: 64 lowercase hex digits');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only from this computer (a local mirror, or the tests' server). */
function isAllowedDownloadUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

const DownloadUrl = z.string().refine(isAllowedDownloadUrl, 'must be an https URL (http only on 127.0.0.1 or localhost), without credentials');

export const CatalogFile = z.object({
  /** Where the file goes inside the model's folder. */
  name: FileName,
  url: DownloadUrl,
  /** Exact size in bytes, from the host's metadata (never an estimate). */
  bytes: z.number().int().positive(),
  sha256: Sha256,
});

/**
 * Which sherpa-onnx configuration the model needs, and which of its files plays which part:
 * an OfflineRecognizer for speech-to-text models (the provider finds the files by name:
 * providers/stt/sherpa-model-layout.ts), an OfflineTts for Piper voices (their `model` and
 * `tokens`; the espeak-ng data they also need is shared, see ESPEAK_DATA_FOLDER_NAME).
 */
export const ModelEngine = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whisper'), encoder: FileName, decoder: FileName, tokens: FileName }),
  z.object({
    kind: z.literal('moonshine'),
    preprocessor: FileName,
    encoder: FileName,
    uncachedDecoder: FileName,
    cachedDecoder: FileName,
    tokens: FileName,
  }),
  z.object({ kind: z.literal('nemo-transducer'), encoder: FileName, decoder: FileName, joiner: FileName, tokens: FileName }),
  z.object({ kind: z.literal('piper'), model: FileName, tokens: FileName }),
  // An instruction model in GGUF for the interviewer on this computer (issue #12).
  // contextTokens: the context to run it with (its KV cache grows with it), when not the default 4,096.
  z.object({ kind: z.literal('gguf'), model: FileName, contextTokens: z.number().int().min(512).max(131_072).optional() }),
]);
export type ModelEngine = z.infer<typeof ModelEngine>;
export type PiperEngine = Extract<ModelEngine, { kind: 'piper' }>;

/** Told from the engine, so a catalog entry cannot claim one purpose and need another engine. */
export function purposeOf(engine: ModelEngine): ModelPurpose {
  switch (engine.kind) {
    case 'whisper':
    case 'moonshine':
    case 'nemo-transducer':
      return 'speech-to-text';
    case 'piper':
      return 'voice';
    case 'gguf':
      return 'interviewer';
  }
}

/** The engine's file roles and the file each names (every string but `kind`; a GGUF's context size is no file). */
export function engineFiles(engine: ModelEngine): [role: string, name: string][] {
  return Object.entries(engine).filter((entry): entry is [string, string] => entry[0] !== 'kind' && typeof entry[1] === 'string');
}

export const CatalogModel = z
  .object({
    id: Slug,
    displayName: z.string().trim().min(2).max(60),
    engine: ModelEngine,
    /** ISO 639 codes of the languages it transcribes, or speaks. */
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code')).min(1).max(120),
    /** The sum of the files' bytes: what the user is told before downloading. */
    totalBytes: z.number().int().positive(),
    /** One or two sentences for the user about quality and speed. */
    note: z.string().trim().min(10).max(240),
    license: z.string().trim().min(2).max(40),
    /** The page a maintainer checks the files against (pinned to a revision). */
    source: DownloadUrl,
    /** The folder name of the upstream archive, also accepted when importing from a folder. */
    sourceFolder: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/).optional(),
    files: z.array(CatalogFile).min(1).max(16),
  })
  .superRefine((model, ctx) => {
    const names = new Set<string>();
    model.files.forEach((file, index) => {
      if (names.has(file.name)) ctx.addIssue({ code: 'custom', path: ['files', index, 'name'], message: `duplicate file ${file.name}` });
      names.add(file.name);
    });
    const sum = model.files.reduce((total, file) => total + file.bytes, 0);
    if (sum !== model.totalBytes) {
      ctx.addIssue({ code: 'custom', path: ['totalBytes'], message: `is ${model.totalBytes} but the files add up to ${sum}` });
    }
    for (const [role, name] of engineFiles(model.engine)) {
      if (!names.has(name)) ctx.addIssue({ code: 'custom', path: ['engine', role], message: `names ${name}, which is not in files` });
    }
  });

export const ModelCatalog = z
  .object({
    version: z.literal(1),
    models: z.array(CatalogModel).max(50),
  })
  .superRefine((catalog, ctx) => {
    const ids = new Set<string>();
    catalog.models.forEach((model, index) => {
      if (ids.has(model.id)) ctx.addIssue({ code: 'custom', path: ['models', index, 'id'], message: `duplicate model id ${model.id}` });
      ids.add(model.id);
    });
  });

export type CatalogFile = z.infer<typeof CatalogFile>;
export type CatalogModel = z.infer<typeof CatalogModel>;
export type ModelCatalog = z.infer<typeof ModelCatalog>;
