import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the stand-ins for sherpa-onnx-node (stt/fake-sherpa-addon.ts, tts/fake-sherpa-tts-addon.ts)
 * share: a CommonJS module the real child process loads through `addonPath`, whose behaviour
 * is read from a JSON file at each call (so a test can change it between calls) and which
 * records what it is asked to do, one line per event, in a file the test reads.
 */
export interface AddonStandIn<Behaviour> {
  path: string;
  behave(behaviour: Behaviour): void;
  /** One line per event, "<event> <pid> <details>". */
  events(): string[];
  /** The ids of the processes that recorded events, in order of their first event. */
  pids(): number[];
}

/**
 * `classes` is CommonJS that sets module.exports; it may call behaviour() for the current
 * behaviour and record(line) to add an event.
 */
export function writeAddonStandIn<Behaviour>(directory: string, classes: string): AddonStandIn<Behaviour> {
  const path = join(directory, 'fake-sherpa-onnx-node.cjs');
  writeFileSync(path, PREAMBLE + classes);
  writeFileSync(join(directory, 'events.log'), '');
  const behave = (behaviour: Behaviour): void => writeFileSync(join(directory, 'behaviour.json'), JSON.stringify(behaviour));
  writeFileSync(join(directory, 'behaviour.json'), '{}');
  const events = (): string[] => readFileSync(join(directory, 'events.log'), 'utf8').split('\n').filter(Boolean);
  return { path, behave, events, pids: () => [...new Set(events().map((line) => Number(line.split(' ')[1])))] };
}

const PREAMBLE = String.raw`
'use strict';
const { readFileSync, appendFileSync } = require('node:fs');
const { join } = require('node:path');
const behaviour = () => JSON.parse(readFileSync(join(__dirname, 'behaviour.json'), 'utf8'));
const record = (line) => appendFileSync(join(__dirname, 'events.log'), line + '\n');
`;

/** Whether a process with this id is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
