import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Stand-ins for a voice program, placed in a folder that a test then uses as the whole PATH.
 * They are real executables, so the provider spawns them exactly as it spawns espeak-ng.
 */

/** Links `name` in `binDir` to a real program (e.g. only `espeak`, pointing at espeak-ng). */
export function linkProgram(binDir: string, name: string, target: string): void {
  symlinkSync(target, join(binDir, name));
}

/**
 * A voice that never finishes: it writes the start of a WAV to the file after `-w` (so there
 * is a partial file to clean up), then waits far longer than any test.
 */
export function writeHangingVoice(binDir: string, name = 'espeak-ng'): void {
  const path = join(binDir, name);
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'out=""',
      'while [ $# -gt 0 ]; do',
      '  if [ "$1" = "-w" ]; then out="$2"; fi',
      '  shift',
      'done',
      'printf "RIFF\\000\\000\\000\\000WAVE" > "$out"',
      'exec /bin/sleep 30',
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
}

/** A voice that exits successfully without writing anything, as espeak-ng does when it cannot write. */
export function writeSilentVoice(binDir: string, name = 'espeak-ng'): void {
  const path = join(binDir, name);
  writeFileSync(path, '#!/bin/sh\n/bin/cat > /dev/null\nexit 0\n');
  chmodSync(path, 0o755);
}

/**
 * Stand-ins for macOS `say` and Windows PowerShell that do what the real ones are asked to
 * (read the text file, write the WAV) with espeak-ng, so the temporary-file flow of those
 * platforms runs end to end on Linux. Each appends the text file's path and contents to
 * `$FAKE_VOICE_LOG`, for the test to check what arrived and that the file is gone afterwards.
 */
export function writeFakeSay(binDir: string, espeak: string): string {
  const path = join(binDir, 'say');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'out=""; text=""',
      'while [ $# -gt 0 ]; do',
      '  case "$1" in',
      '    -o) out="$2"; shift ;;',
      '    -f) text="$2"; shift ;;',
      '  esac',
      '  shift',
      'done',
      'printf "%s\\n" "$text" >> "$FAKE_VOICE_LOG"',
      '/bin/cat "$text" >> "$FAKE_VOICE_LOG"',
      `exec ${espeak} -f "$text" -w "$out"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}

export function writeFakePowerShell(binDir: string, espeak: string): string {
  const path = join(binDir, 'powershell.exe');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'printf "%s\\n" "$INTERVIEW_TTS_TEXT_FILE" >> "$FAKE_VOICE_LOG"',
      '/bin/cat "$INTERVIEW_TTS_TEXT_FILE" >> "$FAKE_VOICE_LOG"',
      `exec ${espeak} -f "$INTERVIEW_TTS_TEXT_FILE" -w "$INTERVIEW_TTS_OUTPUT"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}
