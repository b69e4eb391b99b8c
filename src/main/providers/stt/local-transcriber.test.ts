import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSpeech } from '../../../../tests/support/audio/speech-recording';
import { writeSpokenWav, writeToneWav } from '../../../../tests/support/stt/test-wavs';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { writeWav } from '../../audio/wav-file';
import { wavHeader } from '../../audio/wav-format';
import { createLogger, type Logger } from '../../log';
import { createLocalTranscriber, NO_MODEL_REASON } from './local-transcriber';
import type { RecognitionEngine, RecognitionRequest } from './sherpa-process';
import { TranscriptionError } from './transcription-error';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';

const WHISPER_FILES = ['tiny.en-encoder.int8.onnx', 'tiny.en-decoder.int8.onnx', 'tiny.en-tokens.txt'];

let temp: ReturnType<typeof makeTempDir>;
let wavPath: string;

beforeEach(() => {
  temp = makeTempDir('stt-local');
  wavPath = join(temp.path, 'answer.wav');
  writeToneWav(wavPath, { ms: 200 });
});
afterEach(() => temp.remove());

/** A folder holding `files`; their contents are not a model. */
function folderWith(name: string, files: readonly string[]): string {
  const directory = join(temp.path, name);
  mkdirSync(directory, { recursive: true });
  for (const file of files) writeFileSync(join(directory, file), 'not an onnx model');
  return directory;
}

function capturedLog(): { log: Logger; events: () => string[] } {
  const lines: string[] = [];
  return { log: createLogger((line) => lines.push(line)), events: () => lines.map((line) => (JSON.parse(line) as { event: string }).event) };
}

async function eventually(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const failureOf = (promise: Promise<unknown>): Promise<TranscriptionError> => failureOfClass(promise, TranscriptionError);

describe('without a usable model (the real sherpa-onnx addon)', () => {
  it('reports no model, and transcribe rejects with NO_MODEL', async () => {
    const transcriber = createLocalTranscriber({ modelDirectory: undefined });

    expect(await transcriber.availability()).toEqual({ available: false, reason: NO_MODEL_REASON });
    const error = await failureOf(transcriber.transcribe({ wavPath }));
    expect(error.code).toBe('NO_MODEL');
    expect(error.retryable).toBe(false);
  });

  it('asks the model manager each time, so a model installed later is picked up', async () => {
    let installed: string | undefined = undefined;
    const transcriber = createLocalTranscriber({ modelDirectory: () => installed });

    expect((await transcriber.availability()).available).toBe(false);
    installed = folderWith('whisper', WHISPER_FILES);
    expect(await transcriber.availability()).toEqual({ available: true });
  });

  it('rejects a folder of unrecognised files clearly', async () => {
    const transcriber = createLocalTranscriber({ modelDirectory: folderWith('other', ['ggml-base.en.bin', 'README.md']) });

    const availability = await transcriber.availability();
    const error = await failureOf(transcriber.transcribe({ wavPath }));

    expect(availability).toEqual({ available: false, reason: expect.stringMatching(/not one this app can use/) });
    expect(error.code).toBe('BAD_MODEL');
  });

  it('rejects model files that sherpa-onnx cannot load with BAD_MODEL', async () => {
    const directory = folderWith('broken', WHISPER_FILES);
    writeFileSync(join(directory, 'tiny.en-tokens.txt'), 'IQ== 0\nIg== 1\n');
    const { log, events } = capturedLog();
    const transcriber = createLocalTranscriber({ modelDirectory: directory, numThreads: 1, log });

    expect((await failureOf(transcriber.transcribe({ wavPath }))).code).toBe('BAD_MODEL');
    // Rejected by the addon (onnxruntime cannot parse the file); the process lived.
    expect(events()).not.toContain('stt.local.process_exited');
  });

  it('survives a tokens file on which sherpa-onnx ends its process, and reports BAD_MODEL', async () => {
    // sherpa-onnx exits with status 255 on a tokens line of more than two fields; this
    // test process would die with it were recognition not in a child process.
    const { log, events } = capturedLog();
    const transcriber = createLocalTranscriber({ modelDirectory: folderWith('exits', WHISPER_FILES), numThreads: 1, log });

    expect((await failureOf(transcriber.transcribe({ wavPath }))).code).toBe('BAD_MODEL');
    expect((await failureOf(transcriber.transcribe({ wavPath }))).code).toBe('BAD_MODEL');
    expect(events().filter((event) => event === 'stt.local.process_exited')).toHaveLength(2);
  });

  it('rejects a recording that is not mono 16-bit with BAD_AUDIO', async () => {
    const stereo = join(temp.path, 'stereo.wav');
    writeFileSync(stereo, Buffer.concat([wavHeader({ sampleRate: 16_000, channels: 2, bitsPerSample: 16 }, 8), Buffer.alloc(8)]));
    const transcriber = createLocalTranscriber({ modelDirectory: folderWith('whisper', WHISPER_FILES) });

    expect((await failureOf(transcriber.transcribe({ wavPath: stereo }))).code).toBe('BAD_AUDIO');
    expect((await failureOf(transcriber.transcribe({ wavPath: join(temp.path, 'missing.wav') }))).code).toBe('BAD_AUDIO');
  });
});

/** A stand-in recognition engine, to watch what the transcriber asks of it. */
function fakeEngine(transcript: (call: number) => string | Promise<string> = () => 'hello there') {
  const requests: RecognitionRequest[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const engine: RecognitionEngine = {
    async recognize(request) {
      requests.push(request);
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        return ` ${await transcript(requests.length)} `;
      } finally {
        running--;
      }
    },
    installed: () => true,
    close: () => undefined,
  };
  return { engine, requests, mostAtOnce: () => mostAtOnce };
}

describe('what the transcriber asks of the recognizer', () => {
  it('passes the detected model and the samples as floats, and trims the text', async () => {
    const fake = fakeEngine();
    const directory = folderWith('whisper', WHISPER_FILES);
    const transcriber = createLocalTranscriber({ modelDirectory: directory, numThreads: 2, engine: fake.engine });

    expect(await transcriber.transcribe({ wavPath })).toEqual({ text: 'hello there' });

    const { config, samples, sampleRate } = fake.requests[0]!;
    expect(config.modelConfig).toMatchObject({
      whisper: { encoder: join(directory, 'tiny.en-encoder.int8.onnx'), decoder: join(directory, 'tiny.en-decoder.int8.onnx') },
      tokens: join(directory, 'tiny.en-tokens.txt'),
      numThreads: 2,
    });
    expect(sampleRate).toBe(16_000);
    expect(samples).toHaveLength(3_200);
    // writeToneWav's 440 Hz tone at amplitude 8000/32768.
    expect(Math.max(...samples)).toBeCloseTo(8000 / 32768, 3);
  });

  it('transcribes a long answer in pieces cut at its pauses, each short enough for Whisper, and joins the text', async () => {
    const fake = fakeEngine((call) => `part ${call}`);
    const sentence = 'I would measure the slow query first, then add an index on the customer id column and measure it again.';
    const answer = recordSpeech(Array.from({ length: 8 }, () => sentence), { sampleRate: 16_000, gapMs: 800 });
    const long = join(temp.path, 'long.wav');
    writeWav(long, answer.samples, 16_000);
    const transcriber = createLocalTranscriber({ modelDirectory: folderWith('whisper', WHISPER_FILES), engine: fake.engine });

    const { text } = await transcriber.transcribe({ wavPath: long });

    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    expect(text).toBe(fake.requests.map((_, i) => `part ${i + 1}`).join(' '));
    // Every sample is heard once, and no piece is longer than the 30 s Whisper takes.
    expect(fake.requests.reduce((total, request) => total + request.samples.length, 0)).toBe(answer.samples.length);
    for (const request of fake.requests) expect(request.samples.length / 16_000).toBeLessThan(30);
  });

  it('tells sherpa-onnx a Parakeet model is a NeMo transducer, so it does not load the encoder twice to find out', async () => {
    const fake = fakeEngine();
    const parakeet = folderWith('parakeet', ['encoder.int8.onnx', 'decoder.int8.onnx', 'joiner.int8.onnx', 'tokens.txt']);
    await createLocalTranscriber({ modelDirectory: parakeet, engine: fake.engine }).transcribe({ wavPath });
    await createLocalTranscriber({ modelDirectory: folderWith('whisper', WHISPER_FILES), engine: fake.engine }).transcribe({ wavPath });

    expect(fake.requests.map(({ config }) => config.modelConfig.modelType)).toEqual(['nemo_transducer', undefined]);
  });

  it('uses the model installed now, not the one installed at creation', async () => {
    const fake = fakeEngine();
    let directory = folderWith('first', WHISPER_FILES);
    const transcriber = createLocalTranscriber({ modelDirectory: () => directory, engine: fake.engine });

    await transcriber.transcribe({ wavPath });
    directory = folderWith('second', ['preprocess.onnx', 'encode.int8.onnx', 'uncached_decode.int8.onnx', 'cached_decode.int8.onnx', 'tokens.txt']);
    await transcriber.transcribe({ wavPath });

    expect(fake.requests.map(({ config }) => (config.modelConfig.whisper ? 'whisper' : config.modelConfig.moonshine ? 'moonshine' : '?'))).toEqual(['whisper', 'moonshine']);
  });

  it('transcribes one recording at a time', async () => {
    const fake = fakeEngine(async (call) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return `answer ${call}`;
    });
    const transcriber = createLocalTranscriber({ modelDirectory: folderWith('whisper', WHISPER_FILES), engine: fake.engine });

    const results = await Promise.all([1, 2, 3].map(() => transcriber.transcribe({ wavPath })));

    expect(results.map((result) => result.text)).toEqual(['answer 1', 'answer 2', 'answer 3']);
    expect(fake.mostAtOnce()).toBe(1);
  });

  it('cancels a request still waiting for its turn without running it', async () => {
    let finishFirst: (text: string) => void = () => undefined;
    const fake = fakeEngine((call) => (call === 1 ? new Promise<string>((resolve) => (finishFirst = resolve)) : 'second'));
    const transcriber = createLocalTranscriber({ modelDirectory: folderWith('whisper', WHISPER_FILES), engine: fake.engine });
    const controller = new AbortController();

    const first = transcriber.transcribe({ wavPath });
    await eventually(() => fake.requests.length === 1);
    const waiting = transcriber.transcribe({ wavPath, signal: controller.signal });
    controller.abort();
    expect((await failureOf(waiting)).code).toBe('CANCELLED');
    finishFirst('first');

    expect(await first).toEqual({ text: 'first' });
    expect(await transcriber.transcribe({ wavPath })).toEqual({ text: 'second' });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not run an empty recording, nor an already cancelled request', async () => {
    const fake = fakeEngine();
    const empty = join(temp.path, 'empty.wav');
    writeFileSync(empty, wavHeader({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 }, 0));
    const transcriber = createLocalTranscriber({ modelDirectory: folderWith('whisper', WHISPER_FILES), engine: fake.engine });

    expect(await transcriber.transcribe({ wavPath: empty })).toEqual({ text: '' });
    expect((await failureOf(transcriber.transcribe({ wavPath, signal: AbortSignal.abort() }))).code).toBe('CANCELLED');
    expect(fake.requests).toHaveLength(0);
  });

  it('reports an engine that is not installed as unavailable', async () => {
    const transcriber = createLocalTranscriber({
      modelDirectory: folderWith('whisper', WHISPER_FILES),
      engine: { ...fakeEngine().engine, installed: () => false },
    });

    expect(await transcriber.availability()).toEqual({ available: false, reason: expect.stringMatching(/not installed in this copy/) });
  });
});

const SENTENCE = 'Please tell me about a project you are proud of and the hardest problem you solved';
const MODEL_DIR = process.env.STT_MODEL_DIR;

describe('with a real model', () => {
  it.skipIf(!MODEL_DIR)('transcribes an espeak-ng sentence with the sherpa-onnx model in STT_MODEL_DIR (skipped when unset)', async () => {
    const spoken = writeSpokenWav(temp.path, SENTENCE);
    const transcriber = createLocalTranscriber({ modelDirectory: MODEL_DIR });

    expect(await transcriber.availability()).toEqual({ available: true });
    const { text } = await transcriber.transcribe({ wavPath: spoken });

    const heard = new Set(words(text));
    const expected = words(SENTENCE);
    const found = expected.filter((word) => heard.has(word));
    expect(found.length / expected.length).toBeGreaterThanOrEqual(0.7);
  }, 120_000);
});

const words = (text: string): string[] => text.toLowerCase().replace(/[^a-z' ]+/g, ' ').split(/\s+/).filter(Boolean);
