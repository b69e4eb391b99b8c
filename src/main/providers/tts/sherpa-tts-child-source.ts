import { sherpaChildProgram } from '../sherpa-child-program';

/**
 * The speech child's program (see sherpa-tts-process.ts): sherpaChildProgram's shared part
 * plus what a voice does, in the same plain CommonJS, free of imports.
 *
 * Receives { id, config, text, speed }.
 * Answers { id, samples: Float32Array, sampleRate }, never the text; no samples (text
 * sherpa-onnx cannot phonemise) is a failure.
 */
export const SHERPA_TTS_CHILD_SOURCE = sherpaChildProgram(String.raw`
function load(sherpa, config) {
  return sherpa.OfflineTts.createAsync(config);
}
async function run(tts, { text, speed }) {
  const audio = await tts.generateAsync({ text, sid: 0, speed });
  if (!audio || !audio.samples || audio.samples.length === 0) return { failure: 'run' };
  return { samples: audio.samples, sampleRate: audio.sampleRate };
}
`);
