import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/build-report';
import { missingCjkFont, pdfPages } from '../../../../tests/support/report-downloads';
import { missing } from '../../../../tests/support/system-tools';
import { largeInterviewDetail } from '../../../../tests/support/report-fixture';
import { loadReportFonts } from './report-fonts';
import { pdfReport } from './pdf-report';

/**
 * The PDF's layout (issue #11): headings never left alone at the foot of a page, and a
 * character no font has is said, not silently dropped. The text itself is checked through the
 * host in tests/host/report-exports.test.ts.
 */
const HEADING = /^(Question \d+ · |Follow-up to question \d+$|Introduction · |Closing|Strengths$|To improve$|Suggestions$|Model answer outline$|Summary$|By phase$|Questions and answers$|Job description$)/;

const noCjkFont = missingCjkFont('the check of Chinese text in a PDF');

describe.skipIf(missing('pdftotext', 'the tests that read PDFs back'))('PDF report', () => {
  it('never ends a page with a heading', async () => {
    const pages = pdfPages(await pdfReport(buildReport(largeInterviewDetail(60)), { locale: 'en-GB' }));
    expect(pages.length).toBeGreaterThan(20);
    const lastLines = pages
      .map((page) => page.split('\n').map((line) => line.trim()).filter(Boolean).at(-1))
      .filter((line): line is string => line !== undefined);
    expect(lastLines.filter((line) => HEADING.test(line))).toEqual([]);
    // Each main question's heading is in the file, in order.
    const text = pages.join('\n');
    const at = Array.from({ length: 60 }, (_, i) => text.indexOf(`Question ${i + 1} · `));
    expect(at.every((position, i) => position >= 0 && (i === 0 || position > at[i - 1]!))).toBe(true);
  });

  it('says which characters no font could show, and still shows the rest', async () => {
    const detail = largeInterviewDetail(1);
    const unknown = '\u{10FFFD}';
    detail.turns[0]!.answer!.text = `Café ${unknown} 中文`;
    const withoutCjk = { ...loadReportFonts(), fallbacks: loadReportFonts().fallbacks.filter((font) => font.name === 'emoji') };
    const text = pdfPages(await pdfReport(buildReport(detail), { fonts: withoutCjk })).join('\n').replace(/\s+/g, ' ');
    expect(text).toMatch(/Some characters could not be shown because no font on this computer has them \(U\+10FFFD, U\+4E2D, U\+6587\)/);
    expect(text).toContain('Café');
  });

  it.skipIf(noCjkFont)('shows Chinese with the system’s CJK font, and lists only what no font has', async () => {
    const detail = largeInterviewDetail(1);
    detail.turns[0]!.answer!.text = `Café \u{10FFFD} 中文`;
    const full = pdfPages(await pdfReport(buildReport(detail))).join('\n').replace(/\s+/g, ' ');
    expect(full).toContain('中文');
    expect(full).toMatch(/could not be shown because no font on this computer has them \(U\+10FFFD\)/);
  });
});
