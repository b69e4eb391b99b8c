import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinedWithSilence, padded, samplesOf, speechClip } from '../../../tests/support/audio/speech-audio';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { MAX_PHRASE_MS, startLiveTranscript, type LiveTranscriptOptions } from './live-transcript';

/**
 * Partial transcripts from phrases (issue #4): real speech from espeak-ng, cut at the
 * speaker's pauses, each phrase handed to the recogniser once, the text so far reported.
 */
const RATE = 16_000;
let temp: ReturnType<typeof makeTempDir>;
let twoPhrases: Int16Array;
let firstPhraseMs: number;
let secondPhraseMs: number;

beforeAll(() => {
  temp = makeTempDir('live-transcript');
  const first = speechClip(temp.path, 'first', 'I would start by measuring the slow query.', { sampleRate: RATE });
  const second = speechClip(temp.path, 'second', 'Then I would add an index and measure it again.', { sampleRate: RATE });
  firstPhraseMs = (samplesOf(first).length / RATE) * 1000;
  secondPhraseMs = (samplesOf(second).length / RATE) * 1000;
  // A second of quiet before, a 1.2 s pause between the phrases, and the quiet after them.
  twoPhrases = samplesOf(padded(temp.path, 'answer', joinedWithSilence(temp.path, 'joined', [first, second], 1_200), 1_000, 1_500));
});
afterAll(() => temp.remove());

/** Pushes audio in 50 ms chunks, like the microphone does. */
function speakInto(transcript: { push(samples: Int16Array): void }, samples: Int16Array): void {
  for (let offset = 0; offset < samples.length; offset += RATE / 20) transcript.push(samples.subarray(offset, offset + RATE / 20));
}

/** A recogniser that names what it was given: "phrase N of M ms". */
function recorder(options: { delayMs?: number; fail?: boolean } = {}) {
  const phrases: { ms: number; signal: AbortSignal }[] = [];
  const texts: string[] = [];
  const failures: unknown[] = [];
  const callbacks: LiveTranscriptOptions = {
    sampleRate: RATE,
    async transcribePhrase(samples, signal) {
      phrases.push({ ms: (samples.length / RATE) * 1000, signal });
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.fail) throw new Error('server down');
      return ` phrase ${phrases.length} `;
    },
    onText: (text) => texts.push(text),
    onFailure: (error) => failures.push(error),
  };
  return { phrases, texts, failures, callbacks };
}

const settle = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('live transcript', () => {
  it('transcribes each phrase once, at the pause after it, and reports the text so far', async () => {
    const recognizer = recorder();
    const transcript = startLiveTranscript(recognizer.callbacks);
    speakInto(transcript, twoPhrases);
    await settle();

    expect(recognizer.phrases).toHaveLength(2);
    // Each phrase is the speech with a little margin, not the quiet around it.
    expect(recognizer.phrases[0]!.ms).toBeGreaterThan(firstPhraseMs - 100);
    expect(recognizer.phrases[0]!.ms).toBeLessThan(firstPhraseMs + 700);
    expect(recognizer.phrases[1]!.ms).toBeGreaterThan(secondPhraseMs - 100);
    expect(recognizer.phrases[1]!.ms).toBeLessThan(secondPhraseMs + 700);
    expect(recognizer.texts).toEqual(['phrase 1', 'phrase 1 phrase 2']);
  });

  it('joins phrases that end while the recogniser is busy, so it never falls behind', async () => {
    const recognizer = recorder({ delayMs: 150 });
    const transcript = startLiveTranscript(recognizer.callbacks);
    // Three phrases arrive faster than one is transcribed.
    speakInto(transcript, twoPhrases);
    speakInto(transcript, twoPhrases);
    await settle(500);
    expect(recognizer.phrases).toHaveLength(2);
    expect(recognizer.phrases[1]!.ms).toBeGreaterThan(firstPhraseMs + secondPhraseMs);
    expect(recognizer.texts.at(-1)).toBe('phrase 1 phrase 2');
  });

  it('reports nothing once stopped, and cancels the phrase being transcribed', async () => {
    const recognizer = recorder({ delayMs: 100 });
    const transcript = startLiveTranscript(recognizer.callbacks);
    speakInto(transcript, twoPhrases);
    transcript.stop();
    await settle(300);
    expect(recognizer.phrases[0]!.signal.aborted).toBe(true);
    expect(recognizer.texts).toEqual([]);
    speakInto(transcript, twoPhrases);
    await settle();
    expect(recognizer.phrases).toHaveLength(1);
  });

  it('gives up on partials at the first failure, and says so once', async () => {
    const recognizer = recorder({ fail: true });
    const transcript = startLiveTranscript(recognizer.callbacks);
    speakInto(transcript, twoPhrases);
    await settle();
    speakInto(transcript, twoPhrases);
    await settle();
    expect(recognizer.failures).toHaveLength(1);
    expect(recognizer.phrases).toHaveLength(1);
    expect(recognizer.texts).toEqual([]);
  });

  it('cuts speech that never pauses into bounded phrases, and ignores a long silence', async () => {
    const recognizer = recorder();
    const transcript = startLiveTranscript(recognizer.callbacks);
    // 25 s of silence: nothing to transcribe.
    speakInto(transcript, new Int16Array(RATE * 25));
    await settle();
    expect(recognizer.phrases).toHaveLength(0);
    // A 25 s tone stands in for speech without a pause.
    const tone = Int16Array.from({ length: RATE * 25 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / RATE)));
    speakInto(transcript, tone);
    await settle();
    expect(recognizer.phrases).toHaveLength(1);
    expect(recognizer.phrases[0]!.ms).toBeLessThanOrEqual(MAX_PHRASE_MS + 250);
  });
});
