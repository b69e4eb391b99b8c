import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS } from '../../shared/protocol';
import type { PendingUploads } from '../profiles/pending-uploads';
import { replyText } from './file-reply';

/**
 * Browser mode's way in for a résumé or posting file (issue #14): `documents.upload` announces
 * it, the page POSTs its bytes to `/uploads/<id>?token=…`, then `documents.import` reads it.
 * Only the announced size is read; anything longer is refused before it is held.
 */
export const UPLOADS_PATH = '/uploads/';

export const hostUploadUrl =
  (token: string) =>
  (uploadId: string): string =>
    `${UPLOADS_PATH}${encodeURIComponent(uploadId)}?token=${token}`;

export function receiveUpload(req: IncomingMessage, res: ServerResponse, uploads: PendingUploads, uploadId: string, headers: Record<string, string>): void {
  const expected = uploads.expected(uploadId);
  if (expected === undefined) return replyText(res, 404, 'No such upload', headers);
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > Math.min(expected, LIMITS.importFileBytes)) {
    res.setHeader('Connection', 'close');
    return replyText(res, 413, 'The file is larger than announced', headers);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > expected) {
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => undefined);
  req.on('end', () => {
    if (uploads.receive(uploadId, Buffer.concat(chunks))) {
      res.writeHead(204, headers);
      res.end();
    } else replyText(res, 400, 'The file did not arrive whole', headers);
  });
}
