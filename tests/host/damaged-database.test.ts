import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/services';
import { hostFolderPerTest } from '../support/host-folder';
import { startTestHost, TestClient } from '../support/host-fixture';
import { exitOf, readyOf, type HostProcess } from '../support/host-process';

/**
 * Issue #9 fault 8: a database with a page overwritten in the middle started, and then every
 * call failed with INTERNAL. Now the start checks it, keeps the damaged file aside untouched,
 * starts a fresh one and says where the old one is, on stderr and on the page.
 */
const folder = hostFolderPerTest('damaged-db');

async function startHost(): Promise<{ host: HostProcess; client: TestClient }> {
  const host = folder.start();
  return { host, client: await TestClient.open((await readyOf(host)).ws) };
}

/** Starts a typed interview and waits for its first question. */
async function startInterview(client: TestClient): Promise<Record<string, unknown>> {
  client.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick' } });
  await client.next((frame) => frame.type === 'session_started', 10_000);
  return client.next((frame) => frame.type === 'question', 10_000);
}

/** A few real interviews, each with an answer, so the file has pages of every kind. */
async function recordInterviews(count: number): Promise<void> {
  const fixture = await startTestHost({ dataDir: folder.dataDir });
  const client = await TestClient.open(fixture.host.ws);
  await client.call('settings.set', { textToSpeech: { provider: 'none' } });
  for (let i = 0; i < count; i += 1) {
    const question = await startInterview(client);
    client.send({ type: 'text_answer', questionId: question.questionId, text: `I am a backend engineer; for interview ${i} I describe how I built and ran payment APIs in Go and Postgres.` });
    await client.next((frame) => frame.type === 'question', 10_000);
    client.send({ type: 'end' });
    await client.next((frame) => frame.type === 'session_ended', 10_000);
  }
  client.close();
  await fixture.stop();
}

/** Writes random bytes over the page in use in the middle of the file; returns the damaged file's bytes. */
function damageMiddlePage(file: string): Buffer {
  const db = new Database(file, { readonly: true });
  const pages = (db.prepare('SELECT DISTINCT pageno FROM dbstat ORDER BY pageno').all() as { pageno: number }[]).map((row) => row.pageno);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const middle = pages[Math.floor(pages.length / 2)]!;
  const bytes = readFileSync(file);
  randomBytes(pageSize).copy(bytes, (middle - 1) * pageSize);
  writeFileSync(file, bytes);
  return bytes;
}

describe('a damaged interview database', () => {
  it('is kept aside byte for byte, a fresh one works, and the user is told where the old one is', async () => {
    await recordInterviews(3);
    const damaged = damageMiddlePage(join(folder.dataDir, DATABASE_FILE));

    const { host, client } = await startHost();
    const kept = readdirSync(folder.dataDir).filter((name) => /^interviews\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(-\d+)?\.sqlite$/.test(name));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(folder.dataDir, kept[0]!)).equals(damaged)).toBe(true);
    expect(host.stderr()).toContain(`the damaged file is kept as ${join(folder.dataDir, kept[0]!)}`);

    const notices = (await client.call('app.notices')).result as { code: string; message: string }[];
    expect(notices).toEqual([{ code: 'DATABASE_REPLACED', message: expect.stringContaining(kept[0]!) }]);
    // The page is told the file's name, never a path (DESIGN.md §2).
    expect(notices[0]!.message).not.toContain(folder.dataDir);

    expect(await client.call('interviews.list')).toMatchObject({ type: 'rpc_result', result: [] });
    expect(await startInterview(client)).toMatchObject({ text: expect.stringMatching(/\w/) });
    client.close();
    host.child.kill('SIGTERM');
    expect((await exitOf(host.child)).code).toBe(0);

    // Next time the database is healthy: no notice, and the kept file is still there as it was.
    const again = await startHost();
    expect(await again.client.call('app.notices')).toMatchObject({ result: [] });
    expect(await again.client.call('interviews.list')).toMatchObject({ result: [{ status: expect.any(String) }] });
    expect(readFileSync(join(folder.dataDir, kept[0]!)).equals(damaged)).toBe(true);
    again.client.close();
  });
});
