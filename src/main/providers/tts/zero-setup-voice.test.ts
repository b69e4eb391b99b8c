import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';
import { missing } from '../../../../tests/support/system-tools';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { writeHangingVoice, writeSilentVoice } from '../../../../tests/support/tts/fake-voice-program';
import { createBundledSpeechEngine } from './bundled-voice-engine';
import { createBundledVoice } from './bundled-voice';
import { SpeechSynthesisError } from './speech-synthesis-error';
import { createSystemVoice } from './system-voice';
import { createZeroSetupVoice } from './zero-setup-voice';

/**
 * Which voice speaks: the real espeak-ng program (installed in CI; its tests skip where it is
 * not) when the system has it, else the real bundled WebAssembly engine, loaded once for this file.
 */
const noEspeakNg = missing('espeak-ng', "the tests of the system's own espeak-ng");
const engine = createBundledSpeechEngine();
afterAll(() => engine.close());
const bundled = createBundledVoice({ engine });
const noBundledVoice = (): ReturnType<typeof createBundledVoice> =>
  createBundledVoice({ engine: createBundledSpeechEngine({ modulePath: join(dir.path, 'not-shipped.js') }) });

const QUESTION = 'Tell me about a time you had to debug a difficult production issue.';

let dir: ReturnType<typeof makeTempDir>;
let bin: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('tts-zero-setup');
  bin = makeTempDir('tts-zero-setup-bin');
});
afterEach(() => {
  dir.remove();
  bin.remove();
});

const out = (name = 'question.wav'): string => join(dir.path, name);
const failureOf = (promise: Promise<unknown>): Promise<SpeechSynthesisError> => failureOfClass(promise, SpeechSynthesisError);

describe('zero-setup voice', () => {
  it.skipIf(noEspeakNg)("speaks with the system's espeak-ng when the computer has it", async () => {
    const voice = createZeroSetupVoice(createSystemVoice({ platform: 'linux' }), bundled);
    const loadsBefore = engine.loads();

    const { durationMs } = await voice.synthesize({ text: QUESTION, outputPath: out() });

    expect(durationMs).toBeGreaterThan(2_000);
    expect(voice.name).toBe('system');
    expect(engine.loads()).toBe(loadsBefore);
  });

  it.each([
    ['Linux without espeak-ng (empty PATH)', createSystemVoice({ platform: 'linux', env: { PATH: '' } })],
    ['a Mac without say', createSystemVoice({ platform: 'darwin', env: { PATH: '' } })],
    ['Windows without PowerShell', createSystemVoice({ platform: 'win32', env: { SystemRoot: '/nonexistent' } })],
  ])('speaks with the bundled voice on %s, and says the voice is available', async (_computer, system) => {
    expect((await system.availability()).available).toBe(false);
    const voice = createZeroSetupVoice(system, bundled);

    expect(await voice.availability()).toEqual({ available: true });
    const { durationMs } = await voice.synthesize({ text: QUESTION, outputPath: out() });

    expect(durationMs).toBeGreaterThan(2_000);
    expect(voice.name).toBe('bundled');
    expect(readdirSync(dir.path)).toEqual(['question.wav']);
  });

  it('still speaks a voice name from another computer (a macOS voice) with the bundled voice', async () => {
    const voice = createZeroSetupVoice(createSystemVoice({ platform: 'linux', env: { PATH: '' }, voice: 'Samantha' }), createBundledVoice({ engine, voice: 'Samantha' }));

    const { durationMs } = await voice.synthesize({ text: QUESTION, outputPath: out() });

    expect(durationMs).toBeGreaterThan(2_000);
  });

  it('passes over a system voice that runs but writes no audio', async () => {
    writeSilentVoice(bin.path);
    const voice = createZeroSetupVoice(createSystemVoice({ platform: 'linux', env: { PATH: bin.path } }), bundled);

    const { durationMs } = await voice.synthesize({ text: QUESTION, outputPath: out() });

    expect(durationMs).toBeGreaterThan(2_000);
    expect(voice.name).toBe('bundled');
  });

  it.skipIf(noEspeakNg)("keeps the system voice's answer when the chosen voice is not installed, rather than speak with another", async () => {
    const voice = createZeroSetupVoice(createSystemVoice({ platform: 'linux', voice: 'nosuchvoice' }), bundled);

    const error = await failureOf(voice.synthesize({ text: QUESTION, outputPath: out() }));

    expect(error.code).toBe('VOICE_NOT_FOUND');
    expect(voice.name).toBe('system');
  });

  it('does not hand a cancelled question to the bundled voice', async () => {
    writeHangingVoice(bin.path);
    const voice = createZeroSetupVoice(createSystemVoice({ platform: 'linux', env: { PATH: bin.path } }), bundled);
    const controller = new AbortController();

    const speaking = voice.synthesize({ text: QUESTION, outputPath: out(), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);

    expect((await failureOf(speaking)).code).toBe('CANCELLED');
    expect(voice.name).toBe('system');
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it("says why there is no voice in the system voice's words when neither exists", async () => {
    const system = createSystemVoice({ platform: 'linux', env: { PATH: '' } });
    const voice = createZeroSetupVoice(system, noBundledVoice());

    expect(await voice.availability()).toEqual(await system.availability());
    const error = await failureOf(voice.synthesize({ text: QUESTION, outputPath: out() }));
    expect(error.code).toBe('NOT_AVAILABLE');
  });
});
