import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../tests/support/temp-dir';
import { syntheticGgufBytes, writeSyntheticGgufModel } from '../../../../../tests/support/llm/synthetic-gguf-model';
import { checkGgufFile } from './gguf-header';

describe('the GGUF header check before any load', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('gguf-header')));
  afterEach(() => dir.remove());

  const write = (name: string, bytes: Buffer): string => {
    const path = join(dir.path, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('accepts a complete model and reads its architecture and context', async () => {
    const check = await checkGgufFile(writeSyntheticGgufModel(dir.path));
    expect(check).toEqual({ ok: true, summary: expect.objectContaining({ architecture: 'llama', contextLength: 16_384, tensorCount: 21 }) });
  });

  it('refuses a file cut inside its header, as an incomplete download', async () => {
    const check = await checkGgufFile(write('cut.gguf', syntheticGgufBytes().subarray(0, 3_000)));
    expect(check).toEqual({ ok: false, problem: expect.stringMatching(/ends inside its header/) });
  });

  it('refuses a file cut inside its weights', async () => {
    const bytes = syntheticGgufBytes();
    const check = await checkGgufFile(write('short.gguf', bytes.subarray(0, bytes.length - 1_000)));
    expect(check).toEqual({ ok: false, problem: expect.stringMatching(/shorter than its header says/) });
  });

  it('refuses a header that lies about where its tensors are', async () => {
    const check = await checkGgufFile(write('lying.gguf', syntheticGgufBytes({ tensorOffsetShift: 1 << 30 })));
    expect(check).toEqual({ ok: false, problem: expect.stringMatching(/shorter than its header says/) });
  });

  it('refuses a header that claims billions of metadata entries', async () => {
    const bytes = Buffer.from(syntheticGgufBytes());
    bytes.writeBigUInt64LE(5_000_000_000n, 16);
    expect(await checkGgufFile(write('huge.gguf', bytes))).toEqual({ ok: false, problem: expect.stringMatching(/impossible sizes/) });
  });

  it('refuses a file that is not GGUF and one that cannot be read', async () => {
    expect(await checkGgufFile(write('x.gguf', Buffer.from('not a model at all')))).toEqual({ ok: false, problem: expect.stringMatching(/not a GGUF/) });
    expect(await checkGgufFile(join(dir.path, 'missing.gguf'))).toEqual({ ok: false, problem: expect.stringMatching(/cannot be read/) });
  });
});
