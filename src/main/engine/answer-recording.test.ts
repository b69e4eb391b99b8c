import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { speechClip } from '../../../tests/support/audio/speech-audio';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { computePeaks } from '../audio/peaks';
import { readWav } from '../audio/wav-file';
import { createMediaStore } from '../media/media-store';
import { startRecording } from './answer-recording';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('recording');
});
afterEach(() => temp.remove());

it('keeps the file and the waveform exact when chunks split samples in half', () => {
  const clip = speechClip(temp.path, 'clip', 'Chunks of any size make the same recording.', { sampleRate: 16_000 });
  const pcm = readFileSync(clip).subarray(44);
  const media = createMediaStore(temp.path);
  const ids = { interviewId: crypto.randomUUID(), turnId: crypto.randomUUID(), answerId: crypto.randomUUID() };
  const recording = startRecording(media, ids, 16_000);
  for (let offset = 0, size = 1; offset < pcm.length; offset += size, size = (size * 7 + 3) % 997) {
    recording.append(new Uint8Array(pcm.subarray(offset, offset + size)));
  }
  const saved = recording.finish(new Date().toISOString());
  const stored = readWav(media.absolute(saved.audioPath));
  expect(Buffer.from(stored.samples.buffer, stored.samples.byteOffset, stored.samples.byteLength).equals(pcm.subarray(0, pcm.length - (pcm.length % 2)))).toBe(true);
  expect(saved.peaks).toEqual(computePeaks(stored.samples, 16_000));
});
