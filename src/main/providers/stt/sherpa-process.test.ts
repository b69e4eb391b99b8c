import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../tests/support/eventually';
import { isRunning } from '../../../../tests/support/sherpa-addon-stand-in';
import { writeFakeSherpaAddon, type FakeAddon } from '../../../../tests/support/stt/fake-sherpa-addon';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { createSherpaProcess, type RecognitionEngine, type RecognitionRequest } from './sherpa-process';
import { recognizerConfig } from './sherpa-recognizer-config';
import { TranscriptionError } from './transcription-error';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';

/**
 * The real child process, running a stand-in addon that behaves like sherpa-onnx-node: it
 * answers, stalls, rejects, or exits the process as the native code does on a bad model.
 */
let temp: ReturnType<typeof makeTempDir>;
let addon: FakeAddon;
let engine: RecognitionEngine | undefined;

beforeEach(() => {
  temp = makeTempDir('stt-process');
  addon = writeFakeSherpaAddon(temp.path);
});
afterEach(() => {
  engine?.close();
  temp.remove();
});

const request = (tokens = 'tokens.txt'): RecognitionRequest => ({
  config: recognizerConfig({ family: 'whisper', files: { whisper: { encoder: '/m/encoder.onnx', decoder: '/m/decoder.onnx' }, tokens: `/m/${tokens}` } }, 1),
  samples: new Float32Array(16_000).fill(0.25),
  sampleRate: 16_000,
});

const start = (idleMs?: number): RecognitionEngine => (engine = createSherpaProcess({ addonPath: addon.path, ...(idleMs ? { idleMs } : {}) }));

const failureOf = (promise: Promise<unknown>): Promise<TranscriptionError> => failureOfClass(promise, TranscriptionError);

describe('the recognition child process', () => {
  it('loads the model once, keeps it, and returns what the recognizer says', async () => {
    addon.behave({ text: ' I led the migration ' });
    const recognizer = start();

    expect(await recognizer.recognize(request())).toBe(' I led the migration ');
    expect(await recognizer.recognize(request())).toBe(' I led the migration ');

    const events = addon.events();
    expect(events.filter((line) => line.startsWith('load'))).toHaveLength(1);
    expect(events.filter((line) => line.startsWith('decode'))).toEqual([expect.stringMatching(/ 16000 16000$/), expect.stringMatching(/ 16000 16000$/)]);
    expect(JSON.parse(events[0]!.split(' ').slice(2).join(' '))).toEqual(request().config);
    expect(addon.pids()).toHaveLength(1);
    expect(addon.pids()[0]).not.toBe(process.pid);
  });

  it('loads again when the model changes', async () => {
    const recognizer = start();

    await recognizer.recognize(request('a-tokens.txt'));
    await recognizer.recognize(request('b-tokens.txt'));

    expect(addon.events().filter((line) => line.startsWith('load'))).toHaveLength(2);
  });

  it('reports BAD_MODEL when the model does not load', async () => {
    addon.behave({ failDuring: 'load' });

    const error = await failureOf(start().recognize(request()));

    expect(error.code).toBe('BAD_MODEL');
  });

  it('survives a model that makes the native code exit the process, and starts afresh next time', async () => {
    addon.behave({ exitDuring: 'load' });
    const recognizer = start();

    expect((await failureOf(recognizer.recognize(request()))).code).toBe('BAD_MODEL');
    addon.behave({ text: 'fine' });
    expect(await recognizer.recognize(request())).toBe('fine');
    expect(addon.pids()).toHaveLength(2);
  });

  it('reports RECOGNITION_FAILED when decoding fails or the process dies mid-decode', async () => {
    const recognizer = start();
    addon.behave({ failDuring: 'decode' });
    expect((await failureOf(recognizer.recognize(request()))).code).toBe('RECOGNITION_FAILED');

    addon.behave({ exitDuring: 'decode' });
    expect((await failureOf(recognizer.recognize(request()))).code).toBe('RECOGNITION_FAILED');
  });

  it('cancels by ending the process, which frees its CPU at once', async () => {
    addon.behave({ decodeMs: 30_000 });
    const recognizer = start();
    const controller = new AbortController();

    const recognition = recognizer.recognize(request(), controller.signal);
    await eventually(() => addon.events().some((line) => line.startsWith('decode')));
    const started = performance.now();
    controller.abort();

    expect((await failureOf(recognition)).code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(1_000);
    await eventually(() => !isRunning(addon.pids()[0]!));
  });

  it('ends an idle process, and starts one again when needed', async () => {
    addon.behave({ text: 'again' });
    const recognizer = start(100);

    await recognizer.recognize(request());
    await eventually(() => !isRunning(addon.pids()[0]!));
    expect(await recognizer.recognize(request())).toBe('again');
    expect(addon.pids()).toHaveLength(2);
  });

  it('reports a missing addon as not working on this computer', async () => {
    engine = createSherpaProcess({ addonPath: join(temp.path, 'no-such-addon.cjs') });

    const error = await failureOf(engine.recognize(request()));

    expect(error.code).toBe('RECOGNITION_FAILED');
    expect(error.message).toMatch(/does not work on this computer/);
  });

  it('says the real addon is installed', () => {
    expect(createSherpaProcess().installed()).toBe(true);
  });
});
