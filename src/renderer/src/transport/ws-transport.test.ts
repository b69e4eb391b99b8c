import { describe, expect, it } from 'vitest';
import { createWsTransport, type SocketLike } from './ws-transport';

/** A stand-in for the browser's WebSocket (the network is the boundary), driven by the test. */
class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  sent: (string | ArrayBuffer)[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string | ArrayBuffer): void {
    this.sent.push(data);
  }
  close(): void {}
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  reply(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const open = (url: string): FakeSocket => new FakeSocket(url);
const interviewId = '0b5c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a11';
const questionId = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00';

describe('the browser-mode transport', () => {
  it('delivers an answer sent while disconnected, after re-attaching to the interview', async () => {
    FakeSocket.all = [];
    const transport = createWsTransport('ws://host/ws?token=t', open);
    transport.setReconnectGreeting(() => ({ type: 'resume', interviewId }));
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop(1006);
    expect(transport.connectionState).toBe('reconnecting');

    transport.send({ type: 'text_answer', questionId, text: 'my answer' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = FakeSocket.all[1]!;
    second.open();
    expect(second.sent.map((frame) => JSON.parse(frame as string).type)).toEqual(['resume', 'text_answer']);
    expect(transport.connectionState).toBe('connected');
    transport.close();
  });

  it('stops at "unauthorized" on close code 4401 and fails pending calls', async () => {
    FakeSocket.all = [];
    const transport = createWsTransport('ws://host/ws', open);
    const pending = transport.call('tracks.list');
    FakeSocket.all[0]!.drop(4401);
    await expect(pending).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(transport.connectionState).toBe('unauthorized');
  });

  it('resolves calls by id, and ignores frames that fail validation', async () => {
    FakeSocket.all = [];
    const transport = createWsTransport('ws://host/ws', open);
    const received: string[] = [];
    transport.onMessage((message) => received.push(message.type));
    const socket = FakeSocket.all[0]!;
    socket.open();
    const call = transport.call('tracks.list');
    const id = JSON.parse(socket.sent[0] as string).id as number;
    socket.reply({ type: 'status', state: 'not-a-state' });
    socket.reply({ type: 'status', state: 'ready' });
    socket.reply({ type: 'rpc_error', id, error: { code: 'NOT_FOUND', message: 'gone' } });
    await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(received).toEqual(['status']);
    transport.close();
  });
});
