import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TextToSpeechPort } from '../../engine/ports';
import { locateSystemVoice, type LocatedVoice, type VoiceLocation } from './locate-system-voice';
import { runSpeechProcess, type ProcessOutcome } from './run-speech-process';
import { speakableText } from './speakable-text';
import { SpeechSynthesisError, emptyTextError } from './speech-synthesis-error';
import { InvalidSpeechFileError, commitSpeechWav, partialPathFor } from './spoken-wav-file';
import {
  WINDOWS_VOICE_NOT_FOUND_EXIT,
  linuxSpeechCommand,
  macSpeechCommand,
  windowsSpeechCommand,
  type SpeechCommand,
  type SpeechCommandRequest,
} from './system-voice-commands';

export interface SystemVoiceOptions {
  /** The voice to use when a request names none; each OS's default voice otherwise. */
  voice?: string | undefined;
  /** About 165: a clear interviewer's pace (espeak-ng's default 175 feels hurried). */
  wordsPerMinute?: number;
  /** Whole-run limit; PowerShell alone can take seconds to start on a cold Windows. */
  timeoutMs?: number;
  /** For tests: which OS's voice to use and what PATH to search. */
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** For tests: run this program as that OS's voice instead of looking for the real one. */
  program?: LocatedVoice;
}

export type VoiceAvailability = { available: true } | { available: false; reason: string };

export interface SystemVoice extends TextToSpeechPort {
  /** Whether this computer has a voice, and if not, a sentence for the user saying why. */
  availability(): Promise<VoiceAvailability>;
}

export const DEFAULT_WORDS_PER_MINUTE = 165;
export const DEFAULT_SYSTEM_VOICE_TIMEOUT_MS = 60_000;

/**
 * The zero-setup voice (DESIGN.md §5): whatever the operating system already speaks with,
 * espeak-ng on Linux, `say` on macOS, SAPI through PowerShell on Windows.
 */
export function createSystemVoice(options: SystemVoiceOptions = {}): SystemVoice {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SYSTEM_VOICE_TIMEOUT_MS;
  const locate = async (): Promise<VoiceLocation> =>
    options.program ? { found: true, voice: options.program } : locateSystemVoice(platform, env);

  return {
    name: 'system',

    async availability() {
      const location = await locate();
      return location.found ? { available: true } : { available: false, reason: location.reason };
    },

    async synthesize(request) {
      const text = speakableText(request.text);
      if (!text) throw emptyTextError();
      const location = await locate();
      if (!location.found) throw new SpeechSynthesisError('NOT_AVAILABLE', location.reason);

      const outputPath = resolve(request.outputPath);
      const partialPath = partialPathFor(outputPath);
      const voiceName = request.voice ?? options.voice;
      // macOS and Windows read the text from a file, kept in a private folder of its own.
      const textDir = location.voice.kind === 'espeak' ? undefined : await mkdtemp(join(tmpdir(), 'interview-tts-'));

      try {
        const command = commandFor(location.voice, {
          text,
          outputPath: partialPath,
          textPath: join(textDir ?? tmpdir(), 'question.txt'),
          voice: voiceName,
          wordsPerMinute,
        });
        if (command.textFile) await writeFile(command.textFile.path, command.textFile.content, { encoding: 'utf8', mode: 0o600 });
        const outcome = await runSpeechProcess(command, { timeoutMs, signal: request.signal, env });
        if (outcome.exitCode !== 0) throw failureOf(outcome, voiceName);
        return await commitSpeechWav(partialPath, outputPath);
      } catch (error) {
        await rm(partialPath, { force: true });
        if (error instanceof InvalidSpeechFileError || isMissingFile(error)) {
          throw new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice on this computer did not produce any audio for this question.');
        }
        throw error;
      } finally {
        if (textDir) await rm(textDir, { recursive: true, force: true });
      }
    },
  };
}

function commandFor(voice: LocatedVoice, request: SpeechCommandRequest): SpeechCommand {
  switch (voice.kind) {
    case 'espeak':
      return linuxSpeechCommand(voice.program, request);
    case 'say':
      return macSpeechCommand(voice.program, request);
    case 'sapi':
      return windowsSpeechCommand(voice.program, request);
  }
}

/** espeak-ng and `say` say "voice … does not exist / not found" on stderr; the Windows script exits 3. */
function failureOf(outcome: ProcessOutcome, voice: string | undefined): SpeechSynthesisError {
  if (voice && (outcome.exitCode === WINDOWS_VOICE_NOT_FOUND_EXIT || /voice/i.test(outcome.stderrTail))) {
    return new SpeechSynthesisError('VOICE_NOT_FOUND', `The voice "${voice}" is not installed on this computer; choose another in Settings.`);
  }
  return new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice on this computer failed to speak this question.');
}

const isMissingFile = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
