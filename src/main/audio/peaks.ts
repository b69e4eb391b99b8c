/**
 * Waveform peaks for wavesurfer.js (issue #4): the loudest sample of each 1/perSecond slice,
 * as a fraction of full scale. Full scale rather than the file's own maximum, so peaks can be
 * computed while recording without knowing what comes later (wavesurfer's `normalize`
 * option stretches them for display if wanted).
 */

export const DEFAULT_PEAKS_PER_SECOND = 50;

export interface PeakAccumulator {
  push(chunk: Int16Array): void;
  /** The peaks so far, including the slice still being filled. */
  peaks(): number[];
}

const FULL_SCALE = 32768;

const toPeak = (maxAbs: number): number => Math.round((maxAbs / FULL_SCALE) * 1000) / 1000;

/**
 * Streaming peaks with memory that grows by one number per slice, not per sample. Sample n
 * (counted from the start of the recording) falls in slice floor(n · perSecond / sampleRate),
 * so chunk boundaries never shift a slice and rates like 22050 Hz do not drift.
 */
export function createPeakAccumulator(sampleRate: number, perSecond = DEFAULT_PEAKS_PER_SECOND): PeakAccumulator {
  if (!(sampleRate > 0 && perSecond > 0 && perSecond <= sampleRate)) {
    throw new RangeError(`bad peak rate: ${perSecond} per second at ${sampleRate} Hz`);
  }
  // The first sample of slice k + 1: the smallest n with n · perSecond / sampleRate ≥ k + 1.
  const nextSliceStart = (slice: number): number => Math.ceil(((slice + 1) * sampleRate) / perSecond);
  const finished: number[] = [];
  let sampleIndex = 0;
  let sliceMax = 0;
  let sliceEnd = nextSliceStart(0);
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        if (sampleIndex === sliceEnd) {
          finished.push(toPeak(sliceMax));
          sliceMax = 0;
          sliceEnd = nextSliceStart(finished.length);
        }
        const magnitude = Math.abs(chunk[i]!);
        if (magnitude > sliceMax) sliceMax = magnitude;
        sampleIndex += 1;
      }
    },
    peaks() {
      // Slices are closed when their successor's first sample arrives, so any sample seen
      // means one slice is still open.
      return sampleIndex > 0 ? [...finished, toPeak(sliceMax)] : [...finished];
    },
  };
}

export function computePeaks(samples: Int16Array, sampleRate: number, perSecond = DEFAULT_PEAKS_PER_SECOND): number[] {
  const accumulator = createPeakAccumulator(sampleRate, perSecond);
  accumulator.push(samples);
  return accumulator.peaks();
}
