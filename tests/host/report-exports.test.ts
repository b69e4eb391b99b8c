import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportExport, reportExportJsonSchema } from '../../src/main/reports/json/json-export';
import { startTestHost, type HostFixture } from '../support/host-fixture';
import { ROOT_DIR } from '../support/paths';
import { downloadExport, missingCjkFont, pdfPages } from '../support/report-downloads';
import { missing } from '../support/system-tools';
import { REPORT_TURNS, seedReportInterview, TRICKY } from '../support/report-fixture';
import { chromiumLaunchOptions } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #11: each export of one hard interview (typed and spoken answers, a follow-up, a job
 * description, `<script>`, Markdown, backticks, a 5,000-character line, é, 中文, emoji), made
 * through the real host (reports.export over the WebSocket, the download over HTTP with the
 * token), read back the way its reader would read it.
 */
let fixture: HostFixture;
let interviewId: string;

beforeAll(async () => {
  fixture = await startTestHost({ seed: (dataDir) => (interviewId = seedReportInterview(dataDir)) });
});
afterAll(async () => {
  await fixture.stop();
});

const exported = async (format: string) => {
  const file = await downloadExport(fixture, 'reports.export', { interviewId, format, locale: 'en-GB' });
  expect(file.reply.status).toBe(200);
  return file;
};

/** What the candidate and the interviewer said, in the order the report must show it. */
const questions = REPORT_TURNS.map((turn) => turn.question);
const answers = REPORT_TURNS.flatMap((turn) => (turn.answer ? [turn.answer.text] : []));
const inOrder = REPORT_TURNS.flatMap((turn) => [turn.question, ...(turn.answer ? [turn.answer.text] : [])]);

/** Each string's position in `text`, after `normalise`; -1 when missing. */
function positions(text: string, strings: string[], normalise: (s: string) => string): number[] {
  const haystack = normalise(text);
  let from = 0;
  return strings.map((s) => {
    const at = haystack.indexOf(normalise(s), from);
    if (at >= 0) from = at + 1;
    return at;
  });
}
const ascending = (values: number[]): boolean => values.every((value, i) => value >= 0 && (i === 0 || value > values[i - 1]!));

describe('Markdown', () => {
  it('renders every question and answer exactly as written, and nothing the candidate wrote becomes markup', async () => {
    const file = await exported('md');
    expect(file.mimeType).toBe('text/markdown; charset=utf-8');
    expect(file.fileName).toMatch(/^Backend engineering interview \d{4}-\d\d-\d\d \d\d-\d\d\.md$/);
    const markdown = file.reply.body;
    expect(markdown).toContain('14 March 2026'); // dates in the locale asked for (en-GB)
    const tokens = new MarkdownIt().parse(markdown, {});

    // Nothing anyone wrote is read as HTML, code, a link, a quote, a rule or strikethrough.
    const forbidden = ['html_inline', 'html_block', 'code_inline', 'code_block', 'fence', 'link_open', 'image', 'blockquote_open', 'ordered_list_open', 'hr', 's_open'];
    const seen = tokens.flatMap((token) => [token.type, ...(token.children ?? []).map((child) => child.type)]);
    expect(seen.filter((type) => forbidden.includes(type))).toEqual([]);
    expect(seen.filter((type) => type === 'table_open')).toHaveLength(1); // the report's own "By phase" table
    const headings = tokens.flatMap((token, i) => (token.type === 'heading_open' ? [tokens[i + 1]!.content] : []));
    expect(headings.filter((text) => text.includes('Not a heading'))).toEqual([]);

    // Each paragraph the reader sees is the text as written, line for line.
    const paragraphs = tokens.flatMap((token) => (token.type === 'inline' ? [inlineText(token)] : []));
    const written = [...questions.map((q) => q.replace(/\n/g, ' ')), ...answers.flatMap((a) => a.split(/\n\s*\n/))];
    for (const text of written) expect(paragraphs, text.slice(0, 60)).toContain(text);
    expect(ascending(positions(paragraphs.join('\n\n'), inOrder.map((t) => t.split(/\n\s*\n/)[0]!), (s) => s))).toBe(true);
  });
});

/** A paragraph's text as a renderer shows it: line breaks as newlines, emphasis markers gone. */
function inlineText(token: { children: { type: string; content: string }[] | null }): string {
  return (token.children ?? []).map((child) => (child.type === 'text' ? child.content : child.type.endsWith('break') ? '\n' : '')).join('');
}

describe('HTML', () => {
  it('opens in Chromium with the network off, makes no request, runs no script, and shows the same text', async () => {
    const file = await exported('html');
    expect(file.mimeType).toBe('text/html; charset=utf-8');
    expect(file.reply.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.reply.body).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    const temp = makeTempDir('html-export');
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const path = join(temp.path, file.fileName);
      writeFileSync(path, file.reply.bytes);
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const cdp = await context.newCDPSession(page);
      const pageScripts: string[] = [];
      cdp.on('Debugger.scriptParsed', (event) => {
        // Only the page's own world: Playwright's helpers run in isolated worlds of their own.
        if ((event.executionContextAuxData as { isDefault?: boolean } | undefined)?.isDefault) pageScripts.push(event.url);
      });
      await cdp.send('Debugger.enable');
      const url = pathToFileURL(path).href;
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(200); // let any late request or script show itself
      expect(requests).toEqual([url]);
      expect(pageScripts).toEqual([]);
      await cdp.send('Debugger.disable');
      expect(dialogs).toEqual([]);

      // A string, not a function: this file is compiled for Node, without the DOM's types.
      const dom = (await page.evaluate(`({
        scripts: document.querySelectorAll('script, iframe, object, embed, link, img, a').length,
        handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
        text: document.body.innerText,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        svgs: document.querySelectorAll('svg[role="img"] title').length,
      })`)) as { scripts: number; handlers: number; text: string; overflow: number; svgs: number };
      expect(dom.scripts).toBe(0);
      expect(dom.handlers).toBe(0);
      // The 5,000-character line wraps inside the page.
      expect(dom.overflow).toBeLessThanOrEqual(0);
      // The score chart and both spoken answers' waveforms, each with a text alternative.
      expect(dom.svgs).toBe(3);
      const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
      expect(ascending(positions(dom.text, inOrder, squash))).toBe(true);
      expect(dom.text).toContain(TRICKY.script);
      await context.close();
    } finally {
      await browser.close();
      temp.remove();
    }
  });

  it('drops characters that would reorder what a line shows', async () => {
    const file = await exported('html');
    expect(file.reply.body).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('PDF', () => {
  it.skipIf(missing('pdftotext', 'the test that reads the PDF back') || missingCjkFont('the test of the PDF with Chinese text'))('has every question and answer in order, with the accented and Chinese text', async () => {
    const file = await exported('pdf');
    expect(file.mimeType).toBe('application/pdf');
    expect(file.reply.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfPages(file.reply.bytes).join('\n');
    // Lines wrap wherever the page ends them, and a monochrome emoji font draws a skin tone as
    // part of its emoji, so whitespace and tone modifiers are left out of the comparison.
    const plain = (s: string): string => s.replace(/[\s\u200B]|[\u{1F3FB}-\u{1F3FF}]/gu, '');
    expect(ascending(positions(text, inOrder, plain))).toBe(true);
    expect(text).toContain(TRICKY.accents);
    expect(text).toContain(TRICKY.chinese);
    expect(text).toContain('🎉');
    expect(text).not.toContain('could not be shown');
  });
});

describe('JSON', () => {
  const schemaFile = join(ROOT_DIR, 'docs', 'export-schema-v1.json');

  it('validates against the committed schema and reads back through zod unchanged', async () => {
    const file = await exported('json');
    expect(file.mimeType).toBe('application/json; charset=utf-8');
    const data = JSON.parse(file.reply.body) as unknown;
    const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(ReportExport.parse(data)).toEqual(data);
    expect(data).toMatchObject({ format: 'interview-practice-report', schemaVersion: 1, interview: { interviewId, track: { id: 'backend', title: 'Backend engineering' } } });
    // Nothing in the file points into the app: no media URL, no token.
    expect(file.reply.body).not.toContain(fixture.host.token);
    expect(file.reply.body).not.toContain('/media/');
  });

  it('a version 1 reader accepts a file with optional fields added since', async () => {
    const data = JSON.parse((await exported('json')).reply.body) as { interview: Record<string, unknown> };
    const newer = { ...data, addedLater: true, interview: { ...data.interview, anotherNewField: [1, 2] } };
    const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    expect(validate(newer)).toBe(true);
    expect(ReportExport.safeParse(newer).success).toBe(true);
  });

  it('the committed schema is the one the zod types give (a change must be deliberate)', () => {
    const generated = `${JSON.stringify(reportExportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_EXPORT_SCHEMA === '1') writeFileSync(schemaFile, generated);
    // Adding an optional field: rerun with UPDATE_EXPORT_SCHEMA=1. Anything else: a new schemaVersion and file.
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated);
  });
});

describe('downloads', () => {
  it('need the token, and an unknown interview or download is a clear "not found"', async () => {
    const file = await exported('md');
    const withoutToken = file.url.replace(/\?token=.*$/, '');
    const { httpGet } = await import('../support/http-get');
    expect((await httpGet(fixture.host.port, withoutToken)).status).toBe(401);
    expect((await httpGet(fixture.host.port, `/exports/00000000-0000-4000-8000-000000000000?token=${fixture.host.token}`)).status).toBe(404);
    await expect(downloadExport(fixture, 'reports.export', { interviewId: '00000000-0000-4000-8000-000000000000', format: 'pdf' })).rejects.toThrow(/NOT_FOUND/);
  });
});

describe('History CSV', () => {
  it('has one row per interview, opens as UTF-8 in a spreadsheet, and names the file safely', async () => {
    const file = await downloadExport(fixture, 'history.exportCsv');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toMatch(/^Interview history \d{4}-\d\d-\d\d \d\d-\d\d\.csv$/);
    const text = file.reply.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Started,Finished,Track,Status,Overall score (0-100),Main questions,Follow-ups,Skipped,Interview id');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,Backend engineering,completed,\\d+,4,1,1,${interviewId}$`));
  });
});
