import { describe, expect, it } from 'vitest';
import { localDateTime, safeFileName } from './export-file-name';

describe('export file names (valid on Windows, macOS and Linux)', () => {
  it('keeps a plain name, and replaces what any system forbids', () => {
    expect(safeFileName('Backend engineering interview 2026-03-14 09-30', 'pdf')).toBe('Backend engineering interview 2026-03-14 09-30.pdf');
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j\u0001k', 'md')).toBe('a b c d e f g h i j k.md');
  });

  it('never gives a reserved device name, a hidden file or a name ending in a dot or space', () => {
    expect(safeFileName('CON', 'md')).toBe('Interview CON.md');
    expect(safeFileName('nul.tar', 'md')).toBe('Interview nul.tar.md');
    expect(safeFileName('com1', 'md')).toBe('Interview com1.md');
    expect(safeFileName('...hidden', 'md')).toBe('hidden.md');
    expect(safeFileName('trailing. . ', 'md')).toBe('trailing.md');
    expect(safeFileName('', 'json')).toBe('Interview.json');
    expect(safeFileName('///', 'json')).toBe('Interview.json');
  });

  it('stays short, in characters and in UTF-8 bytes, without cutting a character in half', () => {
    const long = safeFileName('x'.repeat(500), 'html');
    expect(long.length).toBeLessThanOrEqual(105);
    const wide = safeFileName('中'.repeat(300), 'html');
    expect(Buffer.byteLength(wide, 'utf8')).toBeLessThanOrEqual(200);
    const emoji = safeFileName('🎉'.repeat(120), 'pdf');
    expect(emoji).toMatch(/^(🎉)+\.pdf$/u);
  });

  it('writes the time without a colon, in local time', () => {
    expect(localDateTime('2026-03-14T09:05:00')).toBe('2026-03-14 09-05');
    expect(localDateTime('2026-03-14T09:05:00', ':')).toBe('2026-03-14 09:05');
  });
});
