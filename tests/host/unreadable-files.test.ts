import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { chmodSync, chownSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wavHeader } from '../../src/main/audio/wav-format';
import { eventually } from '../support/eventually';
import { startTestHost, TestClient, writeFakeRenderer, type HostFixture } from '../support/host-fixture';
import { exitOf, NOBODY, readyOf, spawnHostCli, unprivilegedPrefix, type HostProcess } from '../support/host-process';
import { httpGet } from '../support/http-get';
import { createMemoryLog } from '../support/memory-log';
import { makeTempDir } from '../support/temp-dir';
import { holdThreadPool } from '../support/thread-pool-hold';

/**
 * Issue #9, fault 2: a file the host finds but cannot read (mode 000, a disk error) used to
 * end the whole process, because the read stream's error had no listener. Now that request
 * gets an error reply and a log line, and the host goes on serving.
 */
const user = unprivilegedPrefix();
const question = (): Buffer => Buffer.concat([wavHeader({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 }, 3200), Buffer.alloc(3200, 7)]);

let temp: ReturnType<typeof makeTempDir>;
let host: HostProcess | undefined;
beforeEach(() => {
  temp = makeTempDir('unreadable');
});
afterEach(async () => {
  if (host && host.child.exitCode === null) {
    host.child.kill('SIGTERM');
    await exitOf(host.child);
  }
  host = undefined;
  temp.remove();
});

/** Gives the whole tree to the user the host runs as (a no-op when that is us). */
function handOver(path: string): void {
  if (process.getuid?.() !== 0) return;
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) handOver(join(path, name));
}

describe.skipIf('skip' in user)(`files the host cannot read${'skip' in user ? ` (skipped: ${user.skip})` : ''}`, () => {
  it('answers an unreadable spoken question and app file with 500, logs it without the token, and keeps serving', async () => {
    const interviewId = randomUUID();
    const questions = join(temp.path, 'data', 'media', interviewId, 'questions');
    mkdirSync(questions, { recursive: true });
    const locked = `${randomUUID()}.wav`;
    const readable = `${randomUUID()}.wav`;
    writeFileSync(join(questions, locked), question());
    writeFileSync(join(questions, readable), question());
    const rendererDir = join(temp.path, 'renderer');
    writeFakeRenderer(rendererDir);
    writeFileSync(join(rendererDir, 'assets', 'locked.js'), 'console.log("locked")');
    chmodSync(temp.path, 0o755);
    handOver(join(temp.path, 'data'));
    chmodSync(join(questions, locked), 0o000);
    chmodSync(join(rendererDir, 'assets', 'locked.js'), 0o000);

    host = spawnHostCli(['--port', '0', '--data-dir', join(temp.path, 'data'), '--renderer-dir', rendererDir], 'prefix' in user ? user.prefix : []);
    const { port, token, ws } = await readyOf(host);
    const media = (name: string): string => `/media/${interviewId}/questions/${name}?token=${token}`;

    const refused = await httpGet(port, media(locked));
    expect(refused.status).toBe(500);
    expect(refused.body).toMatch(/could not be read/i);
    expect((await httpGet(port, '/assets/locked.js')).status).toBe(500);

    const served = await httpGet(port, media(readable));
    expect(served.status).toBe(200);
    expect(served.bytes.equals(question())).toBe(true);
    const client = await TestClient.open(ws);
    expect(await client.call('tracks.list')).toMatchObject({ type: 'rpc_result' });
    client.close();
    expect(host.child.exitCode).toBeNull();

    const failures = host.stderr().split('\n').filter((line) => line.includes('"http.file_failed"'));
    expect(failures).toHaveLength(2);
    expect(failures.every((line) => line.includes('"EACCES"'))).toBe(true);
    expect(host.stderr()).not.toContain(token);
  });
});

/**
 * The same mechanism in the test's own process, where the moments in between can be reached:
 * a file that disappears after the host found it, and a read that fails after it was opened.
 */
describe('file errors after the host found the file', () => {
  let fixture: HostFixture;
  let logs: ReturnType<typeof createMemoryLog>;
  let mediaFile: (name: string) => { path: string; url: string };
  beforeEach(async () => {
    logs = createMemoryLog();
    fixture = await startTestHost({ log: logs.log });
    const interviewId = randomUUID();
    mediaFile = (name) => {
      const dir = join(fixture.dataDir, 'media', interviewId, 'questions');
      mkdirSync(dir, { recursive: true });
      return { path: join(dir, name), url: `/media/${interviewId}/questions/${name}?token=${fixture.host.token}` };
    };
  });
  afterEach(() => fixture.stop());

  const failures = (): string[] => logs.lines.filter((line) => line.includes('"http.file_failed"'));

  it('answers 404 for a file removed between being found and being opened, and keeps serving', async () => {
    const vanishing = mediaFile(`${randomUUID()}.wav`);
    const other = mediaFile(`${randomUUID()}.wav`);
    writeFileSync(vanishing.path, question());
    writeFileSync(other.path, question());
    const hold = holdThreadPool(temp.path);
    // The request handler runs right after this message, in the same tick; its open waits in the held pool.
    const removeThenRelease = (): void => {
      diagnostics.unsubscribe('http.server.request.start', removeThenRelease);
      setImmediate(() => {
        rmSync(vanishing.path);
        void hold.release();
      });
    };
    diagnostics.subscribe('http.server.request.start', removeThenRelease);

    expect((await httpGet(fixture.host.port, vanishing.url)).status).toBe(404);
    expect(failures()).toEqual([expect.stringContaining('"code":"ENOENT"')]);
    expect((await httpGet(fixture.host.port, other.url)).bytes.equals(question())).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')('cuts the reply short when reading fails after the file was opened, and keeps serving', async () => {
    // /proc/self/mem opens as a regular file but cannot be read from its start: a disk error on demand.
    const failing = mediaFile(`${randomUUID()}.wav`);
    symlinkSync('/proc/self/mem', failing.path);
    const other = mediaFile(`${randomUUID()}.wav`);
    writeFileSync(other.path, question());

    await httpGet(fixture.host.port, failing.url).catch(() => undefined);
    await eventually(() => failures().length === 1);
    expect(failures()[0]).toContain('"code":"EIO"');
    expect((await httpGet(fixture.host.port, other.url)).bytes.equals(question())).toBe(true);
    expect(logs.lines.join('\n')).not.toContain(fixture.host.token);
  });
});
