import { request } from 'node:http';

export interface HttpReply {
  status: number;
  headers: Record<string, unknown>;
  bytes: Buffer;
  body: string;
}

/** One GET to a host on 127.0.0.1; resolves with whatever arrived, also when the host cuts the body short. */
export function httpGet(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      const done = (): void => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString() });
      };
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', done);
      res.on('aborted', done);
    });
    req.on('error', reject);
    req.end();
  });
}
