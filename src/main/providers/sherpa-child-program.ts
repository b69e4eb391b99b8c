/**
 * The program a sherpa-onnx child process runs (see sherpa-child-process.ts), as plain
 * CommonJS for `node -e`. It is source text rather than a file of its own so that it starts
 * the same way everywhere: bundled by electron-vite (which would otherwise need an extra entry
 * point), under vitest and tsx (which would otherwise need a TypeScript loader in the child),
 * and under plain Node. Keep it small and free of imports other than the addon.
 *
 * `work` is the part that differs between recognition and voices, source text defining
 *   load(sherpa, config): Promise<model>  — called once per config, however many requests;
 *   run(model, request): Promise<fields>  — the answer's fields, sent as they are.
 * A failure of `run` (a thrown error or a returned { failure: 'run' }) says only that.
 *
 * argv[1]: the absolute path of sherpa-onnx-node, resolved by the parent.
 * Receives { id, config, ...request }, one at a time.
 * Sends { id, loaded: true } after loading a model, then { id, ...fields } or { id, failure }
 * with failure 'addon' | 'load' | 'run'. Never the addon's own messages: they may quote the
 * text or transcript.
 */
export const sherpaChildProgram = (work: string): string => String.raw`
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
process.on('message', async (request) => {
  const { id, config } = request;
  if (!sherpa) return send({ id, failure: 'addon' });
  const key = JSON.stringify(config);
  if (loaded?.key !== key) {
    loaded = undefined;
    try {
      loaded = { key, model: await load(sherpa, config) };
    } catch {
      return send({ id, failure: 'load' });
    }
    send({ id, loaded: true });
  }
  try {
    send({ id, ...(await run(loaded.model, request)) });
  } catch {
    send({ id, failure: 'run' });
  }
});
${work}
`;
