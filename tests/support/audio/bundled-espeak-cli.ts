/**
 * A stand-in for the `espeak-ng` command made from the app's own bundled espeak-ng
 * (WebAssembly, the built-in voice), which speaks at espeak-ng's 22050 Hz. It needs nothing
 * installed, so the audio tests run on a machine with only Node (README "Set up and test").
 *
 * Two ways to call it:
 * - `--jobs '<JSON list of { text, path, wordsPerMinute?, voice? }>'`: many WAVs in one start
 *   (speech-audio.ts runs it synchronously, so its helpers stay synchronous);
 * - the options the app gives espeak-ng (system-voice-commands.ts): `--stdin`, `-b 1`,
 *   `-s <wpm>`, `-w <path>`, `-v <voice>`, or the text as the last argument; for tests that
 *   put a program named espeak-ng on PATH (gated-voice.ts).
 */
import { readFileSync } from 'node:fs';
import { writeWav } from '../../../src/main/audio/wav-file';
import { createBundledSpeechEngine } from '../../../src/main/providers/tts/bundled-voice-engine';

interface SpeechJob {
  text: string;
  path: string;
  wordsPerMinute?: number;
  voice?: string;
}

// The espeak-ng command's own default rate, so a clip sounds as `espeak-ng -w` would make it.
const ESPEAK_NG_DEFAULT_WPM = 175;

function jobsFrom(args: string[]): SpeechJob[] {
  if (args[0] === '--jobs') return JSON.parse(args[1] ?? '[]') as SpeechJob[];
  const job: Partial<SpeechJob> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-w') job.path = args[++i];
    else if (arg === '-s') job.wordsPerMinute = Number(args[++i]);
    else if (arg === '-v') job.voice = args[++i];
    else if (arg === '-b') i++;
    else if (arg === '--stdin') job.text = readFileSync(0, 'utf8');
    else job.text = arg;
  }
  if (job.path === undefined || job.text === undefined) throw new Error('usage: -w <path> [-s <wpm>] [-v <voice>] (--stdin | <text>)');
  return [job as SpeechJob];
}

const engine = createBundledSpeechEngine();
try {
  for (const job of jobsFrom(process.argv.slice(2))) {
    const speech = await engine.speak({ text: job.text, voice: job.voice, wordsPerMinute: job.wordsPerMinute ?? ESPEAK_NG_DEFAULT_WPM });
    writeWav(job.path, speech.samples, speech.sampleRate);
  }
} finally {
  engine.close();
}
