import { concatSamples } from '../../shared/audio/pcm';
import { createVoiceActivityDetector } from '../../shared/audio/vad';

/**
 * Partial transcripts while the candidate speaks (issue #4, `transcription` with
 * `isFinal: false`). sherpa-onnx's offline models and the transcription APIs take whole
 * recordings, not a stream, so the answer is cut into phrases at the candidate's own pauses
 * and each finished phrase is transcribed on its own; the text so far is the phrases joined.
 * The final transcript is still made from the whole recording, which gives the recogniser
 * all the context, so partials only ever show progress and never decide what is evaluated.
 *
 * Recognition slower than speech must not pile up work that delays the final transcript:
 * one phrase is transcribed at a time, and phrases that end meanwhile are joined into one.
 */
export interface LiveTranscriptOptions {
  sampleRate: number;
  transcribePhrase(samples: Int16Array, signal: AbortSignal): Promise<string>;
  /** The text so far, each time a phrase adds to it. */
  onText(text: string): void;
  /** The first failure stops the partials for this answer; the final transcript still comes. */
  onFailure(error: unknown): void;
}

export interface LiveTranscript {
  push(samples: Int16Array): void;
  /** The answer ended: nothing more is transcribed or reported. */
  stop(): void;
}

/** A pause this long between words ends a phrase: a breath or a comma is shorter. */
export const PHRASE_PAUSE_MS = 600;
/** Speech with no such pause is cut here anyway, so memory stays small however long the answer. */
export const MAX_PHRASE_MS = 20_000;
/** Kept either side of the speech, so word onsets and endings are not clipped. */
const MARGIN_MS = 200;

export function startLiveTranscript(options: LiveTranscriptOptions): LiveTranscript {
  const samplesIn = (ms: number): number => Math.round((ms * options.sampleRate) / 1000);
  const vad = createVoiceActivityDetector({ sampleRate: options.sampleRate, silenceMs: PHRASE_PAUSE_MS });
  const buffer = createSampleBuffer();
  const controller = new AbortController();
  const phrases: string[] = [];
  let received = 0;
  let speechSinceCut = false;
  let waiting: Int16Array[] = [];
  let running = false;
  let stopped = false;

  const transcribeNext = async (): Promise<void> => {
    running = true;
    while (waiting.length > 0 && !stopped) {
      const phrase = concatSamples(waiting);
      waiting = [];
      try {
        const text = (await options.transcribePhrase(phrase, controller.signal)).trim();
        if (stopped) break;
        if (text) {
          phrases.push(text);
          options.onText(phrases.join(' '));
        }
      } catch (error) {
        if (!stopped) options.onFailure(error);
        stopped = true;
      }
    }
    running = false;
  };

  const cutPhrase = (endSample: number): void => {
    const phrase = buffer.take(endSample);
    speechSinceCut = false;
    if (phrase.length === 0) return;
    waiting.push(phrase);
    if (!running) void transcribeNext();
  };

  return {
    push(samples) {
      if (stopped) return;
      buffer.push(samples);
      received += samples.length;
      for (const event of vad.push(samples)) {
        if (event.type === 'speech-start') {
          // The quiet before the phrase is not worth transcribing.
          buffer.drop(samplesIn(event.timeMs - MARGIN_MS));
          speechSinceCut = true;
        } else if (speechSinceCut) {
          cutPhrase(Math.min(received, samplesIn(event.speechEndMs + MARGIN_MS)));
        }
      }
      if (buffer.length() >= samplesIn(MAX_PHRASE_MS)) {
        if (speechSinceCut) cutPhrase(received);
        else buffer.drop(received - samplesIn(MARGIN_MS));
      }
    },
    stop() {
      stopped = true;
      waiting = [];
      controller.abort();
    },
  };
}

/** The samples not yet part of a phrase, addressed by their index in the whole answer. */
function createSampleBuffer() {
  const chunks: Int16Array[] = [];
  let start = 0;
  let length = 0;

  /** Removes the samples before `end` (an index in the whole answer) and returns them. */
  const take = (end: number): Int16Array => {
    const count = Math.max(0, Math.min(end - start, length));
    const taken = new Int16Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = chunks[0]!;
      const used = Math.min(chunk.length, count - filled);
      taken.set(chunk.subarray(0, used), filled);
      filled += used;
      if (used === chunk.length) chunks.shift();
      else chunks[0] = chunk.subarray(used);
    }
    start += count;
    length -= count;
    return taken;
  };

  return {
    push(samples: Int16Array): void {
      chunks.push(samples.slice());
      length += samples.length;
    },
    take,
    drop(end: number): void {
      if (end > start) take(end);
    },
    length: (): number => length,
  };
}
