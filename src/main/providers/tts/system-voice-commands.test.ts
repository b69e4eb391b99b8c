import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { MAC_SAY, locateSystemVoice, windowsPowerShellPath } from './locate-system-voice';
import { speakableText } from './speakable-text';
import { SpeechSynthesisError } from './speech-synthesis-error';
import {
  linuxSpeechCommand,
  macSpeechCommand,
  windowsSpeechCommand,
  type SpeechCommand,
  type SpeechCommandRequest,
} from './system-voice-commands';

/**
 * The command for each OS, checked here because macOS and Windows cannot run in CI. Every
 * piece of this text would do harm if it reached a command line, a shell or a script.
 */
const HOSTILE_PIECES = ['--help', '-o /etc/passwd', '$(id)', '`whoami`', '"; Remove-Item -Recurse C:\\', "'; exit 0; '", '[[volm 0]]'];
const HOSTILE_TEXT = `What is ${HOSTILE_PIECES.join(' and ')}?`;

const request = (overrides: Partial<SpeechCommandRequest> = {}): SpeechCommandRequest => ({
  text: HOSTILE_TEXT,
  outputPath: '/data/speech/q1.partial.wav',
  textPath: '/tmp/interview-tts-x/question.txt',
  wordsPerMinute: 165,
  ...overrides,
});

/** Everything of the command that a program sees other than stdin and the text file. */
const commandLineAndEnvironment = (command: SpeechCommand): string[] => [command.program, ...command.args, ...Object.values(command.env)];

function expectNoTextOutsideInput(command: SpeechCommand): void {
  for (const value of commandLineAndEnvironment(command)) {
    for (const piece of [...HOSTILE_PIECES, 'What is']) expect(value).not.toContain(piece);
  }
}

describe('Linux command (espeak-ng)', () => {
  it('writes the WAV named on the command line and reads the text whole from stdin', () => {
    const command = linuxSpeechCommand('/usr/bin/espeak-ng', request());

    expect(command.program).toBe('/usr/bin/espeak-ng');
    expect(command.args).toEqual(['--stdin', '-b', '1', '-s', '165', '-w', '/data/speech/q1.partial.wav']);
    expect(command.stdin).toBe(HOSTILE_TEXT);
    expect(command.textFile).toBeUndefined();
    expectNoTextOutsideInput(command);
  });

  it('passes a voice as the value of -v', () => {
    expect(linuxSpeechCommand('espeak', request({ voice: 'en-us' })).args.slice(-2)).toEqual(['-v', 'en-us']);
  });
});

describe('macOS command (say)', () => {
  it('writes 16-bit WAV from a text file, never from arguments', () => {
    const command = macSpeechCommand(MAC_SAY, request({ voice: 'Samantha' }));

    expect(command.args).toEqual([
      '-o',
      '/data/speech/q1.partial.wav',
      '--file-format=WAVE',
      '--data-format=LEI16@22050',
      '-r',
      '165',
      '-v',
      'Samantha',
      '-f',
      '/tmp/interview-tts-x/question.txt',
    ]);
    expect(command.textFile).toEqual({ path: '/tmp/interview-tts-x/question.txt', content: HOSTILE_TEXT });
    expect(command.stdin).toBeUndefined();
    expectNoTextOutsideInput(command);
  });
});

describe('Windows command (PowerShell + System.Speech)', () => {
  const powershell = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
  const windowsRequest = request({ outputPath: 'C:\\Users\\a\\q1.partial.wav', textPath: 'C:\\Temp\\tts\\question.txt', voice: 'Microsoft Zira Desktop' });
  const script = (command: SpeechCommand): string => Buffer.from(command.args.at(-1)!, 'base64').toString('utf16le');

  it('runs a fixed script without profile or prompts, the variable parts in the environment', () => {
    const command = windowsSpeechCommand(powershell, windowsRequest);

    expect(command.program).toBe(powershell);
    expect(command.args.slice(0, -1)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(command.env).toEqual({
      INTERVIEW_TTS_TEXT_FILE: 'C:\\Temp\\tts\\question.txt',
      INTERVIEW_TTS_OUTPUT: 'C:\\Users\\a\\q1.partial.wav',
      INTERVIEW_TTS_VOICE: 'Microsoft Zira Desktop',
    });
    expect(command.textFile).toEqual({ path: 'C:\\Temp\\tts\\question.txt', content: HOSTILE_TEXT });
    expectNoTextOutsideInput(command);
  });

  it('is the same script whatever the text, path and voice', () => {
    const first = windowsSpeechCommand(powershell, windowsRequest);
    const second = windowsSpeechCommand(powershell, request({ text: 'Another question', outputPath: 'D:\\other.wav', voice: 'Microsoft David Desktop' }));

    expect(second.args).toEqual(first.args);
    expect(script(first)).toContain('SetOutputToWaveFile($env:INTERVIEW_TTS_OUTPUT');
    expect(script(first)).toContain('ReadAllText($env:INTERVIEW_TTS_TEXT_FILE');
    expect(script(first)).toContain('$synth.Speak($text)');
    expect(script(first)).not.toContain('Zira');
    expect(script(first)).not.toContain('q1.partial');
  });

  it('finds Windows PowerShell under SystemRoot', () => {
    expect(windowsPowerShellPath({ SystemRoot: 'D:\\WINDOWS' })).toBe('D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('is not available when PowerShell is missing', async () => {
    const root = makeTempDir('tts-winroot');
    try {
      expect(await locateSystemVoice('win32', { SystemRoot: root.path })).toMatchObject({ found: false });
    } finally {
      root.remove();
    }
  });
});

describe('voice names', () => {
  it.each(['--help', '-o', '../x', 'en;rm', 'a$(id)', ''])('refuses %j on every platform', (voice) => {
    for (const build of [
      () => linuxSpeechCommand('espeak-ng', request({ voice })),
      () => macSpeechCommand(MAC_SAY, request({ voice })),
      () => windowsSpeechCommand('powershell.exe', request({ voice })),
    ]) {
      // An empty name means "the default voice", so it is simply not passed.
      if (voice === '') expect(build().args).not.toContain('-v');
      else expect(build).toThrow(SpeechSynthesisError);
    }
  });

  it.each(['en-us', 'en+f3', 'mb-en1', 'Samantha', 'Eddy (English (US))', 'Microsoft Zira Desktop', 'gmw/en-GB-x-rp'])('accepts %j', (voice) => {
    expect(() => linuxSpeechCommand('espeak-ng', request({ voice }))).not.toThrow();
  });
});

describe('speakable text', () => {
  it('splits [[ and ]] so voices read them instead of obeying them', () => {
    expect(speakableText('Flatten [[1, 2], [3]] please [[slnc 9000]]')).toBe('Flatten [ [1, 2], [3] ] please [ [slnc 9000] ]');
  });

  it('turns control characters into spaces and keeps line breaks', () => {
    expect(speakableText('\u001b[31mRed\u0007 alert\nnext line\u0000')).toBe('[31mRed  alert\nnext line');
  });

  it('leaves ordinary questions alone', () => {
    expect(speakableText('What does `git rebase --onto` do? Compare it with merge.')).toBe('What does `git rebase --onto` do? Compare it with merge.');
  });
});
