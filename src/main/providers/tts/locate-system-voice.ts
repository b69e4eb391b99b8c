import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join, win32 } from 'node:path';

/**
 * Which program speaks on this computer. Linux (and the BSDs) look up espeak-ng, then the
 * older espeak, on PATH; macOS and Windows use fixed system paths, so a program of the same
 * name earlier on PATH cannot stand in for the real one.
 */
export type SystemVoiceKind = 'espeak' | 'say' | 'sapi';

export interface LocatedVoice {
  kind: SystemVoiceKind;
  program: string;
}

export type VoiceLocation = { found: true; voice: LocatedVoice } | { found: false; reason: string };

const LINUX_PROGRAMS = ['espeak-ng', 'espeak'];
export const MAC_SAY = '/usr/bin/say';

export const windowsPowerShellPath = (env: NodeJS.ProcessEnv): string =>
  win32.join(env['SystemRoot'] ?? env['SYSTEMROOT'] ?? 'C:\\Windows', 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    // An empty PATH entry means the current folder: never run a program from there.
    if (!dir) continue;
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export async function locateSystemVoice(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Promise<VoiceLocation> {
  if (platform === 'darwin') {
    return (await isExecutable(MAC_SAY))
      ? { found: true, voice: { kind: 'say', program: MAC_SAY } }
      : { found: false, reason: 'macOS speech (the say command) is missing from this Mac.' };
  }
  if (platform === 'win32') {
    const program = windowsPowerShellPath(env);
    return (await isExecutable(program))
      ? { found: true, voice: { kind: 'sapi', program } }
      : { found: false, reason: 'Windows PowerShell, which the Windows voices are reached through, was not found.' };
  }
  for (const name of LINUX_PROGRAMS) {
    const program = await findOnPath(name, env);
    if (program) return { found: true, voice: { kind: 'espeak', program } };
  }
  return {
    found: false,
    reason: 'No voice is installed on this computer. Install espeak-ng (for example: sudo apt install espeak-ng) or choose OpenAI speech in Settings.',
  };
}
