import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FontFile } from './font-files';

/**
 * Per-character font fallback for the PDF (issue #11: accented, Chinese and emoji text is
 * never dropped). PDF viewers do no fallback of their own, so the writer splits every string
 * into runs, each set in the first font that has its characters: the text font (regular or
 * bold), then the bundled emoji font, then the OS fonts of font-files.ts, each read from disk
 * only when some character needs it. A character no font has is drawn as U+FFFD and listed,
 * so the report can say so instead of leaving a silent gap.
 */
export interface TextRun {
  /** The name the font was registered under with PDFKit. */
  font: string;
  text: string;
}

export interface RegisteredFont {
  name: string;
  buffer: Buffer;
  face?: string | undefined;
}

interface Candidate {
  name: string;
  file: FontFile;
  loaded?: { font: fontkit.Font; buffer: Buffer; face?: string | undefined } | null;
}

const REPLACEMENT = '\uFFFD';
/** Joiners, variation selectors, skin tones, tag characters and combining marks belong to the character before them. */
const isAttached = (codePoint: number, char: string): boolean =>
  codePoint === 0x200d ||
  (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
  (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
  (codePoint >= 0xe0020 && codePoint <= 0xe007f) ||
  /\p{M}/u.test(char);
/** Control characters have no glyph (tabs were made spaces); newlines stay. */
const isControl = (codePoint: number): boolean => (codePoint < 0x20 && codePoint !== 10) || (codePoint >= 0x7f && codePoint <= 0x9f);

export class FontFallback {
  private readonly byCodePoint = new Map<string, Map<number, number>>();
  private readonly candidates: Candidate[];
  private readonly used = new Set<number>();
  /** Characters no font had, as "U+XXXX". */
  readonly missing = new Set<string>();

  constructor(
    private readonly base: { regular: RegisteredFont & { font: fontkit.Font }; bold: RegisteredFont & { font: fontkit.Font } },
    fallbacks: { name: string; file: FontFile }[],
  ) {
    this.candidates = fallbacks.map((fallback) => ({ ...fallback }));
  }

  /** The fallback fonts some text needed so far, to register with PDFKit. */
  fontsInUse(): RegisteredFont[] {
    return [...this.used].map((index) => {
      const { name, loaded } = this.candidates[index]!;
      return { name, buffer: loaded!.buffer, face: loaded!.face };
    });
  }

  runs(text: string, weight: 'regular' | 'bold'): TextRun[] {
    const base = this.base[weight];
    const cache = this.cacheFor(weight);
    const runs: TextRun[] = [];
    let current: TextRun | undefined;
    let currentFont: fontkit.Font = base.font;
    for (const char of text.replace(/\t/g, '    ')) {
      const codePoint = char.codePointAt(0)!;
      if (isControl(codePoint)) continue;
      if (current && isAttached(codePoint, char)) {
        if (currentFont.hasGlyphForCodePoint(codePoint)) current.text += char;
        continue;
      }
      let index = cache.get(codePoint);
      if (index === undefined) {
        index = codePoint === 10 || base.font.hasGlyphForCodePoint(codePoint) ? -1 : this.fallbackFor(codePoint);
        cache.set(codePoint, index);
      }
      let name = base.name;
      let shown = char;
      currentFont = base.font;
      if (index >= 0) {
        name = this.candidates[index]!.name;
        currentFont = this.candidates[index]!.loaded!.font;
        this.used.add(index);
      } else if (index === -2) {
        this.missing.add(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
        shown = REPLACEMENT;
      }
      if (current && current.font === name) current.text += shown;
      else runs.push((current = { font: name, text: shown }));
    }
    return runs;
  }

  private cacheFor(weight: string): Map<number, number> {
    let cache = this.byCodePoint.get(weight);
    if (!cache) this.byCodePoint.set(weight, (cache = new Map()));
    return cache;
  }

  /** Index of the first fallback with the character; -2 when none has it. */
  private fallbackFor(codePoint: number): number {
    for (let i = 0; i < this.candidates.length; i += 1) {
      const loaded = this.load(this.candidates[i]!);
      if (loaded?.font.hasGlyphForCodePoint(codePoint)) return i;
    }
    return -2;
  }

  private load(candidate: Candidate): Candidate['loaded'] {
    if (candidate.loaded !== undefined) return candidate.loaded;
    candidate.loaded = openFont(candidate.file);
    return candidate.loaded;
  }
}

/** A font file as fontkit reads it; a collection gives the face asked for, or its first. Null when unreadable. */
export function openFont(file: FontFile): { font: fontkit.Font; buffer: Buffer; face?: string | undefined } | null {
  try {
    const buffer = readFileSync(file.path);
    const opened = fontkit.create(buffer) as fontkit.Font | fontkit.FontCollection;
    if (!('fonts' in opened)) return { font: opened, buffer };
    const font = opened.fonts.find((face) => face.postscriptName === file.face) ?? opened.fonts[0];
    return font ? { font, buffer, face: font.postscriptName } : null;
  } catch {
    // A font the OS has but fontkit cannot read is skipped, like a font that is not there.
    return null;
  }
}
