import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SENTINEL } from '@electron/fuses/dist/constants';

/**
 * A stand-in for Electron's Linux distribution folder, for `electron-builder --dir` where no
 * Electron binary can be downloaded. Its "binary" is a script that refuses to run, followed
 * by the fuse wire Electron's binary carries (sentinel, version 1, length, one byte per fuse)
 * set to Electron's defaults, so electron-builder's fuse step runs on it as on the real one
 * and the test can read what it set.
 */
const ELECTRON_DEFAULT_FUSES = '10110001';

export function writePlaceholderElectron(dir: string, version: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "placeholder Electron: this folder is for checking a package layout only" >&2\nexit 1\n');
  const wire = Buffer.from([1, ELECTRON_DEFAULT_FUSES.length, ...Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1')]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, Buffer.from(SENTINEL, 'latin1'), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'placeholder');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
}
