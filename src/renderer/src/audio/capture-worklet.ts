/**
 * Runs on the audio rendering thread (AudioWorklet): turns the microphone's float samples at
 * the device rate into mono 16-bit PCM at 16 kHz and posts it in 50 ms chunks, with the
 * chunk's level for the meter (DESIGN.md §4.3). Nothing here blocks or allocates per sample
 * beyond the chunk buffers.
 */
import { createDownsampler, rmsDbfs } from '../../../shared/audio/pcm';

declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

export const TARGET_SAMPLE_RATE = 16_000;
const CHUNK_SAMPLES = TARGET_SAMPLE_RATE / 20; // 50 ms

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly downsample = createDownsampler(sampleRate, TARGET_SAMPLE_RATE);
  private pending = new Int16Array(CHUNK_SAMPLES);
  private filled = 0;

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    const converted = this.downsample(channel);
    let offset = 0;
    while (offset < converted.length) {
      const take = Math.min(CHUNK_SAMPLES - this.filled, converted.length - offset);
      this.pending.set(converted.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === CHUNK_SAMPLES) {
        const chunk = this.pending;
        this.port.postMessage({ pcm: chunk.buffer, level: rmsDbfs(chunk) }, [chunk.buffer]);
        this.pending = new Int16Array(CHUNK_SAMPLES);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('capture-processor', CaptureProcessor);
