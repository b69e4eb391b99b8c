/**
 * A recording that never ends, for crash tests: run with `node --import tsx <this> <out.wav>
 * <source.wav>`, it appends the source's samples in 100 ms chunks (some split mid-sample) to a
 * WavWriter and prints the total bytes appended after each chunk, until it is killed.
 */
import { readFileSync } from 'node:fs';
import { parseWavHeader } from '../../../src/main/audio/wav-format';
import { createWavWriter } from '../../../src/main/audio/wav-writer';

const [outPath, sourcePath] = process.argv.slice(2) as [string, string];
const source = readFileSync(sourcePath);
const samples = source.subarray(parseWavHeader(source).dataOffset);
const writer = createWavWriter(outPath, { sampleRate: 16_000, channels: 1, bitsPerSample: 16 });
const CHUNK_BYTES = 3201;

let offset = 0;
let appended = 0;
setInterval(() => {
  if (offset + CHUNK_BYTES > samples.length) offset = 0;
  writer.append(samples.subarray(offset, offset + CHUNK_BYTES));
  offset += CHUNK_BYTES;
  appended += CHUNK_BYTES;
  process.stdout.write(`${appended}\n`);
}, 1);
