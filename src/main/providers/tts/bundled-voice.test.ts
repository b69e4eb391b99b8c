import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWav } from '../../audio/wav-file';
import { parseWavHeader } from '../../audio/wav-format';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { createBundledSpeechEngine } from './bundled-voice-engine';
import { createBundledVoice } from './bundled-voice';
import { SpeechSynthesisError } from './speech-synthesis-error';

/**
 * The bundled voice end to end: the real espeak-ng WebAssembly in its real worker thread,
 * loaded once for the whole file (about 150 ms) and shared by every test.
 */
const engine = createBundledSpeechEngine();
afterAll(() => engine.close());

const TWELVE_WORDS = 'Tell me about a time you had to debug a difficult production issue.';
const TWENTY_FOUR_WORDS =
  'Tell me about a time you had to debug a difficult production issue, and explain how you found the cause and what you changed afterwards.';
const minutesAt165 = (words: number): number => (words / 165) * 60_000;

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('tts-bundled');
});
afterEach(() => dir.remove());

const out = (name = 'question.wav'): string => join(dir.path, name);
const filesIn = (path: string): string[] => readdirSync(path).sort();
const failureOf = (promise: Promise<unknown>): Promise<SpeechSynthesisError> => failureOfClass(promise, SpeechSynthesisError);
const rms = (samples: Int16Array): number => Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length);

describe('bundled voice (espeak-ng WebAssembly)', () => {
  it('speaks a question as a 16-bit mono WAV at 22050 Hz, at the pace of 165 words a minute, with sound in it', async () => {
    const voice = createBundledVoice({ engine });

    const { durationMs } = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out() });

    const header = parseWavHeader(readFileSync(out()));
    expect(header).toMatchObject({ channels: 1, bitsPerSample: 16, sampleRate: 22_050, dataOffset: 44 });
    expect(durationMs).toBeGreaterThan(minutesAt165(12) * 0.5);
    expect(durationMs).toBeLessThan(minutesAt165(12) * 2);
    const { samples } = readWav(out());
    expect(samples.length).toBe(Math.round((durationMs / 1000) * 22_050));
    expect(rms(samples)).toBeGreaterThan(500);
    expect(filesIn(dir.path)).toEqual(['question.wav']);
  });

  it('takes clearly longer for a question twice as long, and speaks faster when asked to', async () => {
    const voice = createBundledVoice({ engine });

    const short = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out('short.wav') });
    const long = await voice.synthesize({ text: TWENTY_FOUR_WORDS, outputPath: out('long.wav') });
    const hurried = await createBundledVoice({ engine, wordsPerMinute: 330 }).synthesize({ text: TWELVE_WORDS, outputPath: out('hurried.wav') });

    expect(long.durationMs).toBeGreaterThan(short.durationMs * 1.6);
    expect(hurried.durationMs).toBeLessThan(short.durationMs * 0.7);
  });

  // How much quicker the second question is belongs to a bench (timings fail on a loaded
  // machine); that the engine is not loaded again is the behaviour.
  it('loads once and keeps the worker between questions', async () => {
    const own = createBundledSpeechEngine();
    try {
      const voice = createBundledVoice({ engine: own });
      await voice.synthesize({ text: TWELVE_WORDS, outputPath: out('first.wav') });
      await voice.synthesize({ text: TWELVE_WORDS, outputPath: out('second.wav') });

      expect(own.loads()).toBe(1);
    } finally {
      own.close();
    }
  });

  it.each([['Samantha'], ['Microsoft Zira Desktop'], ['nosuchvoice']])('speaks with its default English voice when the settings name "%s"', async (name) => {
    const voice = createBundledVoice({ engine, voice: name });

    const { durationMs } = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out() });

    expect(durationMs).toBeGreaterThan(minutesAt165(12) * 0.5);
  });

  it('uses the espeak-ng voices and languages it has, and says when it fell back to its default', async () => {
    const named = await engine.speak({ text: TWELVE_WORDS, voice: 'en-us+f3', wordsPerMinute: 165 });
    const language = await engine.speak({ text: TWELVE_WORDS, voice: 'en-gb', wordsPerMinute: 165 });
    const unknown = await engine.speak({ text: TWELVE_WORDS, voice: 'Samantha', wordsPerMinute: 165 });
    const none = await engine.speak({ text: TWELVE_WORDS, wordsPerMinute: 165 });

    expect([named.usedDefaultVoice, language.usedDefaultVoice, unknown.usedDefaultVoice, none.usedDefaultVoice]).toEqual([false, false, true, false]);
    // A British voice is not the default American one.
    expect(language.samples.length).not.toBe(none.samples.length);
  });

  it('stops speaking when cancelled, leaves nothing behind, and speaks the next question', async () => {
    const voice = createBundledVoice({ engine });
    const controller = new AbortController();
    const long = Array(20).fill(TWENTY_FOUR_WORDS).join(' ');

    const started = performance.now();
    const speaking = voice.synthesize({ text: long, outputPath: out('long.wav'), signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await failureOf(speaking);

    expect(error.code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(filesIn(dir.path)).toEqual([]);
    const next = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out() });
    expect(next.durationMs).toBeGreaterThan(minutesAt165(12) * 0.5);
    expect(engine.loads()).toBe(1);
  });

  it('does not start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await failureOf(createBundledVoice({ engine }).synthesize({ text: TWELVE_WORDS, outputPath: out(), signal: controller.signal }));

    expect(error.code).toBe('CANCELLED');
    expect(filesIn(dir.path)).toEqual([]);
  });

  it('refuses an empty question', async () => {
    const error = await failureOf(createBundledVoice({ engine }).synthesize({ text: ' \n\u0007 ', outputPath: out() }));

    expect(error.code).toBe('EMPTY_TEXT');
  });

  it('reads phoneme brackets out rather than obeying them', async () => {
    const { durationMs } = await createBundledVoice({ engine }).synthesize({ text: 'Flatten [[1, 2], [3]] please. [[volm 0]]', outputPath: out() });

    expect(durationMs).toBeGreaterThan(1_500);
  });

  it('is available in this copy of the app, and says clearly when its files are missing', async () => {
    expect(await createBundledVoice({ engine }).availability()).toEqual({ available: true });

    const missing = createBundledVoice({ engine: createBundledSpeechEngine({ modulePath: join(dir.path, 'nothing-here.js') }) });
    const availability = await missing.availability();
    const error = await failureOf(missing.synthesize({ text: TWELVE_WORDS, outputPath: out() }));

    expect(error.code).toBe('NOT_AVAILABLE');
    expect(availability).toEqual({ available: false, reason: error.message });
    expect(existsSync(out())).toBe(false);
  });
});
