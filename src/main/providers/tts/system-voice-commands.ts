import { SpeechSynthesisError } from './speech-synthesis-error';

/**
 * How each operating system's own voice is asked to write a WAV file: pure functions, so the
 * macOS and Windows commands are checked by unit tests on any machine.
 *
 * The rule they all keep: the question's text never appears on the command line or in the
 * environment. It goes on stdin (Linux) or in a temporary file (macOS, Windows), so no text
 * can be read as an option (`--help`), a shell construct (`$(…)`) or script code. No shell is
 * ever involved; the caller spawns `program` with `args` directly.
 */
export interface SpeechCommand {
  program: string;
  args: readonly string[];
  /** Added to the process's environment: paths and the voice name, never the text. */
  env: Readonly<Record<string, string>>;
  /** Written to the process's stdin, which is then closed. */
  stdin?: string;
  /** Written as UTF-8 before the process starts, and removed after it ends. */
  textFile?: { path: string; content: string };
}

export interface SpeechCommandRequest {
  /** Already made speakable (see speakable-text.ts). */
  text: string;
  /** Absolute path of the WAV file to write. */
  outputPath: string;
  /** Where the text file goes on the platforms that read one. */
  textPath: string;
  voice?: string | undefined;
  /** An interviewer's pace: clear, not slow. */
  wordsPerMinute: number;
}

/**
 * Voice names come from settings. On the command line a name starting with `-` could be read
 * as an option, so names are limited to what real voices are called ("en-us", "en+f3",
 * "Samantha", "Microsoft Zira Desktop", "Eddy (English (US))").
 */
export function assertVoiceName(voice: string): void {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._+()'/-]{0,99}$/u.test(voice)) {
    throw new SpeechSynthesisError('VOICE_NOT_FOUND', 'That voice name is not valid; choose a voice from the list in Settings.');
  }
}

/** espeak-ng (or espeak): text on stdin, `--stdin` so it is read whole rather than line by line. */
export function linuxSpeechCommand(program: string, request: SpeechCommandRequest): SpeechCommand {
  const args = ['--stdin', '-b', '1', '-s', String(Math.round(request.wordsPerMinute)), '-w', request.outputPath];
  if (request.voice) {
    assertVoiceName(request.voice);
    args.push('-v', request.voice);
  }
  return { program, args, env: {}, stdin: request.text };
}

/**
 * macOS `say`: reads the text file; `--file-format=WAVE` because `say` otherwise picks AIFF
 * from anything but a `.wav` name, and 16-bit little-endian PCM at 22.05 kHz is what
 * wav-format.ts reads and every player plays.
 */
export function macSpeechCommand(program: string, request: SpeechCommandRequest): SpeechCommand {
  const args = [
    '-o',
    request.outputPath,
    '--file-format=WAVE',
    '--data-format=LEI16@22050',
    '-r',
    String(Math.round(request.wordsPerMinute)),
  ];
  if (request.voice) {
    assertVoiceName(request.voice);
    args.push('-v', request.voice);
  }
  args.push('-f', request.textPath);
  return { program, args, env: {}, textFile: { path: request.textPath, content: request.text } };
}

/** Exit code of the Windows script when the requested voice is not installed. */
export const WINDOWS_VOICE_NOT_FOUND_EXIT = 3;

/**
 * A fixed script: everything that varies arrives through environment variables, and the text
 * through a UTF-8 file (stdin would be decoded with the console's code page). `Speak` takes
 * plain text; only `SpeakSsml` would read markup.
 */
const WINDOWS_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'Add-Type -AssemblyName System.Speech',
  '$text = [System.IO.File]::ReadAllText($env:INTERVIEW_TTS_TEXT_FILE, [System.Text.Encoding]::UTF8)',
  '$synth = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  'try {',
  '  if ($env:INTERVIEW_TTS_VOICE) {',
  `    try { $synth.SelectVoice($env:INTERVIEW_TTS_VOICE) } catch { exit ${WINDOWS_VOICE_NOT_FOUND_EXIT} }`,
  '  }',
  '  $format = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(22050, [System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen, [System.Speech.AudioFormat.AudioChannel]::Mono)',
  '  $synth.SetOutputToWaveFile($env:INTERVIEW_TTS_OUTPUT, $format)',
  '  $synth.Speak($text)',
  '} finally {',
  '  $synth.Dispose()',
  '}',
].join('\n');

/** PowerShell's -EncodedCommand takes base64 of UTF-16LE, which needs no quoting at all. */
const encodedCommand = (script: string): string => Buffer.from(script, 'utf16le').toString('base64');

/**
 * Windows PowerShell 5.1 (`powershell.exe`, on every Windows 10 and 11) with .NET's
 * System.Speech, which PowerShell 7 does not load. SAPI voices have no words-per-minute
 * setting; their default rate is an interviewer's pace already.
 */
export function windowsSpeechCommand(powershellPath: string, request: SpeechCommandRequest): SpeechCommand {
  if (request.voice) assertVoiceName(request.voice);
  return {
    program: powershellPath,
    args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-EncodedCommand', encodedCommand(WINDOWS_SCRIPT)],
    env: {
      INTERVIEW_TTS_TEXT_FILE: request.textPath,
      INTERVIEW_TTS_OUTPUT: request.outputPath,
      INTERVIEW_TTS_VOICE: request.voice ?? '',
    },
    textFile: { path: request.textPath, content: request.text },
  };
}
