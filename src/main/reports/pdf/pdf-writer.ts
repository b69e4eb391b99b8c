import PDFDocument from 'pdfkit';
import type { FontFallback, TextRun } from './font-fallback';

/**
 * Layout on top of PDFKit for the report: text in font runs (font-fallback.ts), headings kept
 * with what follows them, indentation for follow-ups and list items. PDFKit breaks pages inside
 * text by itself; what it does not know is that a heading alone at the foot of a page is
 * useless, so `heading` moves to a new page unless the heading and the first lines after it fit.
 */
export const PAGE = { size: 'A4' as const, margin: 56 };

export const STYLE = {
  h1: { size: 20, weight: 'bold' as const, color: '#1d2333', before: 0, after: 8 },
  h2: { size: 15, weight: 'bold' as const, color: '#1d2333', before: 14, after: 6 },
  h3: { size: 12.5, weight: 'bold' as const, color: '#5b6478', before: 14, after: 4 },
  h4: { size: 11.5, weight: 'bold' as const, color: '#5b6478', before: 10, after: 3 },
  body: { size: 10.5, weight: 'regular' as const, color: '#1d2333', before: 0, after: 5 },
  muted: { size: 9.5, weight: 'regular' as const, color: '#5b6478', before: 0, after: 4 },
  strong: { size: 10.5, weight: 'bold' as const, color: '#1d2333', before: 0, after: 5 },
  question: { size: 11, weight: 'bold' as const, color: '#1d2333', before: 0, after: 5 },
  small: { size: 8, weight: 'regular' as const, color: '#5b6478', before: 0, after: 0 },
};
export type TextStyle = (typeof STYLE)[keyof typeof STYLE];

/** Lines of the next block that must fit under a heading for it to stay on this page. */
const KEEP_LINES = 3;
/** A word longer than this cannot break in PDFKit except letter by letter, which is very slow. */
const LONG_WORD = 40;

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private indent = 0;

  constructor(
    private readonly fonts: FontFallback,
    base: { regular: Buffer; bold: Buffer },
    title: string,
  ) {
    this.doc = new PDFDocument({ size: PAGE.size, margin: PAGE.margin, info: { Title: title, Creator: 'Interview Practice' }, lang: 'en' });
    this.doc.registerFont('regular', base.regular);
    this.doc.registerFont('bold', base.bold);
    for (const font of fonts.fontsInUse()) this.doc.registerFont(font.name, font.buffer, font.face ?? '');
  }

  get left(): number {
    return PAGE.margin + this.indent;
  }

  get width(): number {
    return this.doc.page.width - PAGE.margin * 2 - this.indent;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.margin;
  }

  /** Everything written inside is moved right by `by` points. */
  indented(by: number, write: () => void): void {
    this.indent += by;
    try {
      write();
    } finally {
      this.indent -= by;
    }
  }

  /** A heading, on a new page when it and the start of what follows would not fit on this one. */
  heading(text: string, style: TextStyle, next?: { text: string; style: TextStyle }): void {
    this.doc.y += style.before;
    const own = this.height(text, style);
    const following = next ? Math.min(this.height(next.text, next.style), this.lineHeight(next.style) * KEEP_LINES) : this.lineHeight(STYLE.body) * KEEP_LINES;
    this.ensureRoom(own + style.after + following);
    this.text(text, style);
  }

  /** Starts a new page unless `height` points fit above the bottom margin. */
  ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  text(text: string, style: TextStyle, options: { x?: number; width?: number } = {}): void {
    this.runs(this.fonts.runs(breakableLongWords(text), style.weight), style, options);
  }

  /** Several pieces of text in one paragraph, each in its own style (a bold label, then a value). */
  mixed(pieces: { text: string; style: TextStyle }[], after: number): void {
    const runs = pieces.flatMap((piece) => this.fonts.runs(breakableLongWords(piece.text), piece.style.weight).map((run) => ({ run, style: piece.style })));
    this.writeRuns(runs, { x: this.left, width: this.width, after });
  }

  private runs(runs: TextRun[], style: TextStyle, options: { x?: number; width?: number }): void {
    this.writeRuns(
      runs.map((run) => ({ run, style })),
      { x: options.x ?? this.left, width: options.width ?? this.width, after: style.after },
    );
  }

  private writeRuns(runs: { run: TextRun; style: TextStyle }[], layout: { x: number; width: number; after: number }): void {
    const pieces = runs.filter(({ run }) => run.text !== '');
    if (pieces.length === 0) return;
    pieces.forEach(({ run, style }, i) => {
      this.doc.font(run.font).fontSize(style.size).fillColor(style.color);
      const options = { width: layout.width, continued: i < pieces.length - 1, lineGap: 1.5 };
      if (i === 0) this.doc.text(run.text, layout.x, this.doc.y, options);
      else this.doc.text(run.text, options);
    });
    this.doc.x = PAGE.margin;
    this.doc.y += layout.after;
  }

  /** The height of text in the text font alone: close enough to keep a heading with what follows. */
  private height(text: string, style: TextStyle): number {
    this.doc.font(style.weight).fontSize(style.size);
    return this.doc.heightOfString(breakableLongWords(text), { width: this.width, lineGap: 1.5 });
  }

  private lineHeight(style: TextStyle): number {
    this.doc.font(style.weight).fontSize(style.size);
    return this.doc.currentLineHeight(true) + 1.5;
  }

  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.end();
    await ended;
    return Buffer.concat(chunks);
  }
}

/**
 * Long runs without a space (a pasted URL, a 5,000-character line) get a zero-width space every
 * LONG_WORD characters, where PDFKit may then break the line; nothing visible changes.
 */
export function breakableLongWords(text: string): string {
  return text.replace(new RegExp(`[^\\s\\u200B]{${LONG_WORD}}(?=[^\\s\\u200B])`, 'gu'), (piece) => `${piece}\u200B`);
}
