import { spawn } from 'node:child_process';
import { SpeechSynthesisError, cancelledError, timeoutError } from './speech-synthesis-error';
import type { SpeechCommand } from './system-voice-commands';

export interface ProcessOutcome {
  exitCode: number | null;
  /** The end of stderr, only to tell a missing voice from other failures; never logged. */
  stderrTail: string;
}

const STDERR_TAIL_CHARS = 2_000;

/**
 * Runs one voice program to completion: no shell, stdin fed then closed, stdout ignored.
 * On abort or timeout the process is killed and this settles only once it has exited, so
 * the caller can delete its partial output knowing nothing writes to it any more.
 */
export function runSpeechProcess(
  command: SpeechCommand,
  options: { timeoutMs: number; signal?: AbortSignal | undefined; env?: NodeJS.ProcessEnv },
): Promise<ProcessOutcome> {
  if (options.signal?.aborted) return Promise.reject(cancelledError());

  return new Promise((resolve, reject) => {
    const child = spawn(command.program, [...command.args], {
      shell: false,
      windowsHide: true,
      env: { ...(options.env ?? process.env), ...command.env },
      stdio: [command.stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    });

    let stopReason: SpeechSynthesisError | undefined;
    const stop = (reason: SpeechSynthesisError): void => {
      if (stopReason) return;
      stopReason = reason;
      child.kill('SIGKILL');
    };
    const onAbort = (): void => stop(cancelledError());
    const timer = setTimeout(() => stop(timeoutError(options.timeoutMs)), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    let stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });

    let spawnError: Error | undefined;
    child.on('error', (error) => {
      // 'close' may never follow a failed spawn, so settle here too.
      spawnError = error;
      finish(null);
    });
    child.on('close', (code) => finish(code));

    let settled = false;
    function finish(exitCode: number | null): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (stopReason) reject(stopReason);
      else if (spawnError) reject(spawnFailure(spawnError));
      else resolve({ exitCode, stderrTail });
    }

    if (child.stdin) {
      // A program that exits before reading everything closes the pipe: its exit code and
      // output say what went wrong, not this EPIPE.
      child.stdin.on('error', () => {});
      child.stdin.end(command.stdin, 'utf8');
    }
  });
}

function spawnFailure(error: Error): SpeechSynthesisError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES') {
    return new SpeechSynthesisError('NOT_AVAILABLE', 'The voice program on this computer could not be started.');
  }
  return new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice program on this computer failed to start.');
}
