import { writeAddonStandIn, type AddonStandIn } from '../sherpa-addon-stand-in';

/**
 * A stand-in for sherpa-onnx-node's OfflineTts that the real speech child process loads
 * (through sherpa-tts-process.ts's `addonPath`), for what the real addon cannot be made to
 * do on demand: take long, or exit the process in the middle of speaking.
 */
export interface FakeTtsBehaviour {
  /** How long generating takes. */
  generateMs?: number;
  /** Exit the process, as sherpa-onnx's native code does on some bad files. */
  exitDuring?: 'load' | 'generate';
  /** Produce no samples, as sherpa-onnx does for text it cannot phonemise. */
  silent?: boolean;
}

/** Events: "load <pid> <config json>" or "generate <pid> <chars> <speed>". */
export type FakeTtsAddon = AddonStandIn<FakeTtsBehaviour>;

const CLASSES = String.raw`
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

export const writeFakeSherpaTtsAddon = (directory: string): FakeTtsAddon => writeAddonStandIn(directory, CLASSES);
