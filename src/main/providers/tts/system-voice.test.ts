import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWavHeader } from '../../audio/wav-format';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import {
  linkProgram,
  writeFakePowerShell,
  writeFakeSay,
  writeHangingVoice,
  writeSilentVoice,
} from '../../../../tests/support/tts/fake-voice-program';
import { SpeechSynthesisError } from './speech-synthesis-error';
import { createSystemVoice } from './system-voice';
import { failureOf as failureOfClass } from '../../../../tests/support/failure-of';
import { missing } from '../../../../tests/support/system-tools';

/**
 * The Linux system voice end to end, with the real espeak-ng (installed in CI; the tests that
 * need it skip where it is not). Stand-in programs replace it where a real voice cannot be
 * made to hang or fail, or where the test is that nothing runs at all.
 */
const ESPEAK_NG = '/usr/bin/espeak-ng';
const noEspeakNg = missing('espeak-ng', 'the tests that speak with the real espeak-ng');
const TWELVE_WORDS = 'Tell me about a time you had to debug a difficult production issue.';
const TWENTY_FOUR_WORDS =
  'Tell me about a time you had to debug a difficult production issue, and explain how you found the cause and what you changed afterwards.';

let dir: ReturnType<typeof makeTempDir>;
let bin: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('tts-out');
  bin = makeTempDir('tts-bin');
});
afterEach(() => {
  dir.remove();
  bin.remove();
});

const out = (name = 'question.wav'): string => join(dir.path, name);
const filesIn = (path: string): string[] => readdirSync(path).sort();

const failureOf = (promise: Promise<unknown>): Promise<SpeechSynthesisError> => failureOfClass(promise, SpeechSynthesisError);

describe('system voice (Linux, espeak-ng)', () => {
  it.skipIf(noEspeakNg)('speaks a 12-word question as a WAV of plausible length', async () => {
    const voice = createSystemVoice({ platform: 'linux' });

    const { durationMs } = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out() });

    const header = parseWavHeader(readFileSync(out()));
    expect(header).toMatchObject({ channels: 1, bitsPerSample: 16, sampleRate: 22_050 });
    expect(header.dataBytes).toBeGreaterThan(0);
    expect(durationMs).toBeGreaterThan(2_500);
    expect(durationMs).toBeLessThan(7_000);
    expect(filesIn(dir.path)).toEqual(['question.wav']);
  });

  it.skipIf(noEspeakNg)('takes clearly longer for a question twice as long', async () => {
    const voice = createSystemVoice({ platform: 'linux' });

    const short = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out('short.wav') });
    const long = await voice.synthesize({ text: TWENTY_FOUR_WORDS, outputPath: out('long.wav') });

    expect(long.durationMs).toBeGreaterThan(short.durationMs * 1.6);
  });

  it.skipIf(noEspeakNg)('speaks text that looks like options or shell code, and runs none of it', async () => {
    const sandbox = makeTempDir('tts-sandbox');
    try {
      const keep = join(sandbox.path, 'keep.txt');
      writeFileSync(keep, 'still here');
      const marker = join(sandbox.path, 'ran');
      const hostile = `--help; rm -rf ${keep} $(touch ${marker}-dollar) \`touch ${marker}-backtick\` -w ${marker}-wav | id > ${marker}-pipe`;

      const { durationMs } = await createSystemVoice({ platform: 'linux' }).synthesize({ text: hostile, outputPath: out() });

      // Read out loud, the whole line takes seconds; had `--help` been an option there would be no WAV at all.
      expect(durationMs).toBeGreaterThan(3_000);
      expect(filesIn(sandbox.path)).toEqual(['keep.txt']);
      expect(readFileSync(keep, 'utf8')).toBe('still here');
      expect(filesIn(dir.path)).toEqual(['question.wav']);
    } finally {
      sandbox.remove();
    }
  });

  it.skipIf(noEspeakNg)('uses a named voice, and says clearly when it is not installed', async () => {
    const voice = createSystemVoice({ platform: 'linux' });

    const british = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out(), voice: 'en-gb' });
    expect(british.durationMs).toBeGreaterThan(2_000);

    const missing = await failureOf(voice.synthesize({ text: TWELVE_WORDS, outputPath: out('missing.wav'), voice: 'nosuchvoice' }));
    expect(missing.code).toBe('VOICE_NOT_FOUND');
    expect(missing.message).toContain('nosuchvoice');
    expect(filesIn(dir.path)).toEqual(['question.wav']);
  });

  it('refuses a voice name that would read as an option, before running anything', async () => {
    // Had it run, this voice would have failed differently (no audio written).
    writeSilentVoice(bin.path);
    const voice = createSystemVoice({ platform: 'linux', env: { PATH: bin.path } });
    const error = await failureOf(voice.synthesize({ text: TWELVE_WORDS, outputPath: out(), voice: '--help' }));

    expect(error.code).toBe('VOICE_NOT_FOUND');
    expect(filesIn(dir.path)).toEqual([]);
  });

  it.skipIf(noEspeakNg)('falls back to espeak when espeak-ng is not on PATH', async () => {
    linkProgram(bin.path, 'espeak', ESPEAK_NG);
    const voice = createSystemVoice({ platform: 'linux', env: { PATH: bin.path } });

    expect(await voice.availability()).toEqual({ available: true });
    const { durationMs } = await voice.synthesize({ text: TWELVE_WORDS, outputPath: out() });
    expect(durationMs).toBeGreaterThan(2_500);
  });

  it('says clearly that no voice is installed when neither program exists', async () => {
    const voice = createSystemVoice({ platform: 'linux', env: { PATH: bin.path } });

    const availability = await voice.availability();
    expect(availability.available).toBe(false);
    const error = await failureOf(voice.synthesize({ text: TWELVE_WORDS, outputPath: out() }));
    expect(error.code).toBe('NOT_AVAILABLE');
    expect(error.message).toMatch(/install espeak-ng/i);
    expect(availability).toEqual({ available: false, reason: error.message });
    expect(filesIn(dir.path)).toEqual([]);
  });

  it('stops the voice and removes its partial file when cancelled', async () => {
    writeHangingVoice(bin.path);
    const voice = createSystemVoice({ platform: 'linux', env: { PATH: bin.path } });
    const controller = new AbortController();

    const started = Date.now();
    const speaking = voice.synthesize({ text: TWELVE_WORDS, outputPath: out(), signal: controller.signal });
    await waitFor(() => filesIn(dir.path).length > 0);
    expect(filesIn(dir.path)[0]).toMatch(/\.partial\.wav$/);
    controller.abort();

    const error = await failureOf(speaking);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(filesIn(dir.path)).toEqual([]);
  });

  it('does not start at all when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    writeSilentVoice(bin.path);
    const voice = createSystemVoice({ platform: 'linux', env: { PATH: bin.path } });
    const error = await failureOf(voice.synthesize({ text: TWELVE_WORDS, outputPath: out(), signal: controller.signal }));

    expect(error.code).toBe('CANCELLED');
    expect(filesIn(dir.path)).toEqual([]);
  });

  it('gives up after its timeout and leaves nothing behind', async () => {
    writeHangingVoice(bin.path);
    const voice = createSystemVoice({ platform: 'linux', env: { PATH: bin.path }, timeoutMs: 300 });

    const error = await failureOf(voice.synthesize({ text: TWELVE_WORDS, outputPath: out() }));

    expect(error.code).toBe('TIMEOUT');
    expect(filesIn(dir.path)).toEqual([]);
  });

  it('reports a voice that exits without writing any audio', async () => {
    writeSilentVoice(bin.path);
    const voice = createSystemVoice({ platform: 'linux', env: { PATH: bin.path } });

    const error = await failureOf(voice.synthesize({ text: TWELVE_WORDS, outputPath: out() }));

    expect(error.code).toBe('SYNTHESIS_FAILED');
    expect(existsSync(out())).toBe(false);
  });

  it('refuses an empty question', async () => {
    const error = await failureOf(createSystemVoice({ platform: 'linux' }).synthesize({ text: ' \n\u0007 ', outputPath: out() }));

    expect(error.code).toBe('EMPTY_TEXT');
  });
});

/**
 * macOS and Windows cannot run here, but the part of their flow this module owns can: the
 * text goes into a private temporary file, the program is told where it is, and the file is
 * gone afterwards. Stand-ins that speak with espeak-ng take the place of `say` and PowerShell.
 */
describe('system voice, temporary-file flow (macOS and Windows stand-ins)', () => {
  const hostile = 'Explain $(id) and `whoami` -- are they "safe"? [[volm 0]]';

  it.skipIf(noEspeakNg).each([
    ['macOS', 'darwin' as const, 'say' as const, writeFakeSay],
    ['Windows', 'win32' as const, 'sapi' as const, writeFakePowerShell],
  ])('%s: speaks from a text file that is removed afterwards', async (_os, platform, kind, writeFake) => {
    const program = writeFake(bin.path, ESPEAK_NG);
    const log = join(bin.path, 'voice.log');
    const voice = createSystemVoice({ platform, program: { kind, program }, env: { PATH: '/usr/bin:/bin', FAKE_VOICE_LOG: log } });

    const { durationMs } = await voice.synthesize({ text: hostile, outputPath: out() });

    expect(durationMs).toBeGreaterThan(2_000);
    const [textPath, ...content] = readFileSync(log, 'utf8').split('\n');
    expect(content.join('\n')).toBe('Explain $(id) and `whoami` -- are they "safe"? [ [volm 0] ]');
    expect(textPath).toMatch(/interview-tts-[^/]+\/question\.txt$/);
    expect(existsSync(textPath!)).toBe(false);
    expect(existsSync(join(textPath!, '..'))).toBe(false);
    expect(filesIn(dir.path)).toEqual(['question.wav']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
