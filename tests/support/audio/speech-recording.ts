import { join } from 'node:path';
import { makeTempDir } from '../temp-dir';
import { writeWav } from '../../../src/main/audio/wav-file';
import { durationMsOf, joinedWithSilence, padded, samplesOf, sox, speechClips } from './speech-audio';
import { mulberry32 } from '../seeded-random';

// For the tests of src/shared, which reach Node helpers only through this module.
export { missing } from '../system-tools';

/**
 * Whole recordings of real speech as samples, laid out at known times: what a candidate's
 * answer looks like to the code under test. Everything here returns plain data, so tests of
 * src/shared (which tsconfig.web.json compiles without Node types) can load this module by
 * a dynamic import and still get the bundled espeak-ng behind it.
 */

export interface SpeechLayout {
  sampleRate?: number;
  wordsPerMinute?: number;
  /** Silence before the first part, between parts, and after the last part. */
  leadMs?: number;
  gapMs?: number;
  tailMs?: number;
}

export interface SpeechRecording {
  samples: Int16Array;
  sampleRate: number;
  /** Where each text is spoken, from the length of each trimmed clip. */
  parts: { startMs: number; endMs: number }[];
}

export function recordSpeech(texts: string[], layout: SpeechLayout = {}): SpeechRecording {
  const { sampleRate = 16_000, leadMs = 0, gapMs = 0, tailMs = 0, wordsPerMinute } = layout;
  const dir = makeTempDir('speech');
  try {
    const clips = speechClips(
      dir.path,
      texts.map((text, i) => ({ name: `part${i}`, text })),
      { sampleRate, wordsPerMinute },
    );
    const joined = clips.length === 1 ? clips[0]! : joinedWithSilence(dir.path, 'joined', clips, gapMs);
    const samples = samplesOf(padded(dir.path, 'recording', joined, leadMs, tailMs));
    let startMs = leadMs;
    const parts = clips.map((clip) => {
      const part = { startMs, endMs: startMs + durationMsOf(clip) };
      startMs = part.endMs + gapMs;
      return part;
    });
    return { samples, sampleRate, parts };
  } finally {
    dir.remove();
  }
}

/** The same samples at another rate, as sox (a reference resampler) makes them. */
export function resampleWithSox(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  const dir = makeTempDir('resample');
  try {
    writeWav(join(dir.path, 'in.wav'), samples, fromRate);
    sox(join(dir.path, 'in.wav'), '-r', String(toRate), join(dir.path, 'out.wav'));
    return samplesOf(join(dir.path, 'out.wav'));
  } finally {
    dir.remove();
  }
}

/**
 * Steady white noise at an RMS level (dBFS) added to the samples, as a fan or a café would
 * be. Seeded, so a failing test fails the same way every run.
 */
export function withNoise(samples: Int16Array, levelDbfs: number, seed = 1): Int16Array {
  const random = mulberry32(seed);
  // Uniform noise in [-a, a] has an RMS of a/√3.
  const amplitude = Math.sqrt(3) * 32768 * 10 ** (levelDbfs / 20);
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! + (random() * 2 - 1) * amplitude)));
  }
  return out;
}
