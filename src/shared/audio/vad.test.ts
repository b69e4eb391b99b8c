import { beforeAll, describe, expect, it } from 'vitest';
import { createVoiceActivityDetector, findSpeechSegments, type VadEvent, type VoiceActivityDetector } from './vad';

/**
 * Real speech (the bundled espeak-ng, laid out in silence) comes from a Node helper. It is imported by a
 * path held in a variable because tsconfig.web.json compiles src/shared, tests included,
 * without Node types; the shape it returns is declared here.
 */
const SPEECH_HELPER = '../../../tests/support/audio/speech-recording';
interface SpeechRecording {
  samples: Int16Array;
  parts: { startMs: number; endMs: number }[];
}
interface SpeechHelper {
  recordSpeech(texts: string[], layout: { leadMs?: number; gapMs?: number; tailMs?: number }): SpeechRecording;
  withNoise(samples: Int16Array, levelDbfs: number, seed?: number): Int16Array;
}

const RATE = 16_000;
const FRAME_MS = 20;
const SILENCE_MS = 1500;
const LEAD_MS = 1000;
const samplesIn = (ms: number): number => (ms * RATE) / 1000;

const FIRST = 'I led the migration of our billing service to a new database, and we cut costs by a third.';
const SECOND = 'Then I wrote the runbook for the on call team.';

let withNoise: SpeechHelper['withNoise'];
/** One answer: LEAD_MS of silence, the speech, 5 s of silence. */
let answer: Int16Array;
let speechEndMs: number;
/** Two sentences 3 s apart, after LEAD_MS of silence. */
let twoParts: SpeechRecording;

beforeAll(async () => {
  const helper = (await import(/* @vite-ignore */ SPEECH_HELPER)) as SpeechHelper;
  withNoise = helper.withNoise;
  const one = helper.recordSpeech([FIRST], { leadMs: LEAD_MS, tailMs: 5000 });
  answer = one.samples;
  speechEndMs = one.parts[0]!.endMs;
  twoParts = helper.recordSpeech([FIRST, SECOND], { leadMs: LEAD_MS, gapMs: 3000, tailMs: 2000 });
});

function pushInChunks(vad: VoiceActivityDetector, samples: Int16Array, chunkSamples: number): VadEvent[] {
  const events: VadEvent[] = [];
  for (let i = 0; i < samples.length; i += chunkSamples) events.push(...vad.push(samples.subarray(i, i + chunkSamples)));
  return events;
}

const detector = (): VoiceActivityDetector => createVoiceActivityDetector({ sampleRate: RATE, silenceMs: SILENCE_MS });

describe('createVoiceActivityDetector', () => {
  it('hears the answer start, then ends it silenceMs after the voice stops', () => {
    const events = pushInChunks(detector(), answer, samplesIn(100));
    expect(events.map((e) => e.type)).toEqual(['speech-start', 'end-of-answer']);
    const [start, end] = events as [VadEvent, Extract<VadEvent, { type: 'end-of-answer' }>];
    expect(Math.abs(start.timeMs - LEAD_MS)).toBeLessThanOrEqual(FRAME_MS);
    expect(Math.abs(end.speechEndMs - speechEndMs)).toBeLessThanOrEqual(2 * FRAME_MS);
    expect(Math.abs(end.timeMs - (speechEndMs + SILENCE_MS))).toBeLessThanOrEqual(2 * FRAME_MS);
  });

  it('gives the same events whatever the chunk size', () => {
    const reference = pushInChunks(detector(), answer, samplesIn(100));
    for (const chunk of [1, 160, 321, samplesIn(20), 4999]) expect(pushInChunks(detector(), answer, chunk)).toEqual(reference);
  });

  it('never ends while held, and gives the full silence again after release', () => {
    const vad = detector();
    // The candidate stops, and 1 s into the silence says "let me think".
    const heldAt = samplesIn(speechEndMs + 1000);
    expect(pushInChunks(vad, answer.subarray(0, heldAt), 1600).map((e) => e.type)).toEqual(['speech-start']);

    vad.hold(true);
    expect(pushInChunks(vad, answer.subarray(heldAt), 1600)).toEqual([]);
    expect(pushInChunks(vad, new Int16Array(samplesIn(10_000)), 1600)).toEqual([]);

    vad.hold(false);
    const releasedAtMs = (answer.length * 1000) / RATE + 10_000;
    const afterRelease = pushInChunks(vad, new Int16Array(samplesIn(3000)), 320);
    expect(afterRelease).toHaveLength(1);
    expect(afterRelease[0]!.type).toBe('end-of-answer');
    expect(Math.abs(afterRelease[0]!.timeMs - (releasedAtMs + SILENCE_MS))).toBeLessThanOrEqual(FRAME_MS);
  });

  it('ends on silence in a noisy room too (noise above the fixed -50 dBFS threshold)', () => {
    const noisy = withNoise(answer, -35);
    const events = pushInChunks(detector(), noisy, samplesIn(100));
    expect(events.map((e) => e.type)).toEqual(['speech-start', 'end-of-answer']);
    const end = events[1] as Extract<VadEvent, { type: 'end-of-answer' }>;
    expect(Math.abs(events[0]!.timeMs - LEAD_MS)).toBeLessThanOrEqual(3 * FRAME_MS);
    // The speech's quiet tail drowns in the noise, so the end may be heard a little early.
    expect(end.speechEndMs).toBeGreaterThan(speechEndMs - 200);
    expect(end.speechEndMs).toBeLessThanOrEqual(speechEndMs + 2 * FRAME_MS);
    expect(end.timeMs - end.speechEndMs).toBe(SILENCE_MS);
  });

  it('does not end the answer early when the microphone opens with digital silence in a noisy room', () => {
    // 200 ms of zeros (the stream starting), then a -40 dBFS room for 4 s before the answer.
    const thinkingMs = 4000;
    const recording = new Int16Array(samplesIn(thinkingMs) + answer.length);
    recording.set(answer, samplesIn(thinkingMs));
    const noisy = withNoise(recording, -40, 3).fill(0, 0, samplesIn(200));
    const speechStartMs = thinkingMs + LEAD_MS;

    const events = pushInChunks(detector(), noisy, 1600);
    const ends = events.filter((e) => e.type === 'end-of-answer');
    expect(ends).toHaveLength(1);
    expect(Math.abs(ends[0]!.speechEndMs - (thinkingMs + speechEndMs))).toBeLessThan(200);
    const lastStart = events.filter((e) => e.type === 'speech-start').at(-1)!;
    expect(Math.abs(lastStart.timeMs - speechStartMs)).toBeLessThanOrEqual(3 * FRAME_MS);

    const segments = findSpeechSegments(noisy, RATE);
    expect(segments).toHaveLength(1);
    expect(Math.abs(segments[0]!.startMs - speechStartMs)).toBeLessThanOrEqual(3 * FRAME_MS);
  });

  it('says nothing about a room with only noise in it', () => {
    const noiseOnly = withNoise(new Int16Array(samplesIn(10_000)), -35, 7);
    expect(pushInChunks(detector(), noiseOnly, 1600)).toEqual([]);
  });

  it('ignores a click before speech, and a click in the silence does not postpone the end', () => {
    const click = (samples: Int16Array, atMs: number): Int16Array => {
      const copy = samples.slice();
      copy.fill(20_000, samplesIn(atMs), samplesIn(atMs + 20));
      return copy;
    };
    expect(pushInChunks(detector(), click(new Int16Array(samplesIn(3000)), 1000), 1600)).toEqual([]);

    const reference = pushInChunks(detector(), answer, 1600);
    const clicked = pushInChunks(detector(), click(answer, speechEndMs + 700), 1600);
    expect(clicked).toEqual(reference);
  });

  it('listens again after an answer ends: a pause longer than silenceMs makes two answers', () => {
    const events = pushInChunks(detector(), twoParts.samples, 1600);
    expect(events.map((e) => e.type)).toEqual(['speech-start', 'end-of-answer', 'speech-start', 'end-of-answer']);
    expect(Math.abs(events[2]!.timeMs - twoParts.parts[1]!.startMs)).toBeLessThanOrEqual(2 * FRAME_MS);
  });
});

describe('findSpeechSegments', () => {
  it('finds the two parts of speech either side of a 3 s silence', () => {
    const segments = findSpeechSegments(twoParts.samples, RATE);
    expect(segments).toHaveLength(2);
    for (const [i, part] of twoParts.parts.entries()) {
      expect(Math.abs(segments[i]!.startMs - part.startMs)).toBeLessThanOrEqual(2 * FRAME_MS);
      expect(Math.abs(segments[i]!.endMs - part.endMs)).toBeLessThanOrEqual(2 * FRAME_MS);
    }
  });

  it('keeps a sentence with a comma pause in one piece, and splits it when asked to merge nothing', () => {
    expect(findSpeechSegments(answer, RATE)).toHaveLength(1);
    expect(findSpeechSegments(answer, RATE, { mergeGapMs: 0, minSpeechMs: 0 }).length).toBeGreaterThan(1);
  });

  it('still finds two parts in a noisy room', () => {
    expect(findSpeechSegments(withNoise(twoParts.samples, -35), RATE)).toHaveLength(2);
  });

  it('finds nothing in silence or in noise alone', () => {
    expect(findSpeechSegments(new Int16Array(samplesIn(2000)), RATE)).toEqual([]);
    expect(findSpeechSegments(withNoise(new Int16Array(samplesIn(5000)), -40), RATE)).toEqual([]);
  });
});
