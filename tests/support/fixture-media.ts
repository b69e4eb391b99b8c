import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createMediaStore } from '../../src/main/media/media-store';
import { DATABASE_FILE } from '../../src/main/services';

/**
 * Real files where a seeded database says the recordings are (report-fixture.ts stores the
 * paths only), and a spoken second question in each interview: what "Delete all recordings"
 * measures and removes (issue #11). Returns the bytes written.
 */
export function writeFixtureMedia(dataDir: string): number {
  const db = new Database(join(dataDir, DATABASE_FILE));
  const media = createMediaStore(dataDir);
  try {
    const paths = (db.prepare('SELECT audio_path AS path FROM answers WHERE audio_path IS NOT NULL').all() as { path: string }[]).map((row) => row.path);
    const turns = db.prepare('SELECT id, interview_id AS interviewId FROM turns WHERE idx = 2').all() as { id: string; interviewId: string }[];
    for (const turn of turns) {
      const path = media.questionAudio(turn.interviewId, turn.id);
      db.prepare('UPDATE turns SET question_audio_path = ?, question_audio_ms = 1000, question_peaks_json = ? WHERE id = ?').run(path, '[0.5,0.2]', turn.id);
      paths.push(path);
    }
    let bytes = 0;
    paths.forEach((path, i) => {
      const size = 10_000 + i * 1_001;
      writeFileSync(media.absolute(path), Buffer.alloc(size, 1));
      bytes += size;
    });
    return bytes;
  } finally {
    db.close();
  }
}
