import { stat, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TextToSpeechPort } from '../../engine/ports';
import { describeError, silentLogger, type Logger } from '../../log';
import { createSherpaTtsProcess, type OfflineTtsConfig, type SpeechEngine } from './sherpa-tts-process';
import { speechWavFromSamples } from './sherpa-tts-wav';
import { speakableText } from './speakable-text';
import { SpeechSynthesisError, cancelledError, emptyTextError, timeoutError } from './speech-synthesis-error';
import { InvalidSpeechFileError, commitSpeechWav, partialPathFor } from './spoken-wav-file';
import type { VoiceAvailability } from './system-voice';

/**
 * A natural local voice (DESIGN.md §5, docs/voices.md): a Piper voice, converted for
 * sherpa-onnx, run by sherpa-onnx's OfflineTts in a child process (sherpa-tts-process.ts).
 *
 * Wiring it in:
 *
 *   createPiperVoice({
 *     // The installed voice chosen in Settings, or undefined when none is installed.
 *     voiceFiles: async () => ({ model: '<dir>/en_US-lessac-medium.onnx', tokens: '<dir>/tokens.txt' }),
 *     // espeak-ng's data folder, extracted from the bundled package on first use.
 *     espeakDataDir: () => ensureEspeakNgData(join(modelsDir, 'espeak-ng-data'), { log }),
 *     log,
 *   })
 *
 * Both functions are called at every request, so a voice installed, removed or chosen in
 * Settings applies to the next question. `request.voice` is not used: the voice is the one
 * `voiceFiles` returns. Call `close()` when the voice is replaced, to free the child process
 * at once rather than after `idleMs`.
 */
export interface PiperVoiceFiles {
  /** The voice's .onnx, with sherpa-onnx's metadata (comment=piper, voice, sample_rate …). */
  model: string;
  /** Its tokens.txt: one "<phoneme> <id>" per line. */
  tokens: string;
}

export interface PiperVoiceOptions {
  voiceFiles: () => Promise<PiperVoiceFiles | undefined>;
  espeakDataDir: () => Promise<string>;
  log?: Logger;
  /** How long the loaded voice stays in memory without a request; 5 minutes by default. */
  idleMs?: number;
  /**
   * 1 (the default) is the pace the voice was trained at, with the length scale its author
   * chose. Matching the system voice's 165 words per minute exactly would mean measuring
   * each voice; this lets the wiring slow a voice that proves hurried (0.9 is about 10% slower).
   */
  speed?: number;
  /** Whole-request limit, loading the voice included; 60 s by default, like the system voice. */
  timeoutMs?: number;
  numThreads?: number;
  /** For tests: another module in place of sherpa-onnx-node, or another engine altogether. */
  addonPath?: string;
  engine?: SpeechEngine;
}

export interface PiperVoice extends TextToSpeechPort {
  /** Whether a voice is installed and can run, and if not, a sentence for the user saying why. */
  availability(): Promise<VoiceAvailability>;
  /** Stops the voice's process now; the next request starts it again. */
  close(): void;
}

export const DEFAULT_PIPER_TIMEOUT_MS = 60_000;
/** A question is a sentence or two: two threads cut the wait without taking the whole CPU. */
const DEFAULT_THREADS = 2;
const NO_VOICE = 'No natural voice is installed: download one in Settings, or choose another voice.';
const NO_ENGINE = 'Natural voices do not work on this computer: choose another voice in Settings.';

export function createPiperVoice(options: PiperVoiceOptions): PiperVoice {
  const log = options.log ?? silentLogger;
  const speed = options.speed ?? 1;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PIPER_TIMEOUT_MS;
  const numThreads = options.numThreads ?? DEFAULT_THREADS;
  const engine =
    options.engine ??
    createSherpaTtsProcess({ log, ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}), ...(options.addonPath ? { addonPath: options.addonPath } : {}) });

  // A catalog that cannot be read is reported like a voice that is not installed.
  const installedFiles = async (): Promise<PiperVoiceFiles | undefined> => {
    const files = await options.voiceFiles().catch((error: unknown) => {
      log.error('tts.local.voice_files_failed', { error: describeError(error) });
      return undefined;
    });
    if (!files) return undefined;
    const present = await Promise.all([files.model, files.tokens].map((path) => stat(path).then((s) => s.isFile(), () => false)));
    return present.every(Boolean) ? files : undefined;
  };

  return {
    name: 'local',

    async availability() {
      if (!engine.installed()) return { available: false, reason: NO_ENGINE };
      return (await installedFiles()) ? { available: true } : { available: false, reason: NO_VOICE };
    },

    async synthesize(request) {
      const text = speakableText(request.text);
      if (!text) throw emptyTextError();
      if (request.signal?.aborted) throw cancelledError();
      const files = await installedFiles();
      if (!files) throw new SpeechSynthesisError('NOT_AVAILABLE', NO_VOICE);
      const dataDir = await options.espeakDataDir().catch((error: unknown) => {
        log.error('tts.local.espeak_data_failed', { error: describeError(error) });
        throw new SpeechSynthesisError('SYNTHESIS_FAILED', 'The natural voice could not be prepared on this computer: choose another voice in Settings.');
      });
      if (request.signal?.aborted) throw cancelledError();

      const config: OfflineTtsConfig = {
        model: { vits: { model: files.model, tokens: files.tokens, dataDir }, numThreads, provider: 'cpu', debug: 0 },
        maxNumSentences: 1,
      };
      const started = performance.now();
      const speech = await withTimeout(timeoutMs, request.signal, (signal) => engine.generate({ config, text, speed }, signal));
      if (request.signal?.aborted) throw cancelledError();

      const outputPath = resolve(request.outputPath);
      const partialPath = partialPathFor(outputPath);
      try {
        await writeFile(partialPath, speechWavFromSamples(speech.samples, speech.sampleRate));
        const written = await commitSpeechWav(partialPath, outputPath);
        // Lengths and timings only: the question's text is never logged (DESIGN.md §7).
        log.info('tts.local.spoken', { chars: text.length, ms: Math.round(performance.now() - started), audioMs: Math.round(written.durationMs) });
        return written;
      } catch (error) {
        await rm(partialPath, { force: true });
        if (error instanceof InvalidSpeechFileError) throw new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice did not produce any audio for this question.');
        log.error('tts.local.save_failed', { error: describeError(error) });
        throw new SpeechSynthesisError('SYNTHESIS_FAILED', 'The spoken question could not be saved.');
      }
    },

    close() {
      engine.close();
    },
  };
}

/** Runs `work` with a signal that fires on the caller's cancel or after `limitMs`, and says which. */
async function withTimeout<T>(limitMs: number, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const forward = (): void => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limitMs);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (timedOut && error instanceof SpeechSynthesisError && error.code === 'CANCELLED') throw timeoutError(limitMs);
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}
