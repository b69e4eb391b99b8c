import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentErrors } from './document-error';

/** A PDF that takes longer than this is not a résumé: its parser is looping or drowning. */
const PDF_TIMEOUT_MS = 20_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
// The legacy build runs on Node 20 (docs/decisions.md, issue #14); loaded on first use only.
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Character maps for PDFs with CJK and other composite fonts, shipped inside pdfjs-dist. */
const cMapUrl = (): string => `${pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')).href}/`;

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/**
 * A PDF's text layer, page by page, with pdf.js. A password-protected PDF and a damaged one are
 * told apart from each other and from a PDF whose pages hold no text (a scan).
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, cMapUrl: cMapUrl(), cMapPacked: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(documentErrors.damaged()), PDF_TIMEOUT_MS);
  });
  try {
    return await Promise.race([readPages(task.promise), timeout]);
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') throw documentErrors.protected('PDF');
    throw documentErrors.damaged();
  } finally {
    clearTimeout(timer);
    void task.destroy();
  }
}

async function readPages(loading: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }> }>): Promise<string> {
  const document = await loading;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push((content.items as TextItemLike[]).map((item) => `${item.str ?? ''}${item.hasEOL ? '\n' : ''}`).join(''));
  }
  return pages.join('\n');
}
