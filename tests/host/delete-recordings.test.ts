import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/services';
import type { InterviewDetail, RecordingsDeleted, RecordingsUsage } from '../../src/shared/protocol';
import { buildReport } from '../../src/shared/report/build-report';
import { writeFixtureMedia } from '../support/fixture-media';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { REPORT_TURNS, seedReportInterview } from '../support/report-fixture';

/**
 * Issue #11: "Delete all recordings, keep transcripts" frees the space it said it would, keeps
 * every typed answer, transcript and evaluation, and leaves an unfinished interview's
 * recordings alone (it may be recording right now).
 */
let fixture: HostFixture;
let finishedId: string;
let pausedId: string;

function mediaBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? mediaBytes(path) : statSync(path).size);
  }, 0);
}

beforeEach(async () => {
  fixture = await startTestHost({
    seed: (dataDir) => {
      finishedId = seedReportInterview(dataDir);
      pausedId = seedReportInterview(dataDir);
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.prepare("UPDATE interviews SET status = 'paused', completed_at = NULL, overall_score = NULL WHERE id = ?").run(pausedId);
      db.close();
      writeFixtureMedia(dataDir);
    },
  });
});
afterEach(async () => {
  await fixture.stop();
});

describe('delete all recordings, keep transcripts', () => {
  it('says how much it frees, frees exactly that, and the report keeps every word but no audio', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const mediaRoot = join(fixture.dataDir, 'media');
    const finishedFolder = join(mediaRoot, finishedId);
    const before = (await client.call('interviews.get', { interviewId: finishedId })).result as InterviewDetail;
    expect(before.turns.some((turn) => turn.answer?.audioUrl)).toBe(true);
    expect(before.turns.some((turn) => turn.questionAudioUrl)).toBe(true);
    const pausedBytes = mediaBytes(join(mediaRoot, pausedId));
    expect(pausedBytes).toBeGreaterThan(0);

    const usage = (await client.call('recordings.usage')).result as RecordingsUsage;
    expect(usage).toEqual({ bytes: mediaBytes(finishedFolder), files: 3, interviews: 1, untranscribed: 0 });

    const totalBefore = mediaBytes(mediaRoot);
    const deleted = (await client.call('recordings.deleteAll')).result as RecordingsDeleted;
    expect(deleted).toEqual({ freedBytes: usage.bytes, files: 3, interviews: 1, notRemoved: 0 });
    expect(totalBefore - mediaBytes(mediaRoot)).toBe(usage.bytes);
    expect(existsSync(finishedFolder)).toBe(false);
    expect(mediaBytes(join(mediaRoot, pausedId))).toBe(pausedBytes);

    const after = (await client.call('interviews.get', { interviewId: finishedId })).result as InterviewDetail;
    for (const [i, turn] of after.turns.entries()) {
      const earlier = before.turns[i]!;
      expect(turn.answer?.audioUrl).toBeUndefined();
      expect(turn.answer?.peaks).toBeUndefined();
      expect(turn.questionAudioUrl).toBeUndefined();
      expect(turn.answer?.text).toBe(earlier.answer?.text);
      expect(turn.answer?.transcript).toBe(earlier.answer?.transcript);
      expect(turn.answer?.analytics).toEqual(earlier.answer?.analytics);
      expect(turn.evaluation).toEqual(earlier.evaluation);
    }
    // The report still says which answers were spoken, and shows every answer.
    const report = buildReport(after);
    const spoken = report.sections.flatMap((section) => [section.question, ...section.followUps]).filter((question) => question.answer?.spoken);
    expect(spoken.map((question) => question.question)).toEqual(REPORT_TURNS.filter((turn) => turn.answer?.spoken).map((turn) => turn.question));

    // The unfinished interview keeps its audio; nothing is left to free.
    const paused = (await client.call('interviews.get', { interviewId: pausedId })).result as InterviewDetail;
    expect(paused.turns.some((turn) => turn.answer?.audioUrl)).toBe(true);
    expect((await client.call('recordings.usage')).result).toEqual({ bytes: 0, files: 0, interviews: 0, untranscribed: 0 });
    client.close();
  });
});
