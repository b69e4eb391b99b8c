import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module shared with the npm scripts
import * as icons from '../../scripts/make-icons.mjs';
import { ROOT_DIR } from '../support/paths';

/** Issue #13: installers had no icons but an SVG; `npm run icons` draws them, committed. */
const { makeIcons } = icons as { makeIcons(svg: string): Record<string, Uint8Array> };
const BUILD = join(ROOT_DIR, 'build');
const made = makeIcons(readFileSync(join(BUILD, 'icon.svg'), 'utf8'));

describe('the committed icons', () => {
  // Drawn on Linux x64; another CPU's floating point may round an edge pixel differently.
  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('are exactly what build/icon.svg draws (run `npm run icons` after changing it)', () => {
    for (const [name, bytes] of Object.entries(made)) {
      expect(Buffer.compare(readFileSync(join(BUILD, name)), Buffer.from(bytes)), name).toBe(0);
    }
  });

  it('cover what each OS asks: an .icns, an .ico up to 256 px, and Linux sizes up to 512 px', () => {
    expect(readFileSync(join(BUILD, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    const ico = readFileSync(join(BUILD, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    // An entry's width byte is 0 for 256 px.
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
    for (const size of [16, 32, 48, 256, 512]) {
      const png = readFileSync(join(BUILD, 'icons', `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
