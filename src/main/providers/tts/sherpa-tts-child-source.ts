/**
 * The program the speech child process runs (see sherpa-tts-process.ts), as plain CommonJS
 * for `node -e`, for the same reasons as the recognition child (stt/sherpa-child-source.ts):
 * it starts the same way bundled by electron-vite, under vitest and under plain Node. Keep
 * it small and free of imports other than the addon.
 *
 * argv[1]: the absolute path of sherpa-onnx-node, resolved by the parent.
 * Receives { id, config, text, speed }, one at a time.
 * Sends { id, loaded: true } after loading a voice, then { id, samples: Float32Array,
 * sampleRate } or { id, failure } with failure 'addon' | 'load' | 'generate'. Nothing it
 * sends carries the text or the addon's messages.
 */
export const SHERPA_TTS_CHILD_SOURCE = String.raw`
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
process.on('message', async ({ id, config, text, speed }) => {
  if (!sherpa) return send({ id, failure: 'addon' });
  const key = JSON.stringify(config);
  if (loaded?.key !== key) {
    loaded = undefined;
    try {
      loaded = { key, tts: await sherpa.OfflineTts.createAsync(config) };
    } catch {
      return send({ id, failure: 'load' });
    }
    send({ id, loaded: true });
  }
  try {
    const audio = await loaded.tts.generateAsync({ text, sid: 0, speed });
    if (!audio || !audio.samples || audio.samples.length === 0) return send({ id, failure: 'generate' });
    send({ id, samples: audio.samples, sampleRate: audio.sampleRate });
  } catch {
    send({ id, failure: 'generate' });
  }
});
`;
