import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createLogFileSink, lastLogLines, logFilePath } from './log-file';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir('log-file')));
afterEach(() => temp.remove());

describe('the log file in the data folder', () => {
  it('gets every line, in logs/, readable only by the user', () => {
    const path = logFilePath(temp.path);
    const write = createLogFileSink(path);
    write('{"event":"one"}');
    write('{"event":"two"}');
    expect(readFileSync(path, 'utf8')).toBe('{"event":"one"}\n{"event":"two"}\n');
    expect(readdirSync(join(temp.path, 'logs'))).toEqual(['interview-practice.log']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(lastLogLines(path, 1)).toEqual(['{"event":"two"}']);
  });

  it('starts afresh past its size, keeping one previous file, and the last lines span both', () => {
    const path = logFilePath(temp.path);
    const write = createLogFileSink(path, 40);
    for (let i = 1; i <= 6; i++) write(`{"event":"line-${i}"}`);
    expect(readdirSync(join(temp.path, 'logs')).sort()).toEqual(['interview-practice.log', 'interview-practice.previous.log']);
    expect(lastLogLines(path, 4)).toEqual(['{"event":"line-3"}', '{"event":"line-4"}', '{"event":"line-5"}', '{"event":"line-6"}']);
  });

  it('drops lines it cannot write rather than stop the app', () => {
    // A file where its folder should be: the folder cannot be made, as on a broken disk.
    writeFileSync(join(temp.path, 'logs'), '');
    const write = createLogFileSink(logFilePath(temp.path));
    expect(() => write('{"event":"lost"}')).not.toThrow();
    expect(lastLogLines(logFilePath(temp.path), 5)).toEqual([]);
  });
});
