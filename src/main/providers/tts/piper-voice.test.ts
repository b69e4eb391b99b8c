import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWavHeader } from '../../audio/wav-format';
import type { LogFields, Logger } from '../../log';
import { eventually } from '../../../../tests/support/eventually';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { writeFakeSherpaTtsAddon } from '../../../../tests/support/tts/fake-sherpa-tts-addon';
import { HOP_SAMPLES, SYNTHETIC_SAMPLE_RATE, writeSyntheticPiperVoice, type SyntheticPiperVoice } from '../../../../tests/support/tts/synthetic-piper-model';
import { ensureEspeakNgData } from './espeak-ng-data';
import { createPiperVoice, type PiperVoice, type PiperVoiceOptions } from './piper-voice';
import { SpeechSynthesisError } from './speech-synthesis-error';

/**
 * The real sherpa-onnx, with the real espeak-ng data extracted from the bundled package, on
 * a synthetic Piper voice (tests/support/tts/synthetic-piper-model.ts): everything but the
 * neural network is what a user's machine runs. The voice sounds one tone for
 * HOP_SAMPLES samples per phoneme id, so lengths can be checked against the phonemes.
 */
const TWELVE_WORDS = 'Tell me about a time you had to debug a difficult production issue.';
const TWENTY_FOUR_WORDS =
  'Tell me about a time you had to debug a difficult production issue, and explain how you found the cause and what you changed afterwards.';

let shared: ReturnType<typeof makeTempDir>;
let espeakDataDir: string;
let dir: ReturnType<typeof makeTempDir>;
let voiceFiles: SyntheticPiperVoice;
let events: { event: string; fields?: LogFields }[];
let voice: PiperVoice | undefined;

const log: Logger = {
  info: (event, fields) => events.push({ event, fields }),
  warn: (event, fields) => events.push({ event, fields }),
  error: (event, fields) => events.push({ event, fields }),
};

beforeAll(async () => {
  shared = makeTempDir('piper-shared');
  espeakDataDir = await ensureEspeakNgData(join(shared.path, 'espeak-ng-data'));
});
afterAll(() => shared.remove());
beforeEach(() => {
  dir = makeTempDir('piper-voice');
  voiceFiles = writeSyntheticPiperVoice(dir.path);
  events = [];
});
afterEach(() => {
  voice?.close();
  dir.remove();
});

const create = (options: Partial<PiperVoiceOptions> = {}): PiperVoice =>
  (voice = createPiperVoice({ voiceFiles: async () => voiceFiles, espeakDataDir: async () => espeakDataDir, log, ...options }));
const out = (name = 'question.wav'): string => join(dir.path, name);
const wavFiles = (): string[] => readdirSync(dir.path).filter((name) => name.endsWith('.wav')).sort();
const failureOf = (promise: Promise<unknown>): Promise<SpeechSynthesisError> => failureOfClass(promise, SpeechSynthesisError);
const loads = (): number => events.filter((e) => e.event === 'tts.local.voice_loaded').length;

function peakOf(path: string): number {
  const wav = readFileSync(path);
  const { dataOffset, dataBytes } = parseWavHeader(wav);
  let peak = 0;
  for (let at = dataOffset; at < dataOffset + dataBytes; at += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(at)));
  return peak;
}

describe('Piper voice through sherpa-onnx', () => {
  it('speaks a question as a 16-bit mono WAV at the voice\'s sample rate, phonemised by espeak-ng', async () => {
    const { durationMs } = await create().synthesize({ text: TWELVE_WORDS, outputPath: out() });

    const header = parseWavHeader(readFileSync(out()));
    expect(header).toMatchObject({ channels: 1, bitsPerSample: 16, sampleRate: SYNTHETIC_SAMPLE_RATE });
    // Piper's ids are ^ _, each phoneme followed by _, then $. espeak-ng gives 73 phonemes
    // here ("tˈɛl mˌiː ɐbˌaʊt …" and the full stop), so 149 ids; the bounds allow other versions.
    const phonemeIds = header.dataBytes / 2 / HOP_SAMPLES;
    expect(Number.isInteger(phonemeIds)).toBe(true);
    expect(phonemeIds).toBeGreaterThan(100);
    expect(phonemeIds).toBeLessThan(200);
    expect(durationMs).toBeCloseTo(((phonemeIds * HOP_SAMPLES) / SYNTHETIC_SAMPLE_RATE) * 1000, 0);
    expect(peakOf(out())).toBeGreaterThan(9_000);
    expect(wavFiles()).toEqual(['question.wav']);
  });

  it('takes longer for a longer question, and loads the voice once for both', async () => {
    const piper = create();

    const short = await piper.synthesize({ text: TWELVE_WORDS, outputPath: out('short.wav') });
    const long = await piper.synthesize({ text: TWENTY_FOUR_WORDS, outputPath: out('long.wav') });

    expect(long.durationMs).toBeGreaterThan(short.durationMs * 1.6);
    expect(loads()).toBe(1);
  });

  it('speaks slower with a lower speed (sherpa-onnx makes it the length scale)', async () => {
    const normal = await create().synthesize({ text: TWELVE_WORDS, outputPath: out('normal.wav') });
    voice?.close();
    const slow = await create({ speed: 0.5 }).synthesize({ text: TWELVE_WORDS, outputPath: out('slow.wav') });

    expect(slow.durationMs / normal.durationMs).toBeCloseTo(2, 1);
  });

  it('never logs the question', async () => {
    await create().synthesize({ text: TWELVE_WORDS, outputPath: out() });

    expect(events.map((e) => e.event)).toEqual(['tts.local.voice_loaded', 'tts.local.spoken']);
    expect(JSON.stringify(events)).not.toMatch(/debug|production|Tell me/i);
    expect(events[1]?.fields).toMatchObject({ chars: TWELVE_WORDS.length });
  });

  it('refuses empty text', async () => {
    expect((await failureOf(create().synthesize({ text: ' \u0007 ', outputPath: out() }))).code).toBe('EMPTY_TEXT');
  });
});

describe('when there is no voice', () => {
  it('is not available, with a sentence saying what to do, when no voice is installed', async () => {
    const piper = create({ voiceFiles: async () => undefined });

    expect(await piper.availability()).toEqual({ available: false, reason: expect.stringMatching(/No natural voice is installed.*Settings/) });
    const error = await failureOf(piper.synthesize({ text: TWELVE_WORDS, outputPath: out() }));
    expect(error.code).toBe('NOT_AVAILABLE');
    expect(wavFiles()).toEqual([]);
  });

  it('is not available when the voice\'s files are gone from disk', async () => {
    const piper = create({ voiceFiles: async () => ({ model: join(dir.path, 'gone.onnx'), tokens: voiceFiles.tokens }) });

    expect((await piper.availability()).available).toBe(false);
  });

  it('is available when a voice is installed', async () => {
    expect(await create().availability()).toEqual({ available: true });
  });
});

describe('a damaged voice', () => {
  it('gives a clear error for a file that is not a model, and the next good voice still speaks', async () => {
    const damaged = makeTempDir('piper-damaged');
    try {
      const broken = writeSyntheticPiperVoice(damaged.path);
      writeFileSync(broken.model, readFileSync(broken.model).subarray(0, 200));
      let current = broken;
      const piper = create({ voiceFiles: async () => current });

      const error = await failureOf(piper.synthesize({ text: TWELVE_WORDS, outputPath: out() }));
      expect(error.code).toBe('SYNTHESIS_FAILED');
      expect(error.message).toMatch(/could not be loaded.*download it again/);
      expect(wavFiles()).toEqual([]);

      current = voiceFiles;
      expect((await piper.synthesize({ text: TWELVE_WORDS, outputPath: out() })).durationMs).toBeGreaterThan(0);
    } finally {
      damaged.remove();
    }
  });

  it('survives a model that makes sherpa-onnx exit its process (no sample rate), and speaks afterwards', async () => {
    const damaged = makeTempDir('piper-damaged');
    try {
      let current = writeSyntheticPiperVoice(damaged.path, { metadata: { sample_rate: undefined } });
      const piper = create({ voiceFiles: async () => current });

      expect((await failureOf(piper.synthesize({ text: TWELVE_WORDS, outputPath: out() }))).message).toMatch(/could not be loaded/);
      expect(events.some((e) => e.event === 'tts.local.process_exited')).toBe(true);

      current = voiceFiles;
      expect((await piper.synthesize({ text: TWELVE_WORDS, outputPath: out() })).durationMs).toBeGreaterThan(0);
    } finally {
      damaged.remove();
    }
  });

  it('reports espeak-ng data that cannot be prepared as a failure of this voice', async () => {
    const piper = create({ espeakDataDir: () => Promise.reject(new Error('disk full')) });

    const error = await failureOf(piper.synthesize({ text: TWELVE_WORDS, outputPath: out() }));

    expect(error.code).toBe('SYNTHESIS_FAILED');
    expect(events).toContainEqual({ event: 'tts.local.espeak_data_failed', fields: { error: 'Error: disk full' } });
  });
});

describe('cancelling and time limits', () => {
  it('does nothing for a request already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await failureOf(create().synthesize({ text: TWELVE_WORDS, outputPath: out(), signal: controller.signal }));

    expect(error.code).toBe('CANCELLED');
    expect(loads()).toBe(0);
  });

  it('stops a synthesis in progress at once and leaves no file', async () => {
    const fake = writeFakeSherpaTtsAddon(dir.path);
    fake.behave({ generateMs: 30_000 });
    const controller = new AbortController();
    const piper = create({ addonPath: fake.path });

    const speaking = piper.synthesize({ text: TWELVE_WORDS, outputPath: out(), signal: controller.signal });
    await eventually(() => fake.events().some((line) => line.startsWith('generate')));
    const started = performance.now();
    controller.abort();

    expect((await failureOf(speaking)).code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(wavFiles()).toEqual([]);
  });

  it('gives up after the time limit with TIMEOUT', async () => {
    const fake = writeFakeSherpaTtsAddon(dir.path);
    fake.behave({ generateMs: 30_000 });

    const error = await failureOf(create({ addonPath: fake.path, timeoutMs: 300 }).synthesize({ text: TWELVE_WORDS, outputPath: out() }));

    expect(error.code).toBe('TIMEOUT');
    expect(wavFiles()).toEqual([]);
  });
});
