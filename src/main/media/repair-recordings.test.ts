import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { speechClip } from '../../../tests/support/audio/speech-audio';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { readWav } from '../audio/wav-file';
import { silentLogger } from '../log';
import { repairRecordings } from './repair-recordings';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('repair');
});
afterEach(() => temp.remove());

it('repairs the damaged recordings of unfinished interviews at start, and leaves others alone', () => {
  const clip = speechClip(temp.path, 'clip', 'A recording cut short by a crash.', { sampleRate: 16_000 });
  const damaged = readFileSync(clip);
  damaged.writeUInt32LE(0, 4);
  damaged.writeUInt32LE(0, 40);
  const place = (interviewId: string): string => {
    const dir = join(temp.path, 'media', interviewId, 'answers');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'turn.wav'), damaged);
    return join(dir, 'turn.wav');
  };
  const unfinished = place('11111111-1111-4111-8111-111111111111');
  const finished = place('22222222-2222-4222-8222-222222222222');

  expect(repairRecordings(join(temp.path, 'media'), ['11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333'], silentLogger)).toBe(1);
  expect(readWav(unfinished).durationMs).toBe(readWav(clip).durationMs);
  expect(readFileSync(finished).readUInt32LE(40)).toBe(0);
});
