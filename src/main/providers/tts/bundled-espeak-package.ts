import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * Where the bundled espeak-ng (WebAssembly, GPL-3.0; docs/licensing.md) is: the built-in voice
 * runs it (bundled-voice-engine.ts) and natural voices take its data folder (espeak-ng-data.ts).
 *
 * In the packaged app the package is unpacked beside app.asar (electron-builder.yml,
 * asarUnpack): the module reads espeak-ng.data from beside itself with plain `fs`, and a
 * worker thread is not promised Electron's asar support, so both are pointed at that copy.
 */
export const BUNDLED_ESPEAK_PACKAGE = '@echogarden/espeak-ng-emscripten';

// Not named `require`: the bundle is one ES module, where that name is already taken.
const requireHere = createRequire(import.meta.url);

export const outsideAsar = (path: string): string => path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');

/** The package's entry module (espeak-ng.js). */
export const bundledEspeakModule = (): string => outsideAsar(requireHere.resolve(BUNDLED_ESPEAK_PACKAGE));

/** The package's folder (package.json, espeak-ng.js, espeak-ng.data). */
export const bundledEspeakPackageDir = (): string => outsideAsar(dirname(requireHere.resolve(`${BUNDLED_ESPEAK_PACKAGE}/package.json`)));
