import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repairWavFile } from '../audio/wav-writer';
import { describeError, type Logger } from '../log';

/**
 * At start (issue #4): recordings of unfinished interviews that a crash interrupted get their
 * WAV headers repaired, so every one of them plays and can be transcribed when the interview
 * is resumed. Finished interviews were closed cleanly and are not read.
 */
export function repairRecordings(mediaRoot: string, unfinishedInterviewIds: string[], log: Logger): number {
  let repaired = 0;
  for (const interviewId of unfinishedInterviewIds) {
    const dir = join(mediaRoot, interviewId, 'answers');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.wav'))) {
      try {
        if (repairWavFile(join(dir, name)).repaired) repaired += 1;
      } catch (error) {
        log.warn('media.repair_failed', { interviewId, error: describeError(error) });
      }
    }
  }
  if (repaired > 0) log.info('media.repaired', { recordings: repaired });
  return repaired;
}
