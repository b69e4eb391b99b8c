import { sherpaChildProgram } from '../sherpa-child-program';

/**
 * The recognition child's program (see sherpa-process.ts): sherpaChildProgram's shared part
 * plus what recognition does, in the same plain CommonJS, free of imports.
 *
 * Receives { id, config, samples: Float32Array, sampleRate }.
 * Answers { id, text }: the recognizer's text and nothing else.
 */
export const SHERPA_CHILD_SOURCE = sherpaChildProgram(String.raw`
function load(sherpa, config) {
  return sherpa.OfflineRecognizer.createAsync(config);
}
async function run(recognizer, { samples, sampleRate }) {
  const stream = recognizer.createStream();
  stream.acceptWaveform({ samples, sampleRate });
  const result = await recognizer.decodeAsync(stream);
  return { text: typeof result.text === 'string' ? result.text : '' };
}
`);
