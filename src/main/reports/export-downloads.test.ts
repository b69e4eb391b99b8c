import { describe, expect, it } from 'vitest';
import { createExportDownloads, DOWNLOAD_LIFETIME_MS } from './export-downloads';

describe('exports waiting to be downloaded', () => {
  const file = { bytes: Buffer.from('report'), fileName: 'r.md', mimeType: 'text/markdown' };

  it('keeps a file for a few minutes under a random id, then forgets it', () => {
    let now = 0;
    const downloads = createExportDownloads(() => now);
    const id = downloads.add(file);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(downloads.get(id)?.bytes.toString()).toBe('report');
    now = DOWNLOAD_LIFETIME_MS - 1;
    expect(downloads.get(id)).toBeDefined();
    now = DOWNLOAD_LIFETIME_MS;
    expect(downloads.get(id)).toBeUndefined();
  });

  it('holds at most twenty, dropping the oldest', () => {
    const downloads = createExportDownloads(() => 0);
    const ids = Array.from({ length: 21 }, () => downloads.add(file));
    expect(downloads.get(ids[0]!)).toBeUndefined();
    expect(downloads.get(ids[20]!)).toBeDefined();
  });
});
