import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BUNDLED_ESPEAK_COMMAND } from '../audio/bundled-speech';
import { findOnPath } from '../system-tools';

/**
 * The system voice (the real espeak-ng, or where it is not installed the bundled one as a
 * command) behind a gate the test opens: while `hold()` is in force,
 * the next question waits in its synthesis, with a marker saying so, until `release()`. It
 * makes "while the next question is being spoken" a window the test controls instead of a
 * race it hopes to win. Put `binDir` first on PATH; the app finds it as it finds espeak-ng.
 */
export interface GatedVoice {
  binDir: string;
  hold(): void;
  /** True once a synthesis is waiting at the gate. */
  waiting(): boolean;
  release(): void;
}

const quoted = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

export function createGatedVoice(folder: string): GatedVoice {
  const realProgram = findOnPath('espeak-ng');
  const voiceCommand = (realProgram ? [realProgram] : BUNDLED_ESPEAK_COMMAND).map(quoted).join(' ');
  const binDir = join(folder, 'bin');
  const gate = join(folder, 'gate');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(gate, { recursive: true });
  const program = join(binDir, 'espeak-ng');
  writeFileSync(
    program,
    [
      '#!/bin/sh',
      `if [ -e '${gate}/hold' ]; then`,
      `  : > '${gate}/waiting'`,
      `  while [ ! -e '${gate}/release' ]; do sleep 0.02; done`,
      'fi',
      `exec ${voiceCommand} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(program, 0o755);
  return {
    binDir,
    hold() {
      rmSync(join(gate, 'release'), { force: true });
      rmSync(join(gate, 'waiting'), { force: true });
      writeFileSync(join(gate, 'hold'), '');
    },
    waiting: () => existsSync(join(gate, 'waiting')),
    release() {
      rmSync(join(gate, 'hold'), { force: true });
      writeFileSync(join(gate, 'release'), '');
    },
  };
}

/** PATH with `binDir` first, for the duration of a test file. */
export function withFirstOnPath(binDir: string): () => void {
  const before = process.env['PATH'];
  process.env['PATH'] = [binDir, before ?? ''].join(delimiter);
  return () => {
    process.env['PATH'] = before;
  };
}
