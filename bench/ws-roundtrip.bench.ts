/**
 * Transport overhead: one `tracks.list` call over the host's WebSocket (validation both ways,
 * dispatch, JSON) against a bare echo on a plain `ws` server in the same run, so the ratio
 * holds on a noisy machine.
 */
import { WebSocket, WebSocketServer } from 'ws';
import { startTestHost, TestClient } from '../tests/support/host-fixture';
import { percentile, printTable } from './stats';

const ROUNDS = 2_000;

async function timeRoundTrips(send: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 200; i += 1) await send(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now();
    await send();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function echoBaseline(): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data.toString())));
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => socket.once('open', resolve));
  const samples = await timeRoundTrips(
    () =>
      new Promise((resolve) => {
        socket.once('message', resolve);
        socket.send(JSON.stringify({ type: 'rpc', id: 1, method: 'tracks.list' }));
      }),
  );
  socket.close();
  server.close();
  return samples;
}

const baseline = await echoBaseline();
const fixture = await startTestHost();
const client = await TestClient.open(fixture.host.ws);
const calls = await timeRoundTrips(() => client.call('tracks.list'));
client.close();
await fixture.stop();

printTable('WebSocket round trip (ms)', [
  { name: 'bare ws echo (baseline)', p50: percentile(baseline, 50), p95: percentile(baseline, 95) },
  { name: 'rpc tracks.list via host', p50: percentile(calls, 50), p95: percentile(calls, 95) },
]);
console.log(`ratio p50 host/baseline: ${(percentile(calls, 50) / percentile(baseline, 50)).toFixed(2)}x over ${ROUNDS} calls`);
