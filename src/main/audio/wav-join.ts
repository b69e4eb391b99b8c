import { readWav, type WavAudio } from './wav-file';

/**
 * Several WAV files as one recording, in order: the sentences of a streamed question become
 * the question's own audio (issue #10), so repeat, resume and the report play the whole
 * question. They must share a sample rate (one voice speaks them all); resampling here would
 * only hide a mix-up of voices, so files that differ are refused and the caller speaks the
 * whole text again instead.
 */
export function joinWavs(paths: readonly string[]): Pick<WavAudio, 'samples' | 'durationMs'> & { sampleRate: number } {
  const parts = paths.map((path) => readWav(path));
  const first = parts[0];
  if (!first) throw new Error('no audio to join');
  const sampleRate = first.format.sampleRate;
  if (parts.some((part) => part.format.sampleRate !== sampleRate)) throw new Error('the parts have different sample rates');
  const samples = new Int16Array(parts.reduce((sum, part) => sum + part.samples.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part.samples, offset);
    offset += part.samples.length;
  }
  return { samples, sampleRate, durationMs: Math.round((samples.length / sampleRate) * 1000) };
}
