import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stand-in for sherpa-onnx-node that the real recognition child process loads (through
 * sherpa-process.ts's `addonPath`), for tests of the process handling without a model: it
 * answers, stalls, or exits the process the way the real addon does on a bad model.
 * Its behaviour is read from a JSON file at each call, so a test can change it between calls.
 */
export interface FakeAddonBehaviour {
  text?: string;
  /** How long a decode takes. */
  decodeMs?: number;
  /** Exit the process, as sherpa-onnx's native code does on some bad model files. */
  exitDuring?: 'load' | 'decode';
  /** Reject, as sherpa-onnx does on an unreadable model. */
  failDuring?: 'load' | 'decode';
}

export interface FakeAddon {
  path: string;
  behave(behaviour: FakeAddonBehaviour): void;
  /** One line per event, "load <pid> <config json>" or "decode <pid> <samples> <rate>". */
  events(): string[];
}

const SOURCE = String.raw`
'use strict';
const { readFileSync, appendFileSync } = require('node:fs');
const { join } = require('node:path');
const behaviour = () => JSON.parse(readFileSync(join(__dirname, 'behaviour.json'), 'utf8'));
const record = (line) => appendFileSync(join(__dirname, 'events.log'), line + '\n');
class OfflineRecognizer {
  static async createAsync(config) {
    const b = behaviour();
    record('load ' + process.pid + ' ' + JSON.stringify(config));
    if (b.exitDuring === 'load') process.exit(255);
    if (b.failDuring === 'load') throw new Error('Protobuf parsing failed.');
    return new OfflineRecognizer();
  }
  createStream() {
    return { acceptWaveform(wave) { this.wave = wave; } };
  }
  async decodeAsync(stream) {
    const b = behaviour();
    record('decode ' + process.pid + ' ' + stream.wave.samples.length + ' ' + stream.wave.sampleRate);
    await new Promise((resolve) => setTimeout(resolve, b.decodeMs ?? 0));
    if (b.exitDuring === 'decode') process.exit(255);
    if (b.failDuring === 'decode') throw new Error('decode failed');
    return { text: b.text ?? '' };
  }
}
module.exports = { OfflineRecognizer };
`;

export function writeFakeSherpaAddon(directory: string): FakeAddon {
  const path = join(directory, 'fake-sherpa-onnx-node.cjs');
  writeFileSync(path, SOURCE);
  writeFileSync(join(directory, 'events.log'), '');
  const behave = (behaviour: FakeAddonBehaviour): void => writeFileSync(join(directory, 'behaviour.json'), JSON.stringify(behaviour));
  behave({});
  return {
    path,
    behave,
    events: () => readFileSync(join(directory, 'events.log'), 'utf8').split('\n').filter(Boolean),
  };
}

/** Whether a process with this id is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
