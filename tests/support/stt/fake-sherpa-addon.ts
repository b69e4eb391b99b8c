import { writeAddonStandIn, type AddonStandIn } from '../sherpa-addon-stand-in';

/**
 * A stand-in for sherpa-onnx-node's OfflineRecognizer that the real recognition child
 * process loads (through sherpa-process.ts's `addonPath`), for tests of the process handling
 * without a model: it answers, stalls, or exits the process the way the real addon does on a
 * bad model.
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

/** Events: "load <pid> <config json>" or "decode <pid> <samples> <rate>". */
export type FakeAddon = AddonStandIn<FakeAddonBehaviour>;

const CLASSES = String.raw`
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

export const writeFakeSherpaAddon = (directory: string): FakeAddon => writeAddonStandIn(directory, CLASSES);
