import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSpeech } from '../../../../tests/support/audio/speech-recording';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';
import { SYNTHETIC_SENTENCE, writeSyntheticWhisperModel, type SyntheticWhisperModel } from '../../../../tests/support/stt/synthetic-whisper-model';
import { writeSpokenWav } from '../../../../tests/support/stt/test-wavs';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { writeWav } from '../../audio/wav-file';
import { createLogger } from '../../log';
import { createLocalTranscriber } from './local-transcriber';
import { detectModelLayout } from './sherpa-model-layout';
import { createSherpaProcess, type RecognitionEngine } from './sherpa-process';
import { TranscriptionError } from './transcription-error';

/**
 * The real sherpa-onnx-node, in the real child process, on a synthetic Whisper model
 * (tests/support/stt/synthetic-whisper-model.ts) that says SYNTHETIC_SENTENCE whatever it
 * hears. Everything between the WAV file and the text is the app's and sherpa-onnx's own:
 * model detection, recognizer config, child process, feature extraction, the encoder, the
 * greedy decoding loop and the tokens file. Only the model's judgement is fake, so this
 * proves the plumbing, not accuracy (local-transcriber.test.ts has the STT_MODEL_DIR test).
 */

/** About five seconds of espeak-ng speech at 150 words a minute. */
const SPOKEN = 'I would add an index on the user id column, then look at the query plan again';

let temp: ReturnType<typeof makeTempDir>;
let engine: RecognitionEngine | undefined;
let lines: string[];

beforeEach(() => {
  temp = makeTempDir('stt-synthetic');
  lines = [];
});
afterEach(() => {
  engine?.close();
  engine = undefined;
  temp.remove();
});

const log = (): ReturnType<typeof createLogger> => createLogger((line) => lines.push(line));
const logged = (event: string): Record<string, unknown>[] =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === event);

function modelIn(name: string): SyntheticWhisperModel {
  const directory = join(temp.path, name);
  mkdirSync(directory);
  return writeSyntheticWhisperModel(directory);
}

function transcriberFor(directory: () => string): ReturnType<typeof createLocalTranscriber> {
  engine = createSherpaProcess({ log: log() });
  return createLocalTranscriber({ modelDirectory: directory, numThreads: 1, engine, log: log() });
}

const failureOf = (promise: Promise<unknown>): Promise<TranscriptionError> => failureOfClass(promise, TranscriptionError);

describe('local recognition with the real sherpa-onnx on a synthetic Whisper model', () => {
  it('is detected as Whisper from its file names, as a downloaded tiny.en is', () => {
    const model = modelIn('whisper');
    const names = [model.encoder, model.decoder, model.tokens].map((path) => path.slice(model.directory.length + 1));

    expect(detectModelLayout(model.directory, names)).toEqual({
      family: 'whisper',
      files: { whisper: { encoder: model.encoder, decoder: model.decoder }, tokens: model.tokens },
    });
  });

  it('transcribes an espeak-ng recording to the model\'s sentence, loading the model once', async () => {
    const model = modelIn('whisper');
    const wav = writeSpokenWav(temp.path, SPOKEN);
    const transcriber = transcriberFor(() => model.directory);

    expect(await transcriber.availability()).toEqual({ available: true });
    const coldStart = performance.now();
    const first = await transcriber.transcribe({ wavPath: wav });
    const coldMs = performance.now() - coldStart;
    const warmStart = performance.now();
    const second = await transcriber.transcribe({ wavPath: wav });
    const warmMs = performance.now() - warmStart;

    expect(first).toEqual({ text: SYNTHETIC_SENTENCE });
    expect(second).toEqual({ text: SYNTHETIC_SENTENCE });
    expect(logged('stt.local.model_loaded')).toHaveLength(1);
    const transcribed = logged('stt.transcribed');
    expect(transcribed.map((entry) => entry.family)).toEqual(['whisper', 'whisper']);

    // Pipeline overhead only (child start, model load, features, IPC): the model does no work.
    // On stderr because the lint rule keeps stdout for the test reporter.
    const audioSeconds = Number(transcribed[0]?.audioMs) / 1000;
    console.warn(
      `[bench] synthetic whisper, ${audioSeconds.toFixed(1)} s WAV: first ${Math.round(coldMs)} ms (child start + model load ` +
        `${String(logged('stt.local.model_loaded')[0]?.ms)} ms), warm ${Math.round(warmMs)} ms`,
    );
  });

  it('hears a whole 60-second answer, not only the 30 seconds sherpa-onnx\'s Whisper takes at once', async () => {
    const model = modelIn('whisper');
    const sentence = 'I would measure the slow query first, then add an index on the customer id column and measure it again.';
    const answer = recordSpeech(Array.from({ length: 9 }, () => sentence), { sampleRate: 16_000, gapMs: 800 });
    const wav = join(temp.path, 'long.wav');
    writeWav(wav, answer.samples, 16_000);
    const transcriber = transcriberFor(() => model.directory);

    const { text } = await transcriber.transcribe({ wavPath: wav });

    // The model says its sentence once per piece it is given: one piece per ≤ 28 s.
    const windows = Number(logged('stt.transcribed')[0]?.windows);
    expect(windows).toBeGreaterThanOrEqual(Math.ceil(answer.samples.length / 16_000 / 28));
    expect(text).toBe(Array.from({ length: windows }, () => SYNTHETIC_SENTENCE).join(' '));
  });

  it('reports a truncated model file as BAD_MODEL, and the next good model still transcribes', async () => {
    const good = modelIn('good');
    const broken = modelIn('broken');
    const decoder = readFileSync(broken.decoder);
    writeFileSync(broken.decoder, decoder.subarray(0, Math.floor(decoder.length / 2)));
    const wav = writeSpokenWav(temp.path, SPOKEN);
    let installed = broken.directory;
    const transcriber = transcriberFor(() => installed);

    const error = await failureOf(transcriber.transcribe({ wavPath: wav }));
    expect(error.code).toBe('BAD_MODEL');
    expect(error.message).toMatch(/could not be loaded/);

    installed = good.directory;
    expect(await transcriber.transcribe({ wavPath: wav })).toEqual({ text: SYNTHETIC_SENTENCE });
  });

  it('reports a model that makes sherpa-onnx exit its process (no n_mels) as BAD_MODEL, and recovers', async () => {
    const good = modelIn('good');
    const directory = join(temp.path, 'no-mels');
    mkdirSync(directory);
    writeSyntheticWhisperModel(directory, { metadata: { n_mels: undefined } });
    const wav = writeSpokenWav(temp.path, SPOKEN);
    let installed = directory;
    const transcriber = transcriberFor(() => installed);

    expect((await failureOf(transcriber.transcribe({ wavPath: wav }))).code).toBe('BAD_MODEL');
    expect(logged('stt.local.process_exited')).toEqual([expect.objectContaining({ modelLoaded: false })]);

    installed = good.directory;
    expect(await transcriber.transcribe({ wavPath: wav })).toEqual({ text: SYNTHETIC_SENTENCE });
  });
});
