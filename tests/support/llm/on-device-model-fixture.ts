import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../../src/main/log';
import { ModelCatalog } from '../../../src/main/models/catalog-schema';
import { createModelManager } from '../../../src/main/models/model-manager';
import { sha256 } from '../models/model-fixtures';
import { RESOURCES_DIR } from '../paths';
import { syntheticGgufBytes } from './synthetic-gguf-model';

export const ON_DEVICE_TEST_MODEL = 'synthetic-interviewer';
const FILE = 'synthetic-interviewer.gguf';

/**
 * A data folder with the synthetic GGUF model installed through the real model manager (import
 * from a folder, so its SHA-256 is verified), and resources whose model catalog lists it: the
 * app's own resources otherwise. `bytes` replaces the model, e.g. with one llama.cpp cannot load.
 */
export async function installOnDeviceModel(root: string, bytes?: Buffer): Promise<{ dataDir: string; resourcesDir: string }> {
  // The catalog vouches for the file installed: a test of what llama.cpp does with a bad model.
  const good = bytes ?? syntheticGgufBytes();
  const resourcesDir = join(root, 'resources');
  mkdirSync(join(resourcesDir, 'models'), { recursive: true });
  for (const entry of readdirSync(RESOURCES_DIR)) if (entry !== 'models') symlinkSync(join(RESOURCES_DIR, entry), join(resourcesDir, entry));
  const catalog = ModelCatalog.parse({
    version: 1,
    models: [
      {
        id: ON_DEVICE_TEST_MODEL,
        displayName: 'Synthetic interviewer model',
        // Its character-level vocabulary needs far more tokens than a real model's.
        engine: { kind: 'gguf', model: FILE, contextTokens: 16_384 },
        languages: ['en'],
        totalBytes: good.length,
        note: 'Generated for a test; random weights.',
        license: 'MIT',
        source: 'https://example.invalid/source',
        sourceFolder: 'upstream-synthetic',
        files: [{ name: FILE, url: `https://example.invalid/${FILE}`, bytes: good.length, sha256: sha256(good) }],
      },
    ],
  });
  writeFileSync(join(resourcesDir, 'models', 'catalog.json'), JSON.stringify(catalog));
  const source = join(root, 'import');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, FILE), good);
  const dataDir = join(root, 'data');
  const models = createModelManager({ modelsDir: join(dataDir, 'models'), catalog, log: silentLogger });
  await models.importFromFolder(ON_DEVICE_TEST_MODEL, source);
  return { dataDir, resourcesDir };
}
