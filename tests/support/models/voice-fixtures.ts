import { randomBytes } from 'node:crypto';
import { ModelCatalog, type CatalogModel } from '../../../src/main/models/catalog-schema';
import { sha256, type GeneratedFile } from './model-fixtures';

/** The files of a Piper voice as the catalog names them: the model and its tokens. */
export const VOICE_MODEL_FILE = 'en_US-test-medium.onnx';
export const VOICE_TOKENS_FILE = 'tokens.txt';

/**
 * A Piper voice catalog entry for files the test serves (random bytes unless `contents` gives
 * real ones, e.g. a synthetic model), parsed by the real schema so it cannot drift from what
 * the app accepts.
 */
export function testVoice(id: string, urlFor: (name: string) => string, contents?: { model: Buffer; tokens: Buffer }): { model: CatalogModel; files: GeneratedFile[] } {
  const files = [
    [VOICE_MODEL_FILE, contents?.model ?? randomBytes(40_000)],
    [VOICE_TOKENS_FILE, contents?.tokens ?? randomBytes(2_000)],
  ].map(([name, content]) => ({ name: name as string, content: content as Buffer, sha256: sha256(content as Buffer) }));
  const catalog = ModelCatalog.parse({
    version: 1,
    models: [
      {
        id,
        displayName: `Test voice ${id}`,
        engine: { kind: 'piper', model: VOICE_MODEL_FILE, tokens: VOICE_TOKENS_FILE },
        languages: ['en'],
        totalBytes: files.reduce((sum, file) => sum + file.content.length, 0),
        note: 'Generated for a test; not a real voice.',
        license: 'MIT',
        source: 'https://example.invalid/voice',
        files: files.map((file) => ({ name: file.name, url: urlFor(file.name), bytes: file.content.length, sha256: file.sha256 })),
      },
    ],
  });
  return { model: catalog.models[0]!, files };
}
