/**
 * The program the recognition child process runs (see sherpa-process.ts), as plain CommonJS
 * for `node -e`. It is source text rather than a file of its own so that it starts the same
 * way everywhere: bundled by electron-vite (which would otherwise need an extra entry point),
 * under vitest and tsx (which would otherwise need a TypeScript loader in the child), and
 * under plain Node. Keep it small and free of imports other than the addon.
 *
 * argv[1]: the absolute path of sherpa-onnx-node, resolved by the parent.
 * Receives { id, config, samples: Float32Array, sampleRate }, one at a time.
 * Sends { id, loaded: true } after loading a model, then { id, text } or { id, failure }
 * with failure 'addon' | 'load' | 'decode'. Nothing it sends carries more than that.
 */
export const SHERPA_CHILD_SOURCE = String.raw`
'use strict';
let sherpa;
try {
  sherpa = require(process.argv[1]);
} catch {
  sherpa = undefined;
}
let loaded;
const send = (message) => {
  if (process.connected) process.send(message);
};
// The parent is gone (or closed the channel): nothing is left to do.
process.on('disconnect', () => process.exit(0));
process.on('message', async ({ id, config, samples, sampleRate }) => {
  if (!sherpa) return send({ id, failure: 'addon' });
  const key = JSON.stringify(config);
  if (loaded?.key !== key) {
    loaded = undefined;
    try {
      loaded = { key, recognizer: await sherpa.OfflineRecognizer.createAsync(config) };
    } catch {
      return send({ id, failure: 'load' });
    }
    send({ id, loaded: true });
  }
  try {
    const stream = loaded.recognizer.createStream();
    stream.acceptWaveform({ samples, sampleRate });
    const result = await loaded.recognizer.decodeAsync(stream);
    send({ id, text: typeof result.text === 'string' ? result.text : '' });
  } catch {
    send({ id, failure: 'decode' });
  }
});
`;
