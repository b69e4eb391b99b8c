import { createHash, randomBytes } from 'node:crypto';
import type { LogFields, Logger } from '../../../src/main/log';
import { ModelCatalog, type CatalogModel } from '../../../src/main/models/catalog-schema';
import type { StatFs } from '../../../src/main/models/disk-space';
import type { Fetch } from '../../../src/main/models/file-download';

/** A model file the test made: random bytes and their real digest. */
export interface GeneratedFile {
  name: string;
  content: Buffer;
  sha256: string;
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Whisper-shaped file set (encoder, decoder, tokens) of the given sizes. */
export function generateWhisperFiles(sizes: { encoder: number; decoder: number; tokens: number }): GeneratedFile[] {
  return [
    ['encoder.int8.onnx', sizes.encoder],
    ['decoder.int8.onnx', sizes.decoder],
    ['tokens.txt', sizes.tokens],
  ].map(([name, size]) => {
    const content = randomBytes(size as number);
    return { name: name as string, content, sha256: sha256(content) };
  });
}

/**
 * A catalog entry for generated files, parsed by the real schema so fixtures cannot drift
 * from what the app accepts.
 */
export function testModel(id: string, files: GeneratedFile[], urlFor: (name: string) => string): CatalogModel {
  const catalog = ModelCatalog.parse({
    version: 1,
    models: [
      {
        id,
        displayName: `Test model ${id}`,
        engine: { kind: 'whisper', encoder: 'encoder.int8.onnx', decoder: 'decoder.int8.onnx', tokens: 'tokens.txt' },
        languages: ['en'],
        totalBytes: files.reduce((sum, file) => sum + file.content.length, 0),
        note: 'Generated for a test; random bytes.',
        license: 'MIT',
        source: 'https://example.invalid/source',
        sourceFolder: `upstream-${id}`,
        files: files.map((file) => ({ name: file.name, url: urlFor(file.name), bytes: file.content.length, sha256: file.sha256 })),
      },
    ],
  });
  return catalog.models[0]!;
}

export function testCatalog(...models: CatalogModel[]): ModelCatalog {
  return ModelCatalog.parse({ version: 1, models });
}

/** A disk with exactly this many bytes free (1-byte blocks, so no rounding). */
export function diskWithFree(bytes: number): StatFs {
  return async () => ({ bavail: bytes, bsize: 1 });
}

export const plentyOfSpace: StatFs = diskWithFree(1e12);

/** The real fetch, counting calls, so a test can prove nothing was requested. */
export function countingFetch(): { fetch: Fetch; calls: () => number } {
  let calls = 0;
  const fetch: Fetch = (input, init) => {
    calls += 1;
    return globalThis.fetch(input, init);
  };
  return { fetch, calls: () => calls };
}

/** Keeps log lines in memory, to check what the manager writes (and does not write) there. */
export function memoryLogger(): Logger & { lines: { level: string; event: string; fields: LogFields }[] } {
  const lines: { level: string; event: string; fields: LogFields }[] = [];
  const at =
    (level: string) =>
    (event: string, fields: LogFields = {}): void =>
      void lines.push({ level, event, fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
