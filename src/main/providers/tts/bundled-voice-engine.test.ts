import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { bundledEspeakModule, outsideAsar } from './bundled-espeak-package';
import { createBundledSpeechEngine, type BundledSpeechEngine } from './bundled-voice-engine';
import { SpeechSynthesisError } from './speech-synthesis-error';

/**
 * The worker thread's life: loading, crashing, hanging, idling. The real engine cannot be
 * made to do most of that, so a stand-in module with the same interface takes its place:
 * a tenth of a second of sound, or a failure chosen by the text it is given. What the real
 * engine says is tested in bundled-voice.test.ts.
 */
let temp: ReturnType<typeof makeTempDir>;
let engine: BundledSpeechEngine | undefined;
beforeEach(() => {
  temp = makeTempDir('tts-engine');
});
afterEach(() => {
  engine?.close();
  engine = undefined;
  temp.remove();
});

/** The stand-in refuses to load while this file exists. */
const refuseToLoad = (): string => join(temp.path, 'refuse-to-load');
const loadLog = (): string => join(temp.path, 'loads.log');

function writeStandIn(): string {
  const path = join(temp.path, 'stand-in-espeak.js');
  writeFileSync(
    path,
    `
import { appendFileSync, existsSync } from 'node:fs';
export default async function initialise() {
  if (existsSync(${JSON.stringify(refuseToLoad())})) throw new Error('no engine');
  appendFileSync(${JSON.stringify(loadLog())}, 'load\\n');
  return {
    eSpeakNGWorker: class {
      set_voice() { return 0; }
      set_rate() {}
      get_samplerate() { return 22050; }
      synthesize(text, callback) {
        if (text === 'crash') process.exit(3);
        if (text === 'throw later') setTimeout(() => { throw new Error('uncaught'); });
        if (text === 'throw') throw new Error('engine error');
        if (text === 'hang') for (;;);
        callback(new Int16Array(2205).fill(1000), []);
      }
    },
  };
}
`,
  );
  return path;
}

const start = (options: { idleMs?: number; timeoutMs?: number } = {}): BundledSpeechEngine =>
  (engine = createBundledSpeechEngine({ modulePath: writeStandIn(), ...options }));
const speak = (target: BundledSpeechEngine, text: string, signal?: AbortSignal) => target.speak({ text, wordsPerMinute: 165 }, signal);
const failureOf = (promise: Promise<unknown>): Promise<SpeechSynthesisError> => failureOfClass(promise, SpeechSynthesisError);
const loadsLogged = (): number => (existsSync(loadLog()) ? readFileSync(loadLog(), 'utf8').split('\n').filter(Boolean).length : 0);

describe('the bundled voice worker', () => {
  it('answers with the engine sound and keeps the worker between requests', async () => {
    const voice = start();

    const first = await speak(voice, 'hello');
    await speak(voice, 'hello again');

    expect(first).toEqual({ samples: new Int16Array(2205).fill(1000), sampleRate: 22_050, usedDefaultVoice: false });
    expect(voice.loads()).toBe(1);
    expect(loadsLogged()).toBe(1);
  });

  it('speaks requests made together one after another', async () => {
    const voice = start();

    const answers = await Promise.all([speak(voice, 'one'), speak(voice, 'two'), speak(voice, 'three')]);

    expect(answers.map((answer) => answer.samples.length)).toEqual([2205, 2205, 2205]);
    expect(voice.loads()).toBe(1);
  });

  it('says the voice is not available when the engine does not load, and tries afresh next time', async () => {
    writeFileSync(refuseToLoad(), '');
    const voice = start();

    const error = await failureOf(speak(voice, 'hello'));
    expect(error.code).toBe('NOT_AVAILABLE');
    expect(error.message).toMatch(/built-in voice could not be started/);

    rmSync(refuseToLoad());
    await speak(voice, 'hello');
    expect(voice.loads()).toBe(1);
  });

  it('reports a worker that exits while speaking, and starts a fresh one for the next request', async () => {
    const voice = start();
    await speak(voice, 'warm up');

    const error = await failureOf(speak(voice, 'crash'));
    expect(error.code).toBe('SYNTHESIS_FAILED');
    expect(error.message).toMatch(/built-in voice stopped/);

    await speak(voice, 'hello');
    expect(voice.loads()).toBe(2);
  });

  it('survives an exception that ends the worker between requests, and starts a fresh one', async () => {
    const voice = start();

    await speak(voice, 'throw later');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await speak(voice, 'hello');

    expect(voice.loads()).toBe(2);
  });

  it('reports an engine error and keeps the worker', async () => {
    const voice = start();

    const error = await failureOf(speak(voice, 'throw'));
    expect(error.code).toBe('SYNTHESIS_FAILED');
    await speak(voice, 'hello');

    expect(voice.loads()).toBe(1);
  });

  it('stops a worker that takes longer than its limit, and starts a fresh one for the next request', async () => {
    const voice = start({ timeoutMs: 500 });
    await speak(voice, 'warm up');

    const error = await failureOf(speak(voice, 'hang'));
    expect(error.code).toBe('TIMEOUT');

    await speak(voice, 'hello');
    expect(voice.loads()).toBe(2);
  });

  it('cancels a request still waiting its turn, without disturbing the one being spoken', async () => {
    const voice = start({ timeoutMs: 500 });
    const controller = new AbortController();

    const stuck = speak(voice, 'hang');
    const waiting = speak(voice, 'hello', controller.signal);
    controller.abort();

    expect((await failureOf(waiting)).code).toBe('CANCELLED');
    expect((await failureOf(stuck)).code).toBe('TIMEOUT');
  });

  it('frees the engine after its idle time and loads it again when needed', async () => {
    const voice = start({ idleMs: 100 });
    await speak(voice, 'hello');

    await new Promise((resolve) => setTimeout(resolve, 300));
    await speak(voice, 'hello');

    expect(voice.loads()).toBe(2);
  });

  it('rejects what is still waiting when closed', async () => {
    const voice = start();
    const speaking = [speak(voice, 'one'), speak(voice, 'two')];

    voice.close();

    for (const request of speaking) expect((await failureOf(request)).code).toBe('CANCELLED');
  });
});

describe('where the engine is', () => {
  it('is installed here, with its data beside it', () => {
    expect(createBundledSpeechEngine().installed()).toBe(true);
    expect(existsSync(join(bundledEspeakModule(), '..', 'espeak-ng.data'))).toBe(true);
    expect(createBundledSpeechEngine({ modulePath: join(temp.path, 'missing.js') }).installed()).toBe(false);
  });

  it('is read from the unpacked copy in a packaged app', () => {
    expect(outsideAsar('/opt/App/resources/app.asar/node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.js')).toBe(
      '/opt/App/resources/app.asar.unpacked/node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.js',
    );
    expect(outsideAsar('C:\\App\\resources\\app.asar\\node_modules\\x.js')).toBe('C:\\App\\resources\\app.asar.unpacked\\node_modules\\x.js');
    expect(outsideAsar('/work/main/node_modules/x.js')).toBe('/work/main/node_modules/x.js');
  });
});
