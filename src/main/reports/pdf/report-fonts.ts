import type * as fontkit from 'fontkit';
import { bundledFonts, systemFallbackFonts, type FontFile } from './font-files';
import { openFont, type RegisteredFont } from './font-fallback';

/** The fonts of one PDF: the bundled text fonts, and the fallbacks in the order they are tried. */
export interface ReportFonts {
  base: { regular: RegisteredFont & { font: fontkit.Font }; bold: RegisteredFont & { font: fontkit.Font } };
  fallbacks: { name: string; file: FontFile }[];
}

let cached: ReportFonts | undefined;

/**
 * Read once per process: the bundled fonts are about 2 MB, and looking for the OS's fonts
 * touches the disk. A missing bundled font is a broken installation, so it throws.
 */
export function loadReportFonts(): ReportFonts {
  if (cached) return cached;
  const files = bundledFonts();
  const open = (name: string, file: FontFile) => {
    const opened = openFont(file);
    if (!opened) throw new Error(`the bundled font for ${name} text cannot be read`);
    return { name, buffer: opened.buffer, font: opened.font };
  };
  cached = {
    base: { regular: open('regular', files.regular), bold: open('bold', files.bold) },
    fallbacks: [{ name: 'emoji', file: files.emoji }, ...systemFallbackFonts().map((file, i) => ({ name: `system-${i}`, file }))],
  };
  return cached;
}
