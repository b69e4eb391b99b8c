/**
 * Compares two recordings of the same speech: energy envelopes (RMS per 20 ms frame), the
 * best alignment between them, and Pearson's correlation at that alignment.
 */
export function energyEnvelope(samples: Int16Array, sampleRate: number, frameMs = 20): number[] {
  const frame = Math.round((sampleRate * frameMs) / 1000);
  const envelope: number[] = [];
  for (let start = 0; start + frame <= samples.length; start += frame) {
    let sum = 0;
    for (let i = start; i < start + frame; i += 1) sum += (samples[i]! / 32768) ** 2;
    envelope.push(Math.sqrt(sum / frame));
  }
  return envelope;
}

function pearson(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return 0;
  const meanA = a.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const meanB = b.slice(0, n).reduce((s, v) => s + v, 0) / n;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < n; i += 1) {
    cov += (a[i]! - meanA) * (b[i]! - meanB);
    varA += (a[i]! - meanA) ** 2;
    varB += (b[i]! - meanB) ** 2;
  }
  return varA === 0 || varB === 0 ? 0 : cov / Math.sqrt(varA * varB);
}

/** The highest correlation of `recorded` against `source` over shifts of up to `maxShift` frames. */
export function bestEnvelopeCorrelation(source: number[], recorded: number[], maxShift = 100): { correlation: number; shift: number } {
  let best = { correlation: -1, shift: 0 };
  for (let shift = 0; shift <= maxShift && shift < recorded.length; shift += 1) {
    const correlation = pearson(source, recorded.slice(shift, shift + source.length));
    if (correlation > best.correlation) best = { correlation, shift };
  }
  return best;
}
