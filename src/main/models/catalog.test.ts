import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import { loadModelCatalog, parseModelCatalog } from './catalog-loader';
import { ESPEAK_DATA_FOLDER_NAME, ModelCatalog, purposeOf } from './catalog-schema';

/** resources/models/catalog.json is reviewed data (STYLE.md §8); this is its schema check. */
const raw = JSON.parse(readFileSync(join(RESOURCES_DIR, 'models', 'catalog.json'), 'utf8')) as unknown;

describe('the shipped model catalog', () => {
  it('matches the schema', () => {
    const parsed = ModelCatalog.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('loads through the loader the app uses, with speech-to-text models to choose from', () => {
    const models = loadModelCatalog(RESOURCES_DIR).models;
    expect(models.filter((entry) => purposeOf(entry.engine) === 'speech-to-text').length).toBeGreaterThan(0);
  });

  it('downloads every file from a Hugging Face revision pinned by commit, the same one its source page names', () => {
    // A branch name ("main") could change under a pinned SHA-256 and break every download.
    const pinned = /^https:\/\/huggingface\.co\/([\w.-]+\/[\w.-]+)\/resolve\/([0-9a-f]{40})\/([\w.-]+)$/;
    for (const model of loadModelCatalog(RESOURCES_DIR).models) {
      const source = /^https:\/\/huggingface\.co\/([\w.-]+\/[\w.-]+)\/tree\/([0-9a-f]{40})$/.exec(model.source);
      expect(source, model.id).not.toBeNull();
      for (const file of model.files) {
        const match = pinned.exec(file.url);
        expect(match, file.url).not.toBeNull();
        expect([match?.[1], match?.[2], match?.[3]], file.url).toEqual([source?.[1], source?.[2], file.name]);
      }
    }
  });
});

describe('the catalog schema', () => {
  const file = (name: string, bytes = 10) => ({ name, url: `https://example.org/${name}`, bytes, sha256: 'a'.repeat(64) });
  const model = (overrides: Record<string, unknown> = {}) => ({
    id: 'a-model',
    displayName: 'A model',
    engine: { kind: 'whisper', encoder: 'e.onnx', decoder: 'd.onnx', tokens: 't.txt' },
    languages: ['en'],
    totalBytes: 30,
    note: 'A short note for the user.',
    license: 'MIT',
    source: 'https://example.org/a-model',
    files: [file('e.onnx'), file('d.onnx'), file('t.txt')],
    ...overrides,
  });
  const problems = (...models: unknown[]): string[] => {
    const parsed = ModelCatalog.safeParse({ version: 1, models });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a well-formed entry', () => {
    expect(problems(model())).toEqual([]);
  });

  it.each([
    ['a digest that is not SHA-256', { files: [file('e.onnx'), file('d.onnx'), { ...file('t.txt'), sha256: 'abc' }] }, /files\.2\.sha256/],
    ['a total that is not the sum of the files', { totalBytes: 31 }, /totalBytes: is 31 but the files add up to 30/],
    ['an engine file that is not in the list', { engine: { kind: 'whisper', encoder: 'e.onnx', decoder: 'x.onnx', tokens: 't.txt' } }, /engine\.decoder/],
    ['a file name that climbs out of the folder', { files: [file('e.onnx'), file('d.onnx'), file('../t.txt')] }, /files\.2\.name/],
    ['a file name the manager reserves', { files: [file('e.onnx'), file('d.onnx'), file('installed.json')] }, /files\.2\.name/],
    ['a partial-file name', { files: [file('e.onnx'), file('d.onnx'), file('t.txt.part')] }, /files\.2\.name/],
    ['plain http from another computer', { files: [file('e.onnx'), file('d.onnx'), { ...file('t.txt'), url: 'http://example.org/t.txt' }] }, /files\.2\.url/],
    ['an unknown engine', { engine: { kind: 'kaldi', model: 'e.onnx' } }, /engine/],
  ])('rejects %s', (_label, overrides, expected) => {
    expect(problems(model(overrides)).join('\n')).toMatch(expected);
  });

  it('rejects duplicate model ids and allows loopback http for a local mirror', () => {
    expect(problems(model(), model()).join('\n')).toMatch(/duplicate model id a-model/);
    const local = file('t.txt');
    local.url = 'http://127.0.0.1:8080/t.txt';
    expect(problems(model({ files: [file('e.onnx'), file('d.onnx'), local] }))).toEqual([]);
  });

  const voice = (overrides: Record<string, unknown> = {}) =>
    model({ id: 'a-voice', engine: { kind: 'piper', model: 'en_US-a-medium.onnx', tokens: 'tokens.txt' }, totalBytes: 20, files: [file('en_US-a-medium.onnx'), file('tokens.txt')], ...overrides });

  it('accepts a Piper voice, whose purpose is speaking, next to speech-to-text models', () => {
    expect(problems(model(), voice())).toEqual([]);
    const catalog = ModelCatalog.parse({ version: 1, models: [model(), voice()] });
    expect(catalog.models.map((entry) => [entry.id, purposeOf(entry.engine)])).toEqual([
      ['a-model', 'speech-to-text'],
      ['a-voice', 'voice'],
    ]);
  });

  it('rejects a voice without its tokens file, and the espeak-ng data folder as an id', () => {
    expect(problems(voice({ totalBytes: 10, files: [file('en_US-a-medium.onnx')] })).join('\n')).toMatch(/engine\.tokens: names tokens\.txt/);
    expect(problems(voice({ engine: { kind: 'piper', model: 'en_US-a-medium.onnx' } })).join('\n')).toMatch(/engine\.tokens/);
    expect(problems(voice({ id: ESPEAK_DATA_FOLDER_NAME })).join('\n')).toMatch(/id: is the name of the espeak-ng data folder/);
  });

  it('says where a catalog is invalid', () => {
    expect(() => parseModelCatalog({ version: 1, models: [model({ totalBytes: 1 })] })).toThrow(/model catalog is invalid at models\.0\.totalBytes/);
  });
});
