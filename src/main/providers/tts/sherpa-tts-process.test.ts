import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../tests/support/eventually';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';
import { isRunning } from '../../../../tests/support/sherpa-addon-stand-in';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { writeFakeSherpaTtsAddon, type FakeTtsAddon } from '../../../../tests/support/tts/fake-sherpa-tts-addon';
import { createSherpaTtsProcess, type SpeechEngine, type SpeechRequest } from './sherpa-tts-process';
import { SpeechSynthesisError } from './speech-synthesis-error';

/**
 * The real child process, running a stand-in addon for what real sherpa-onnx cannot be made
 * to do on demand (take long, die mid-sentence). piper-voice.test.ts runs the real addon.
 */
let temp: ReturnType<typeof makeTempDir>;
let addon: FakeTtsAddon;
let engine: SpeechEngine | undefined;

beforeEach(() => {
  temp = makeTempDir('tts-process');
  addon = writeFakeSherpaTtsAddon(temp.path);
});
afterEach(() => {
  engine?.close();
  temp.remove();
});

const request = (model = 'voice.onnx', dataDir = '/data/espeak-ng-data'): SpeechRequest => ({
  config: { model: { vits: { model: `/m/${model}`, tokens: '/m/tokens.txt', dataDir }, numThreads: 1, provider: 'cpu', debug: 0 }, maxNumSentences: 1 },
  text: 'Tell me about yourself.',
  speed: 1,
});

const start = (idleMs?: number): SpeechEngine => (engine = createSherpaTtsProcess({ addonPath: addon.path, ...(idleMs ? { idleMs } : {}) }));
const loads = (): string[] => addon.events().filter((line) => line.startsWith('load'));
const failureOf = (promise: Promise<unknown>): Promise<SpeechSynthesisError> => failureOfClass(promise, SpeechSynthesisError);

describe('the speech child process', () => {
  it('loads the voice once, keeps it, and returns its samples', async () => {
    const synthesizer = start();

    const first = await synthesizer.generate(request());
    await synthesizer.generate(request());

    expect(first.samples).toBeInstanceOf(Float32Array);
    expect(first.samples).toHaveLength(1600);
    expect(first.sampleRate).toBe(16_000);
    expect(loads()).toHaveLength(1);
    expect(JSON.parse(loads()[0]!.split(' ').slice(2).join(' '))).toEqual(request().config);
    expect(addon.pids()).toHaveLength(1);
    expect(addon.pids()[0]).not.toBe(process.pid);
  });

  it('loads again when the voice changes, in the same process', async () => {
    const synthesizer = start();

    await synthesizer.generate(request('a.onnx'));
    await synthesizer.generate(request('b.onnx'));

    expect(loads()).toHaveLength(2);
    expect(addon.pids()).toHaveLength(1);
  });

  it('starts a new process when the espeak-ng data folder changes: espeak-ng starts once per process', async () => {
    const synthesizer = start();

    await synthesizer.generate(request('a.onnx', '/one/espeak-ng-data'));
    await synthesizer.generate(request('a.onnx', '/two/espeak-ng-data'));

    expect(addon.pids()).toHaveLength(2);
  });

  it('survives a voice that makes the native code exit the process, and starts afresh next time', async () => {
    addon.behave({ exitDuring: 'load' });
    const synthesizer = start();

    const error = await failureOf(synthesizer.generate(request()));
    expect(error.code).toBe('SYNTHESIS_FAILED');
    expect(error.message).toMatch(/could not be loaded/);

    addon.behave({});
    expect((await synthesizer.generate(request())).samples).toHaveLength(1600);
    expect(addon.pids()).toHaveLength(2);
  });

  it('reports a process that dies mid-sentence, or a sentence with no audio, as SYNTHESIS_FAILED', async () => {
    const synthesizer = start();
    addon.behave({ exitDuring: 'generate' });
    const died = await failureOf(synthesizer.generate(request()));
    expect(died.code).toBe('SYNTHESIS_FAILED');
    expect(died.message).toMatch(/did not produce any audio/);

    addon.behave({ silent: true });
    expect((await failureOf(synthesizer.generate(request()))).code).toBe('SYNTHESIS_FAILED');
  });

  it('cancels by ending the process, which frees its CPU at once', async () => {
    addon.behave({ generateMs: 30_000 });
    const synthesizer = start();
    const controller = new AbortController();

    const speaking = synthesizer.generate(request(), controller.signal);
    await eventually(() => addon.events().some((line) => line.startsWith('generate')));
    const started = performance.now();
    controller.abort();

    expect((await failureOf(speaking)).code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(1_000);
    await eventually(() => !isRunning(addon.pids()[0]!));
  });

  it('takes one request at a time', async () => {
    addon.behave({ generateMs: 300 });
    const synthesizer = start();

    const first = synthesizer.generate(request());
    await expect(synthesizer.generate(request())).rejects.toThrow(/one request at a time/);
    await first;
  });

  it('ends an idle process, and starts one again when needed', async () => {
    const synthesizer = start(100);

    await synthesizer.generate(request());
    await eventually(() => !isRunning(addon.pids()[0]!));
    await synthesizer.generate(request());
    expect(addon.pids()).toHaveLength(2);
  });

  it('reports a missing addon as not working on this computer', async () => {
    engine = createSherpaTtsProcess({ addonPath: join(temp.path, 'no-such-addon.cjs') });

    const error = await failureOf(engine.generate(request()));

    expect(error.code).toBe('NOT_AVAILABLE');
    expect(error.message).toMatch(/do not work on this computer/);
  });

  it('says the real addon is installed', () => {
    expect(createSherpaTtsProcess().installed()).toBe(true);
  });
});
