import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The few tests that need a program of the computer's own skip where it is not installed,
 * saying so in one line: the system voice is espeak-ng on Linux; sox is the reference some
 * audio tests compare with; pdftotext reads exported PDFs back. .ci/run installs all three,
 * so nothing is skipped in CI.
 */
const INSTALL: Record<SystemTool, string> = {
  'espeak-ng': 'sudo apt install espeak-ng',
  sox: 'sudo apt install sox',
  pdftotext: 'sudo apt install poppler-utils',
};

export type SystemTool = 'espeak-ng' | 'sox' | 'pdftotext';

const executable = (program: string): string => (process.platform === 'win32' ? `${program}.exe` : program);

/** Where `program` is on PATH, or undefined. */
export const findOnPath = (program: string): string | undefined =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, executable(program)))
    .find((path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });

const told = new Set<SystemTool>();

/** True when `tool` is missing (for `it.skipIf`), after saying once per test file what is skipped and why. */
export function missing(tool: SystemTool, what = 'tests that compare with it'): boolean {
  if (findOnPath(tool)) return false;
  if (!told.has(tool)) {
    told.add(tool);
    console.log(`skipped ${what}: ${tool} is not installed (${INSTALL[tool]}; .ci/run installs it)`);
  }
  return true;
}
