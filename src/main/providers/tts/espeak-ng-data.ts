import { randomUUID } from 'node:crypto';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { silentLogger, type Logger } from '../../log';
import { BUNDLED_ESPEAK_PACKAGE, bundledEspeakPackageDir } from './bundled-espeak-package';

/**
 * Piper voices phonemise with espeak-ng, which sherpa-onnx has compiled in but which needs
 * its data folder (phontab, phondata, en_dict, lang/, voices/ …) on disk. That folder comes
 * from a package the app already ships, @echogarden/espeak-ng-emscripten (GPL-3.0, like the
 * installers), whose Emscripten file system holds it at /usr/share/espeak-ng-data.
 *
 * It is extracted beside its destination under a temporary name, stamped with the package's
 * name and version, and only then renamed into place: a folder without the right stamp is
 * never used, so a crash mid-way or an app update with a newer package extracts it again.
 */
export interface EspeakNgDataOptions {
  log?: Logger;
  /** For tests: the package folder to extract from, in place of the installed package. */
  packageDir?: string;
}

/** Written last, so its presence with the current stamp means the folder is complete. */
export const ESPEAK_NG_DATA_STAMP_FILE = '.extracted-from';

const extracting = new Map<string, Promise<string>>();

/**
 * Makes sure `targetDir` holds espeak-ng's data and resolves with its absolute path. Calls
 * for the same folder while one is extracting wait for it rather than extracting again.
 */
export function ensureEspeakNgData(targetDir: string, options: EspeakNgDataOptions = {}): Promise<string> {
  const target = resolve(targetDir);
  let running = extracting.get(target);
  if (!running) {
    running = prepare(target, options).finally(() => extracting.delete(target));
    extracting.set(target, running);
  }
  return running;
}

async function prepare(target: string, options: EspeakNgDataOptions): Promise<string> {
  const log = options.log ?? silentLogger;
  const source = await bundledSource(options.packageDir);
  if ((await readStamp(target)) === source.stamp && (await hasCoreFiles(target))) return target;

  const started = performance.now();
  await removeLeftovers(target);
  const part = `${target}.part-${randomUUID().slice(0, 8)}`;
  try {
    const { files } = await extractInWorker(source.moduleUrl, part);
    await writeFile(join(part, ESPEAK_NG_DATA_STAMP_FILE), source.stamp);
    await moveIntoPlace(part, target);
    log.info('tts.espeak_data.extracted', { files, ms: Math.round(performance.now() - started) });
    return target;
  } catch (error) {
    await rm(part, { recursive: true, force: true });
    throw error;
  }
}

/** What espeak-ng cannot start without; a folder missing one (deleted by hand, a disk error) is extracted again. */
const CORE_FILES = ['phontab', 'phonindex', 'phondata', 'intonations', 'en_dict'];

async function hasCoreFiles(target: string): Promise<boolean> {
  const sizes = await Promise.all(CORE_FILES.map((name) => stat(join(target, name)).then((file) => file.size, () => 0)));
  return sizes.every((size) => size > 0);
}

async function bundledSource(packageDir: string | undefined): Promise<{ moduleUrl: string; stamp: string }> {
  const dir = packageDir ?? bundledEspeakPackageDir();
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; main?: string };
  return {
    moduleUrl: pathToFileURL(join(dir, manifest.main ?? 'espeak-ng.js')).href,
    stamp: `${manifest.name ?? BUNDLED_ESPEAK_PACKAGE}@${manifest.version ?? 'unknown'}\n`,
  };
}

const readStamp = (target: string): Promise<string | undefined> =>
  readFile(join(target, ESPEAK_NG_DATA_STAMP_FILE), 'utf8').catch(() => undefined);

/** Folders a crashed extraction left beside the target (the app runs one instance at a time). */
async function removeLeftovers(target: string): Promise<void> {
  const prefix = basename(target);
  const siblings = await readdir(dirname(target)).catch(() => [] as string[]);
  const leftovers = siblings.filter((name) => name.startsWith(`${prefix}.part-`) || name.startsWith(`${prefix}.old-`));
  await Promise.all(leftovers.map((name) => rm(join(dirname(target), name), { recursive: true, force: true })));
}

/** A stale folder (older package, or no stamp) is moved aside first: rename cannot replace a folder. */
async function moveIntoPlace(part: string, target: string): Promise<void> {
  const old = `${target}.old-${randomUUID().slice(0, 8)}`;
  const hadOld = await rename(target, old).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(part, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/**
 * The Emscripten module takes about 0.1 s to start and holds the whole 24 MB package in its
 * memory; in a worker thread neither blocks the main process's event loop, and the memory
 * goes when the worker ends. The worker is source text for the same reason as the
 * sherpa-onnx child processes (sherpa-child-program.ts): it starts the same way bundled or not.
 */
function extractInWorker(moduleUrl: string, destination: string): Promise<{ files: number }> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(EXTRACT_WORKER_SOURCE, { eval: true, workerData: { moduleUrl, destination } });
    let settled = false;
    worker.once('message', (message: { files?: number; error?: string }) => {
      settled = true;
      if (typeof message.files === 'number') resolvePromise({ files: message.files });
      else reject(new Error(`espeak-ng data could not be extracted: ${message.error ?? 'unknown error'}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new Error(`espeak-ng data could not be extracted: ${error.message}`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`espeak-ng data could not be extracted: the worker stopped (${code})`));
    });
  });
}

/** workerData: { moduleUrl, destination }. Posts { files } or { error }. */
const EXTRACT_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const ROOT = '/usr/share/espeak-ng-data';
(async () => {
  const { default: init } = await import(workerData.moduleUrl);
  const { FS } = await init();
  let files = 0;
  const copy = (from, to) => {
    mkdirSync(to, { recursive: true });
    for (const name of FS.readdir(from)) {
      if (name === '.' || name === '..') continue;
      const mode = FS.stat(from + '/' + name).mode;
      if (FS.isDir(mode)) copy(from + '/' + name, join(to, name));
      else if (FS.isFile(mode)) {
        writeFileSync(join(to, name), FS.readFile(from + '/' + name));
        files++;
      }
    }
  };
  copy(ROOT, workerData.destination);
  if (files === 0) throw new Error('the package holds no espeak-ng data');
  parentPort.postMessage({ files });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;
