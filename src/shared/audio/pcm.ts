/**
 * Sample conversions for microphone audio (DESIGN.md §4.3): the renderer's AudioWorklet gets
 * float samples at the device rate (often 48 kHz) and sends mono 16-bit PCM at the rate
 * announced in `audio_start` (16 kHz). Pure TypeScript, so it runs in the worklet and in main.
 */

/** The level reported for digital silence, instead of -Infinity, so meters and maths stay finite. */
export const SILENCE_DBFS = -120;

const INT16_MAX = 32767;
const INT16_MIN = -32768;

/**
 * -1..1 floats to int16. Negative and positive halves are scaled separately (by 32768 and
 * 32767) so that ±1 reach the ends of the range and `int16ToFloat` undoes it exactly.
 */
function toInt16Sample(value: number): number {
  const scaled = value < 0 ? value * -INT16_MIN : value * INT16_MAX;
  // NaN (a broken input node) becomes silence rather than poisoning the stream.
  if (Number.isNaN(scaled)) return 0;
  return Math.max(INT16_MIN, Math.min(INT16_MAX, Math.round(scaled)));
}

export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = toInt16Sample(samples[i]!);
  return out;
}

export function int16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i]!;
    out[i] = value < 0 ? value / -INT16_MIN : value / INT16_MAX;
  }
  return out;
}

/** pcm_s16le (DESIGN.md §4.3) is little-endian; so is every CPU the app ships for, but a check costs nothing. */
const IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Little-endian 16-bit PCM bytes as samples, copied into memory of their own. Bytes that
 * arrive from a transport are usually a view into a larger buffer (a WebSocket frame inside
 * the socket's read buffer, issue #9), often at an odd offset, where an Int16Array cannot be
 * laid over them; copying also keeps later reads of that buffer from changing the samples.
 * A trailing odd byte is half a sample and is left out.
 */
export function pcm16leToSamples(bytes: Uint8Array): Int16Array {
  const samples = new Int16Array(bytes.byteLength >> 1);
  if (IS_LITTLE_ENDIAN) {
    new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.byteLength));
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true);
  }
  return samples;
}

/** Samples as little-endian 16-bit PCM bytes, as WAV files and the protocol carry them. */
export function samplesToPcm16le(samples: Int16Array): Uint8Array {
  if (IS_LITTLE_ENDIAN) return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  const bytes = new Uint8Array(samples.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i]!, true);
  return bytes;
}

/** Decodes one stream's chunks; call it with consecutive chunks. */
export type PcmDecoder = (chunk: Uint8Array) => Int16Array;

/**
 * A streaming `pcm16leToSamples`: a chunk may end half-way through a sample (nothing in the
 * protocol aligns chunks), and that byte becomes the first half of the next chunk's first sample.
 */
export function createPcmDecoder(): PcmDecoder {
  let carry: number | undefined;
  return (chunk) => {
    let bytes = chunk;
    if (carry !== undefined) {
      bytes = new Uint8Array(chunk.byteLength + 1);
      bytes[0] = carry;
      bytes.set(chunk, 1);
    }
    carry = bytes.byteLength % 2 === 1 ? bytes[bytes.byteLength - 1] : undefined;
    return pcm16leToSamples(bytes);
  };
}

/** Chunks of one stream as one array. */
export function concatSamples(parts: readonly Int16Array[]): Int16Array {
  if (parts.length === 1) return parts[0]!;
  const joined = new Int16Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/**
 * RMS level relative to full scale (0 dBFS is a full-scale square wave; a full-scale sine is
 * about -3 dBFS). Int16 samples are read as fractions of 32768. Silence and empty input give
 * SILENCE_DBFS.
 */
export function rmsDbfs(samples: Float32Array | Int16Array): number {
  if (samples.length === 0) return SILENCE_DBFS;
  const scale = samples instanceof Int16Array ? 1 / -INT16_MIN : 1;
  let sumOfSquares = 0;
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i]! * scale;
    sumOfSquares += value * value;
  }
  const rms = Math.sqrt(sumOfSquares / samples.length);
  return rms > 0 ? Math.max(SILENCE_DBFS, 20 * Math.log10(rms)) : SILENCE_DBFS;
}

/** Converts one chunk; call it with consecutive chunks of the same stream. */
export type Downsampler = (input: Float32Array) => Int16Array;

/**
 * A streaming downsampler to 16-bit PCM. Each output sample is the mean of the input samples
 * in its output period: a box filter, crude but enough to keep hiss above the new Nyquist
 * frequency from folding back into the speech band (a 16 kHz tone cancels out exactly at
 * 48 → 16 kHz, where plain decimation would turn it into a DC offset).
 *
 * Input sample `n` (counted from the start of the stream, not of the chunk) belongs to
 * output sample floor(n · outputRate / inputRate). Counting from the start keeps chunk
 * boundaries invisible and stops drift at ratios like 44.1 → 16 kHz: after N inputs exactly
 * floor(N · outputRate / inputRate) samples have come out. The products stay exact integers
 * in a double for years of audio.
 */
export function createDownsampler(inputRate: number, outputRate: number): Downsampler {
  if (!(Number.isInteger(inputRate) && Number.isInteger(outputRate) && inputRate > 0 && outputRate > 0)) {
    throw new RangeError(`sample rates must be positive integers (got ${inputRate} → ${outputRate})`);
  }
  if (outputRate > inputRate) {
    // Averaging cannot invent samples; a device slower than the target should not happen
    // because the AudioContext can be asked for the target rate instead.
    throw new RangeError(`cannot upsample from ${inputRate} Hz to ${outputRate} Hz`);
  }
  let inputIndex = 0;
  let periodSum = 0;
  let periodCount = 0;
  return (input) => {
    // At most one more output than the exact share, because a period may have begun earlier.
    const out = new Int16Array(Math.ceil((input.length * outputRate) / inputRate) + 1);
    let written = 0;
    for (let i = 0; i < input.length; i++) {
      periodSum += input[i]!;
      periodCount += 1;
      inputIndex += 1;
      const periodEnds = Math.floor((inputIndex * outputRate) / inputRate) !== Math.floor(((inputIndex - 1) * outputRate) / inputRate);
      if (periodEnds) {
        out[written++] = toInt16Sample(periodSum / periodCount);
        periodSum = 0;
        periodCount = 0;
      }
    }
    // A copy of exact length, because callers post `.buffer` to the main thread as it is.
    return out.slice(0, written);
  };
}
