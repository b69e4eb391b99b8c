import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { createMemoryLog } from '../support/memory-log';

/**
 * Issue #9, fault 10 (docs/decisions.md, "Error messages never echo input"): what a client
 * sends, names included, must not come back in an error nor reach the log, or a crafted name
 * could carry answer text (or anything else) into both.
 */
const MARKER = 'zq-marker-7731';

let fixture: HostFixture;
let logs: ReturnType<typeof createMemoryLog>;
beforeEach(async () => {
  logs = createMemoryLog();
  fixture = await startTestHost({ log: logs.log });
});
afterEach(() => fixture.stop());

it('never sends back or logs the names a client made up, and the session goes on', async () => {
  const client = await TestClient.open(fixture.host.ws);
  const errors: Record<string, unknown>[] = [];

  client.send({ type: `hello-${MARKER}` });
  errors.push(await client.next((frame) => frame.type === 'error'));
  expect(errors[0]).toMatchObject({ code: 'BAD_MESSAGE', recoverable: true });

  errors.push(await client.call(`tracks.${MARKER}`));
  expect(errors[1]).toMatchObject({ type: 'rpc_error', error: { code: 'UNKNOWN_METHOD' } });

  errors.push(await client.call('settings.set', { secrets: { [MARKER]: 'sk-not-a-key' } }));
  expect(errors[2]).toMatchObject({ type: 'rpc_error', error: { code: 'BAD_PARAMS' } });

  client.send({ type: 'start', config: { track: MARKER, mode: 'text' } });
  errors.push(await client.next((frame) => frame.type === 'error'));
  expect(errors[3]).toMatchObject({ code: 'NOT_FOUND', recoverable: true });

  for (const error of errors) expect(JSON.stringify(error)).not.toContain(MARKER);
  expect(logs.lines.filter((line) => line.includes(MARKER))).toEqual([]);

  expect(await client.call('tracks.list')).toMatchObject({ type: 'rpc_result' });
  client.send({ type: 'start', config: { track: 'backend', mode: 'text' } });
  expect(await client.next((frame) => frame.type === 'question', 10_000)).toMatchObject({ text: expect.stringMatching(/\w/) });
  client.close();
});
