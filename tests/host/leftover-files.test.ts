import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { wavHeader } from '../../src/main/audio/wav-format';
import { SENTENCE_AUDIO_SUFFIX } from '../../src/main/media/media-store';
import { partialPathFor } from '../../src/main/providers/tts/spoken-wav-file';
import { startTestHost, type HostFixture } from '../support/host-fixture';
import { createMemoryLog } from '../support/memory-log';

/**
 * Issue #9, fault 9: a kill while a question was being spoken into a file left its
 * `*.partial.wav` (about 287 KB each) in the media folder for good, and a kill while a phrase
 * was being transcribed left its `.phrase` file. Start-up removes them and nothing else.
 */
let fixture: HostFixture | undefined;
afterEach(async () => {
  await fixture?.stop();
  fixture = undefined;
});

const wav = (fill: number): Buffer => Buffer.concat([wavHeader({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 }, 3200), Buffer.alloc(3200, fill)]);

it('removes speech, phrase and streamed-sentence files a killed run left behind, and keeps every real recording', async () => {
  const interviews = [randomUUID(), randomUUID()];
  const kept = new Map<string, Buffer>();
  const leftovers: string[] = [];
  const seed = (dataDir: string): void => {
    for (const [i, interviewId] of interviews.entries()) {
      const turnId = randomUUID();
      const folder = (kind: string): string => {
        const dir = join(dataDir, 'media', interviewId, kind);
        mkdirSync(dir, { recursive: true });
        return dir;
      };
      const question = join(folder('questions'), `${turnId}.wav`);
      const answer = join(folder('answers'), `${turnId}.wav`);
      kept.set(question, wav(i + 1)).set(answer, wav(i + 3));
      // Issue #10: the sentences of a question spoken while it streamed, gone once it was answered.
      leftovers.push(partialPathFor(question), `${answer}.phrase`, join(folder('questions'), `${turnId}.1.0${SENTENCE_AUDIO_SUFFIX}`));
    }
    for (const [path, bytes] of kept) writeFileSync(path, bytes);
    for (const path of leftovers) writeFileSync(path, Buffer.alloc(287 * 1024, 1));
  };
  const logs = createMemoryLog();
  fixture = await startTestHost({ seed, log: logs.log });

  for (const path of leftovers) expect(existsSync(path), path).toBe(false);
  for (const [path, bytes] of kept) expect(readFileSync(path).equals(bytes), path).toBe(true);
  expect(logs.lines).toContainEqual(expect.stringMatching(/"event":"media.leftovers_removed".*"files":6/));
});
