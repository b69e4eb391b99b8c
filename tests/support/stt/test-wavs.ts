import { writeFileSync } from 'node:fs';
import { wavHeader } from '../../../src/main/audio/wav-format';
import { spokenWav } from '../audio/speech-audio';

/** A mono 16-bit PCM WAV of a 440 Hz tone, written with the app's own header code. */
export function writeToneWav(path: string, options: { ms?: number; sampleRate?: number } = {}): Buffer {
  const sampleRate = options.sampleRate ?? 16_000;
  const count = Math.round((sampleRate * (options.ms ?? 250)) / 1000);
  const data = Buffer.alloc(count * 2);
  for (let index = 0; index < count; index++) {
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * index) / sampleRate) * 8000), index * 2);
  }
  const bytes = Buffer.concat([wavHeader({ sampleRate, channels: 1, bitsPerSample: 16 }, data.length), data]);
  writeFileSync(path, bytes);
  return bytes;
}

/** The sentence spoken by espeak-ng (the bundled copy) as the app records: 16 kHz, mono, 16-bit. */
export function writeSpokenWav(directory: string, sentence: string, name = 'spoken.wav'): string {
  return spokenWav(directory, name.replace(/\.wav$/, ''), sentence, { voice: 'en-us', wordsPerMinute: 150 });
}
