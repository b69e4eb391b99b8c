/**
 * The canonical 44-byte header of a PCM WAV file (RIFF, one `fmt ` chunk, one `data` chunk),
 * which is what this app writes for answers and speech. Reading accepts any chunk order and
 * extra chunks, as other tools (espeak-ng, sox, `say`) write them.
 */
export const WAV_HEADER_BYTES = 44;

export interface WavFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

export interface WavInfo extends WavFormat {
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Length of the sample data in bytes, as the header says (0xFFFFFFFF when streamed). */
  dataBytes: number;
}

export function wavHeader(format: WavFormat, dataBytes: number): Buffer {
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  const blockAlign = (format.channels * format.bitsPerSample) / 8;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(format.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Parses a WAV header from the first bytes of a file; throws with a plain reason if it is not one. */
export function parseWavHeader(bytes: Buffer): WavInfo {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a WAV file');
  }
  let offset = 12;
  let format: WavFormat | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(offset + 8) !== 1 && bytes.readUInt16LE(offset + 8) !== 0xfffe) throw new Error('WAV is not PCM');
      format = { channels: bytes.readUInt16LE(offset + 10), sampleRate: bytes.readUInt32LE(offset + 12), bitsPerSample: bytes.readUInt16LE(offset + 22) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV has data before its format');
      return { ...format, dataOffset: offset + 8, dataBytes: size };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV has no data chunk in its first bytes');
}

export const durationMsOf = (info: WavFormat, dataBytes: number): number =>
  Math.round((dataBytes / ((info.channels * info.bitsPerSample) / 8) / info.sampleRate) * 1000);
