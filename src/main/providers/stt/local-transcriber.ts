import { availableParallelism } from 'node:os';
import type { SpeechToTextPort } from '../../engine/ports';
import { describeError, silentLogger, type Logger } from '../../log';
import { floatSamples, readAnswerAudio } from './answer-audio';
import { recognitionWindows } from './recognition-windows';
import { readModelLayout, type ModelLayout } from './sherpa-model-layout';
import { createSherpaProcess, type RecognitionEngine } from './sherpa-process';
import { recognizerConfig } from './sherpa-recognizer-config';
import { cancelledError, isTranscriptionError, TranscriptionError } from './transcription-error';

/** The installed model's folder, or undefined when none is installed (src/main/models). */
export type ModelDirectorySource = string | undefined | (() => string | undefined | Promise<string | undefined>);

export interface LocalTranscriberOptions {
  modelDirectory: ModelDirectorySource;
  /** onnxruntime threads per decode; by default all cores but one, which stays with the UI. */
  numThreads?: number;
  log?: Logger;
  /** By default sherpa-onnx in a child process (sherpa-process.ts). */
  engine?: RecognitionEngine;
}

export const NO_MODEL_REASON = 'No speech model is installed yet: download one in Settings.';
const UNSUPPORTED_REASON = 'Local speech recognition is not installed in this copy of the app: choose another provider in Settings.';

/**
 * The offline engine: sherpa-onnx's OfflineRecognizer on the installed model, whose family is
 * told from its files (sherpa-model-layout.ts). The recognizer runs in a child process, off the
 * main thread and out of harm's way (sherpa-child-process.ts explains why not a worker thread). The
 * model folder is asked for on every call, so a model installed or replaced later is used
 * without restarting anything.
 *
 * `language` is not passed on: sherpa-onnx's Whisper detects it, and the other families are
 * single-language.
 */
export function createLocalTranscriber(options: LocalTranscriberOptions): SpeechToTextPort {
  const log = options.log ?? silentLogger;
  const engine = options.engine ?? createSherpaProcess({ log });
  const numThreads = options.numThreads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  let queue: Promise<unknown> = Promise.resolve();

  const installedLayout = async (): Promise<ModelLayout> => {
    const source = options.modelDirectory;
    const directory = typeof source === 'function' ? await source() : source;
    if (!directory) throw new TranscriptionError('NO_MODEL', NO_MODEL_REASON);
    return readModelLayout(directory);
  };

  /** One recording at a time: each decode already uses several cores. */
  const inTurn = <T>(signal: AbortSignal | undefined, job: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      if (signal?.aborted) throw cancelledError();
      return job();
    });
    queue = run.catch(() => undefined);
    return untilAborted(run, signal);
  };

  return {
    name: 'local',
    liveTranscripts: true,

    async availability() {
      try {
        await installedLayout();
      } catch (error) {
        if (isTranscriptionError(error)) return { available: false, reason: error.message };
        throw error;
      }
      return engine.installed() ? { available: true } : { available: false, reason: UNSUPPORTED_REASON };
    },

    async transcribe({ wavPath, signal }) {
      if (signal?.aborted) throw cancelledError();
      // Queued first, so recordings are transcribed in the order they were asked for.
      return inTurn(signal, async () => {
        const layout = await installedLayout();
        const audio = await readAnswerAudio(wavPath);
        const samples = floatSamples(audio);
        // Nothing to recognise, and some models fail on an empty input.
        if (samples.length === 0) return { text: '' };
        const started = performance.now();
        const sampleRate = audio.info.sampleRate;
        const config = recognizerConfig(layout, numThreads);
        // A long answer goes in pieces cut at pauses (recognition-windows.ts says why).
        const windows = recognitionWindows(samples, sampleRate);
        try {
          const texts: string[] = [];
          for (const { start, end } of windows) {
            // A copy: the child gets exactly this piece, not the whole buffer behind a view.
            texts.push((await engine.recognize({ config, samples: samples.slice(start, end), sampleRate }, signal)).trim());
          }
          const text = texts.filter(Boolean).join(' ');
          log.info('stt.transcribed', {
            provider: 'local',
            family: layout.family,
            windows: windows.length,
            audioMs: Math.round((samples.length / sampleRate) * 1000),
            chars: text.length,
            ms: Math.round(performance.now() - started),
          });
          return { text };
        } catch (error) {
          const failure = isTranscriptionError(error)
            ? error
            : new TranscriptionError('RECOGNITION_FAILED', 'The speech model could not transcribe the recording.');
          log.warn('stt.failed', { provider: 'local', family: layout.family, code: failure.code, error: isTranscriptionError(error) ? null : describeError(error) });
          throw failure;
        }
      });
    },
  };
}

/** Settles with `work`, or rejects with CANCELLED as soon as the signal aborts, even while queued. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
