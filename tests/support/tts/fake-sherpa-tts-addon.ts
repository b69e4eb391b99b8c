import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stand-in for sherpa-onnx-node's OfflineTts that the real speech child process loads
 * (through sherpa-tts-process.ts's `addonPath`), for what the real addon cannot be made to
 * do on demand: take long, or exit the process in the middle of speaking. Its behaviour is
 * read from a JSON file at each call, so a test can change it between calls.
 */
export interface FakeTtsBehaviour {
  /** How long generating takes. */
  generateMs?: number;
  /** Exit the process, as sherpa-onnx's native code does on some bad files. */
  exitDuring?: 'load' | 'generate';
  /** Produce no samples, as sherpa-onnx does for text it cannot phonemise. */
  silent?: boolean;
}

export interface FakeTtsAddon {
  path: string;
  behave(behaviour: FakeTtsBehaviour): void;
  /** One line per event: "load <pid> <config json>" or "generate <pid> <chars> <speed>". */
  events(): string[];
}

const SOURCE = String.raw`
'use strict';
const { readFileSync, appendFileSync } = require('node:fs');
const { join } = require('node:path');
const behaviour = () => JSON.parse(readFileSync(join(__dirname, 'behaviour.json'), 'utf8'));
const record = (line) => appendFileSync(join(__dirname, 'events.log'), line + '\n');
class OfflineTts {
  static async createAsync(config) {
    record('load ' + process.pid + ' ' + JSON.stringify(config));
    if (behaviour().exitDuring === 'load') process.exit(255);
    return new OfflineTts();
  }
  async generateAsync({ text, speed }) {
    const b = behaviour();
    record('generate ' + process.pid + ' ' + text.length + ' ' + speed);
    await new Promise((resolve) => setTimeout(resolve, b.generateMs ?? 0));
    if (b.exitDuring === 'generate') process.exit(255);
    const samples = new Float32Array(b.silent ? 0 : 1600).map((_, i) => 0.5 * Math.sin(i / 4));
    return { samples, sampleRate: 16000 };
  }
}
module.exports = { OfflineTts };
`;

export function writeFakeSherpaTtsAddon(directory: string): FakeTtsAddon {
  const path = join(directory, 'fake-sherpa-onnx-node.cjs');
  writeFileSync(path, SOURCE);
  writeFileSync(join(directory, 'events.log'), '');
  const behave = (behaviour: FakeTtsBehaviour): void => writeFileSync(join(directory, 'behaviour.json'), JSON.stringify(behaviour));
  behave({});
  return {
    path,
    behave,
    events: () => readFileSync(join(directory, 'events.log'), 'utf8').split('\n').filter(Boolean),
  };
}
