import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server that speaks OpenAI's transcription API (POST /v1/audio/transcriptions,
 * multipart) for end-to-end tests: the app's real OpenAI-compatible client talks to it.
 * It answers with the next scripted transcript and keeps what it received, to assert on.
 */
export interface TranscriptionServer {
  baseUrl: string;
  received: { model: string; audioBytes: number }[];
  close(): Promise<void>;
}

export async function startTranscriptionServer(transcripts: string[]): Promise<TranscriptionServer> {
  const received: TranscriptionServer['received'] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/audio/transcriptions')) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      const model = /name="model"\r\n\r\n([^\r]*)/.exec(body)?.[1] ?? '';
      const riff = body.indexOf('RIFF');
      received.push({ model, audioBytes: riff === -1 ? 0 : body.length - riff });
      const text = transcripts[Math.min(next, transcripts.length - 1)] ?? '';
      next += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ text }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
