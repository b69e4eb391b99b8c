import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/protocol';
import { closeOutcome, startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { httpGet, type HttpReply } from '../support/http-get';

let fixture: HostFixture;
beforeEach(async () => {
  fixture = await startTestHost();
});
afterEach(async () => {
  await fixture.stop();
});

const get = (path: string, headers: Record<string, string> = {}): Promise<HttpReply> => httpGet(fixture.host.port, path, headers);

describe('HTTP', () => {
  it('serves the app shell with a strict CSP', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Interview Practice');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/assets/app.js')).status).toBe(200);
  });

  it('answers 401 to any other path without the token, 404 with it', async () => {
    expect((await get('/media/answer.wav')).status).toBe(401);
    expect((await get('/media/answer.wav?token=wrong')).status).toBe(401);
    expect((await get(`/media/answer.wav?token=${fixture.host.token}`)).status).toBe(404);
  });

  it('serves media with byte ranges, so audio can seek', async () => {
    const path = `media/${randomUUID()}/questions/${randomUUID()}.wav`;
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    mkdirSync(join(fixture.dataDir, path, '..'), { recursive: true });
    writeFileSync(join(fixture.dataDir, path), bytes);
    const url = `/${path}?token=${fixture.host.token}`;

    const whole = await get(url);
    expect(whole).toMatchObject({ status: 200, headers: { 'content-type': 'audio/wav', 'content-length': '1000', 'accept-ranges': 'bytes' } });
    expect(whole.bytes.equals(bytes)).toBe(true);
    const part = await get(url, { Range: 'bytes=100-199' });
    expect(part).toMatchObject({ status: 206, headers: { 'content-range': 'bytes 100-199/1000', 'content-length': '100' } });
    expect(part.bytes.equals(bytes.subarray(100, 200))).toBe(true);
    expect((await get(url, { Range: 'bytes=-10' })).bytes.equals(bytes.subarray(990))).toBe(true);
    expect(await get(url, { Range: 'bytes=1000-' })).toMatchObject({ status: 416, headers: { 'content-range': 'bytes */1000' } });
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fdata/settings.json']) {
      expect((await get(path)).status).toBe(401);
    }
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    expect((await get('/', { Host: `evil.example:${fixture.host.port}` })).status).toBe(403);
  });
});

describe('WebSocket', () => {
  it('closes with 4401 without the token or with a wrong one', async () => {
    const base = `ws://127.0.0.1:${fixture.host.port}/ws`;
    expect(await closeOutcome(base)).toEqual({ closeCode: 4401 });
    expect(await closeOutcome(`${base}?token=nope`)).toEqual({ closeCode: 4401 });
  });

  it('refuses a cross-origin upgrade even with the token', async () => {
    expect(await closeOutcome(fixture.host.ws, { Origin: 'https://evil.example' })).toEqual({ status: 403 });
    const sameOrigin = await TestClient.open(fixture.host.ws, { Origin: `http://127.0.0.1:${fixture.host.port}` });
    sameOrigin.close();
  });

  it('answers a call over rpc', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const reply = await client.call('tracks.list');
    expect(reply.type).toBe('rpc_result');
    const tracks = reply.result as { id: string; questionCount: number }[];
    expect(tracks.map((t) => t.id)).toEqual(
      expect.arrayContaining(['frontend', 'backend', 'full-stack', 'system-design', 'data-sql', 'devops-cloud', 'mobile', 'behavioral']),
    );
    client.close();
  });

  it('answers unknown methods and bad params with rpc_error', async () => {
    const client = await TestClient.open(fixture.host.ws);
    expect(await client.call('tracks.delete')).toMatchObject({ type: 'rpc_error', error: { code: 'UNKNOWN_METHOD' } });
    expect(await client.call('interviews.get', { interviewId: 'x' })).toMatchObject({ type: 'rpc_error', error: { code: 'BAD_PARAMS' } });
    client.close();
  });

  it('answers malformed and unknown messages with BAD_MESSAGE and stays usable', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const isError = (frame: Record<string, unknown>): boolean => frame.type === 'error';
    for (const bad of ['not json', '{"no":"type"}', '{"type":"hello"}', '{"type":"text_answer","questionId":"q"}']) {
      client.send(bad);
      expect(await client.next(isError)).toMatchObject({ code: 'BAD_MESSAGE', recoverable: true });
    }
    client.send({ type: 'x', pad: 'a'.repeat(LIMITS.maxJsonFrameBytes) });
    expect(await client.next(isError)).toMatchObject({ code: 'BAD_MESSAGE', message: expect.stringContaining('larger') });
    client.socket.send(new Uint8Array(LIMITS.maxAudioChunkBytes + 1));
    expect(await client.next(isError)).toMatchObject({ code: 'BAD_MESSAGE', message: expect.stringContaining('audio') });
    expect(await client.call('tracks.list')).toMatchObject({ type: 'rpc_result' });
    client.close();
  });

  it('keeps settings across calls and never returns a secret', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const saved = await client.call('settings.set', {
      preferences: { feedbackTiming: 'at-end' },
      secrets: { openai: 'sk-test-secret' },
    });
    expect(saved).toMatchObject({ type: 'rpc_result', result: { preferences: { feedbackTiming: 'at-end' }, secrets: { openai: { hasKey: true } } } });
    expect(JSON.stringify(await client.call('settings.get'))).not.toContain('sk-test-secret');
    client.close();
  });
});
