/**
 * The program the bundled voice's worker thread runs (see bundled-voice-engine.ts), as plain
 * CommonJS for `new Worker(source, { eval: true })`. It is source text rather than a file of
 * its own for the reason sherpa-child-program.ts gives: it then starts the same way bundled by
 * electron-vite, under vitest and tsx, and under plain Node. Keep it small and free of
 * imports other than Node's own and the espeak-ng module.
 *
 * workerData: { modulePath } (the absolute path of @echogarden/espeak-ng-emscripten, resolved
 * by the parent) and { cancel }, a SharedArrayBuffer holding the id of a request to give up:
 * synthesis is synchronous, so no message could reach this thread while it runs, but the
 * engine asks its callback after every chunk of audio whether to go on.
 *
 * Sends { type: 'loaded', ms, rssGrowthBytes } once the engine is ready.
 * Receives { id, text, voice, wordsPerMinute }, one at a time.
 * Answers { id, samples: Int16Array, sampleRate, usedDefaultVoice }, { id, cancelled: true }
 * or { id, failure: 'load' | 'synthesis' }. Nothing it sends or prints carries the text.
 */
export const BUNDLED_VOICE_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');

// American English: the interviewer's voice when the settings name none this engine has.
const DEFAULT_VOICE = 'en-us';
// espeak-ng voice names and language tags are short; anything longer is not one.
const MAX_VOICE_NAME = 100;
const cancel = new Int32Array(workerData.cancel);
const quiet = () => {};

async function load() {
  const rssBefore = process.memoryUsage.rss();
  const started = performance.now();
  try {
    const { default: initialise } = await import(pathToFileURL(workerData.modulePath).href);
    // espeak-ng prints warnings ("Unknown phoneme table") that would break the host's JSON log lines.
    const wasm = await initialise({ print: quiet, printErr: quiet });
    const engine = new wasm.eSpeakNGWorker();
    parentPort.postMessage({
      type: 'loaded',
      ms: Math.round(performance.now() - started),
      rssGrowthBytes: process.memoryUsage.rss() - rssBefore,
    });
    return engine;
  } catch {
    return undefined;
  }
}

/** A voice by name ("en-us", "en-us+f3", "English (America)"), then by language ("en-gb"), else the default. */
function chooseVoice(engine, name) {
  if (typeof name === 'string' && name && name.length <= MAX_VOICE_NAME) {
    if (engine.set_voice(name) === 0) return true;
    if (engine.set_voice('', name) === 0) return true;
  }
  engine.set_voice(DEFAULT_VOICE);
  return !name;
}

function speak(engine, { id, text, voice, wordsPerMinute }) {
  const usedDefaultVoice = !chooseVoice(engine, voice);
  engine.set_rate(wordsPerMinute);
  const chunks = [];
  let length = 0;
  let cancelled = false;
  engine.synthesize(text, (samples) => {
    if (Atomics.load(cancel, 0) === id) {
      cancelled = true;
      return 1;
    }
    chunks.push(samples);
    length += samples.length;
    return 0;
  });
  if (cancelled) return parentPort.postMessage({ id, cancelled: true });
  const samples = new Int16Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    samples.set(chunk, offset);
    offset += chunk.length;
  }
  parentPort.postMessage({ id, samples, sampleRate: engine.get_samplerate(), usedDefaultVoice }, [samples.buffer]);
}

const ready = load();
parentPort.on('message', async (request) => {
  const engine = await ready;
  if (!engine) return parentPort.postMessage({ id: request.id, failure: 'load' });
  try {
    speak(engine, request);
  } catch {
    parentPort.postMessage({ id: request.id, failure: 'synthesis' });
  }
});
`;
