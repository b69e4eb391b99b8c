import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../log';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { ESPEAK_NG_DATA_STAMP_FILE, ensureEspeakNgData } from './espeak-ng-data';

/** The real package, extracted for real: about 460 files, 24 MB. */
let temp: ReturnType<typeof makeTempDir>;
let events: { event: string; fields?: LogFields }[];
const log: Logger = {
  info: (event, fields) => events.push({ event, fields }),
  warn: (event, fields) => events.push({ event, fields }),
  error: (event, fields) => events.push({ event, fields }),
};
const target = (): string => join(temp.path, 'models', 'espeak-ng-data');
const extractions = (): number => events.filter((e) => e.event === 'tts.espeak_data.extracted').length;

beforeEach(() => {
  temp = makeTempDir('espeak-data');
  mkdirSync(join(temp.path, 'models'));
  events = [];
});
afterEach(() => temp.remove());

describe('espeak-ng data from the bundled package', () => {
  it('extracts the standard espeak-ng-data tree, stamped with the package version, and nothing beside it', async () => {
    const dir = await ensureEspeakNgData(target(), { log });

    expect(dir).toBe(target());
    for (const file of ['phontab', 'phonindex', 'phondata', 'intonations', 'en_dict']) {
      expect(statSync(join(dir, file)).size, file).toBeGreaterThan(0);
    }
    expect(statSync(join(dir, 'lang')).isDirectory()).toBe(true);
    expect(statSync(join(dir, 'voices')).isDirectory()).toBe(true);
    expect(readFileSync(join(dir, ESPEAK_NG_DATA_STAMP_FILE), 'utf8')).toBe('@echogarden/espeak-ng-emscripten@0.3.5\n');
    expect(readdirSync(join(temp.path, 'models'))).toEqual(['espeak-ng-data']);
    const extracted = events.find((e) => e.event === 'tts.espeak_data.extracted');
    expect(extracted?.fields?.files).toBeGreaterThan(400);
  });

  it('uses a complete folder as it is: a second call does not extract again', async () => {
    await ensureEspeakNgData(target(), { log });
    const before = statSync(join(target(), 'phondata')).mtimeMs;

    await ensureEspeakNgData(target(), { log });

    expect(extractions()).toBe(1);
    expect(statSync(join(target(), 'phondata')).mtimeMs).toBe(before);
  });

  it('extracts once for calls made while it is extracting', async () => {
    const dirs = await Promise.all([ensureEspeakNgData(target(), { log }), ensureEspeakNgData(target(), { log })]);

    expect(dirs).toEqual([target(), target()]);
    expect(extractions()).toBe(1);
  });

  it('replaces a folder without the stamp (a half-written one) and removes what a crash left beside it', async () => {
    mkdirSync(target());
    writeFileSync(join(target(), 'phontab'), 'half');
    mkdirSync(`${target()}.part-0badf00d`);
    writeFileSync(join(`${target()}.part-0badf00d`, 'phondata'), 'half');

    await ensureEspeakNgData(target(), { log });

    expect(extractions()).toBe(1);
    expect(statSync(join(target(), 'phontab')).size).toBeGreaterThan(100);
    expect(readdirSync(join(temp.path, 'models'))).toEqual(['espeak-ng-data']);
  });

  it('extracts again when a file espeak-ng needs has gone from a stamped folder', async () => {
    await ensureEspeakNgData(target(), { log });
    rmSync(join(target(), 'phondata'));

    await ensureEspeakNgData(target(), { log });

    expect(extractions()).toBe(2);
    expect(statSync(join(target(), 'phondata')).size).toBeGreaterThan(0);
  });

  it('extracts again after an update: a folder stamped with another version is replaced', async () => {
    await ensureEspeakNgData(target(), { log });
    writeFileSync(join(target(), ESPEAK_NG_DATA_STAMP_FILE), '@echogarden/espeak-ng-emscripten@0.3.4\n');

    await ensureEspeakNgData(target(), { log });

    expect(extractions()).toBe(2);
    expect(readFileSync(join(target(), ESPEAK_NG_DATA_STAMP_FILE), 'utf8')).toMatch(/@0\.3\.5\n$/);
    expect(readdirSync(join(temp.path, 'models'))).toEqual(['espeak-ng-data']);
  });

  it('leaves nothing behind when the package cannot be read, and tries again next time', async () => {
    const broken = join(temp.path, 'broken-package');
    mkdirSync(broken);
    writeFileSync(join(broken, 'package.json'), JSON.stringify({ name: 'broken', version: '1.0.0', type: 'module', main: 'index.js' }));
    writeFileSync(join(broken, 'index.js'), 'export default async () => { throw new Error("no memory"); };');

    await expect(ensureEspeakNgData(target(), { log, packageDir: broken })).rejects.toThrow(/espeak-ng data could not be extracted: no memory/);

    expect(readdirSync(join(temp.path, 'models'))).toEqual([]);
    expect(existsSync(target())).toBe(false);
    await ensureEspeakNgData(target(), { log });
    expect(extractions()).toBe(1);
  });
});
