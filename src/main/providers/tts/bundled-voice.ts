import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { wavHeader } from '../../audio/wav-format';
import type { TextToSpeechPort } from '../../engine/ports';
import type { Logger } from '../../log';
import { createBundledSpeechEngine, type BundledSpeech, type BundledSpeechEngine } from './bundled-voice-engine';
import { speakableText } from './speakable-text';
import { SpeechSynthesisError, cancelledError, emptyTextError } from './speech-synthesis-error';
import { InvalidSpeechFileError, commitSpeechWav, partialPathFor } from './spoken-wav-file';
import { DEFAULT_WORDS_PER_MINUTE, type VoiceAvailability } from './system-voice';

export interface BundledVoiceOptions {
  /** An espeak-ng voice or language (`en-us`, `en-gb`, `en-us+f3`); any other name speaks American English. */
  voice?: string | undefined;
  wordsPerMinute?: number;
  /** For tests: an engine of their own instead of the one the whole app shares. */
  engine?: BundledSpeechEngine;
  /** The shared engine's log (loads, crashes, idle frees), taken from whoever starts it first. */
  log?: Logger;
}

export interface BundledVoice extends TextToSpeechPort {
  availability(): Promise<VoiceAvailability>;
}

const MISSING = 'The built-in voice is missing from this copy of the app; reinstall it or choose OpenAI speech in Settings.';

/** One engine for the whole app, so a change of settings does not load a second copy. */
let sharedEngine: BundledSpeechEngine | undefined;

/**
 * The voice that ships with the app: espeak-ng compiled to WebAssembly
 * (@echogarden/espeak-ng-emscripten, GPL-3.0; docs/licensing.md). It is what speaks when the
 * computer has no voice of its own (zero-setup-voice.ts), so unlike the system voice it never
 * fails over a voice name: a name it does not know (a macOS or Windows voice) speaks with its
 * default English voice instead.
 */
export function createBundledVoice(options: BundledVoiceOptions = {}): BundledVoice {
  const engine = (): BundledSpeechEngine => options.engine ?? (sharedEngine ??= createBundledSpeechEngine(options.log ? { log: options.log } : {}));
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;

  return {
    name: 'bundled',

    async availability() {
      return engine().installed() ? { available: true } : { available: false, reason: MISSING };
    },

    async synthesize(request) {
      const text = speakableText(request.text);
      if (!text) throw emptyTextError();
      if (!engine().installed()) throw new SpeechSynthesisError('NOT_AVAILABLE', MISSING);
      const speech = await engine().speak({ text, voice: request.voice ?? options.voice, wordsPerMinute }, request.signal);

      const outputPath = resolve(request.outputPath);
      const partialPath = partialPathFor(outputPath);
      try {
        await writeFile(partialPath, wavBytes(speech));
        if (request.signal?.aborted) throw cancelledError();
        return await commitSpeechWav(partialPath, outputPath);
      } catch (error) {
        await rm(partialPath, { force: true });
        if (error instanceof SpeechSynthesisError) throw error;
        if (error instanceof InvalidSpeechFileError) {
          throw new SpeechSynthesisError('SYNTHESIS_FAILED', 'The built-in voice did not produce any audio for this question.');
        }
        throw new SpeechSynthesisError('SYNTHESIS_FAILED', 'The spoken question could not be saved.');
      }
    },
  };
}

/** A canonical 16-bit mono WAV. Int16Array bytes are little-endian, as WAV wants, on every CPU the app ships for. */
function wavBytes(speech: BundledSpeech): Buffer {
  const pcm = Buffer.from(speech.samples.buffer, speech.samples.byteOffset, speech.samples.byteLength);
  return Buffer.concat([wavHeader({ sampleRate: speech.sampleRate, channels: 1, bitsPerSample: 16 }, pcm.length), pcm]);
}
