import type { ScoreChartGeometry, WaveformGeometry } from '../../../shared/report/chart-geometry';
import type { ReportModel } from '../../../shared/report/report-model';
import { reportDocument, type DocumentOptions, type ReportBlock } from '../report-document';
import { withoutBidiControls } from '../text-safety';
import { FontFallback } from './font-fallback';
import { loadReportFonts, type ReportFonts } from './report-fonts';
import { PdfWriter, STYLE, type TextStyle } from './pdf-writer';

/**
 * The report as PDF (issue #11), made in the main process with PDFKit, so the app and browser
 * mode produce the same file. Text goes through per-character font fallback; charts are drawn
 * from the shared geometry as vector shapes.
 */
export async function pdfReport(report: ReportModel, options: DocumentOptions & { fonts?: ReportFonts } = {}): Promise<Buffer> {
  const fonts = options.fonts ?? loadReportFonts();
  const blocks = reportDocument(report, options);
  const fallback = new FontFallback(fonts.base, fonts.fallbacks);
  // First pass: which fallback fonts the text needs (they are registered with the document),
  // and which characters no font has, so the warning can stand at the top.
  for (const { text, style } of textsOf(blocks)) fallback.runs(clean(text), style.weight);
  const writer = new PdfWriter(fallback, { regular: fonts.base.regular.buffer, bold: fonts.base.bold.buffer }, `Interview report: ${report.track.title}`);
  const [title, ...rest] = blocks;
  if (title) drawBlock(writer, title, rest[0]);
  if (fallback.missing.size > 0) {
    const listed = [...fallback.missing].slice(0, 12).join(', ');
    writer.text(`Some characters could not be shown because no font on this computer has them (${listed}${fallback.missing.size > 12 ? ', …' : ''}); they appear as �.`, STYLE.muted);
  }
  rest.forEach((block, i) => drawBlock(writer, block, rest[i + 1]));
  return writer.finish();
}

const clean = (text: string): string => withoutBidiControls(text);

const HEADING_STYLES = { 1: STYLE.h1, 2: STYLE.h2, 3: STYLE.h3, 4: STYLE.h4 } as const;
const PARAGRAPH_STYLES = { muted: STYLE.muted, score: STYLE.strong } as const;
const QUOTE_STYLES = { question: STYLE.question, answer: STYLE.body, transcript: STYLE.muted } as const;
const BULLET_INDENT = 12;

/** The first text of a block and its style: what a heading before it must keep company with. */
function leadOf(block: ReportBlock | undefined): { text: string; style: TextStyle } | undefined {
  if (!block) return undefined;
  const first = textsOf([block])[0];
  return first;
}

function drawBlock(writer: PdfWriter, block: ReportBlock, next: ReportBlock | undefined): void {
  switch (block.kind) {
    case 'heading': {
      const lead = leadOf(next);
      return writer.heading(clean(block.text), HEADING_STYLES[block.level], lead && { text: clean(lead.text), style: lead.style });
    }
    case 'paragraph':
      return writer.text(clean(block.text), block.tone ? PARAGRAPH_STYLES[block.tone] : STYLE.body);
    case 'quote':
      return writer.text(clean(block.text), QUOTE_STYLES[block.role]);
    case 'list':
      return bulleted(writer, block.title, block.items.map((item) => [{ text: clean(item), style: STYLE.body }]));
    case 'points':
      return bulleted(
        writer,
        block.title,
        block.points.length === 0
          ? [[{ text: clean(block.empty), style: STYLE.body }]]
          : block.points.map((point) => [
              { text: `${clean(point.title)}: `, style: STYLE.strong },
              { text: clean(point.evidence), style: STYLE.body },
              ...(point.details ? [{ text: ` (${clean(point.details)})`, style: STYLE.muted }] : []),
            ]),
      );
    case 'facts':
      for (const row of block.rows) writer.mixed([{ text: `${clean(row.label)}: `, style: STYLE.strong }, { text: clean(row.value), style: STYLE.body }], 1);
      writer.doc.y += 4;
      return;
    case 'table':
      return table(writer, block.headers, block.rows);
    case 'scoreChart':
      return scoreChart(writer, block.chart);
    case 'waveform':
      return waveform(writer, block.waveform);
    case 'followUp':
      return writer.indented(16, () => block.blocks.forEach((inner, i) => drawBlock(writer, inner, block.blocks[i + 1])));
  }
}

function bulleted(writer: PdfWriter, title: string, items: { text: string; style: TextStyle }[][]): void {
  writer.heading(clean(title), STYLE.strong, items[0]?.[0]);
  for (const pieces of items) {
    writer.ensureRoom(STYLE.body.size * 1.6);
    const y = writer.doc.y;
    writer.doc.font('regular').fontSize(STYLE.body.size).fillColor(STYLE.body.color).text('•', writer.left, y, { width: BULLET_INDENT, lineBreak: false });
    writer.doc.y = y;
    writer.indented(BULLET_INDENT, () => writer.mixed(pieces, 2));
  }
  writer.doc.y += 3;
}

function table(writer: PdfWriter, headers: string[], rows: string[][]): void {
  const widths = [0.28, 0.2, 0.17, 0.35].map((share) => share * writer.width);
  const drawRow = (cells: string[], style: TextStyle): void => {
    writer.ensureRoom(style.size * 2);
    const top = writer.doc.y;
    let x = writer.left;
    let lowest = top;
    cells.forEach((cell, i) => {
      writer.doc.y = top;
      writer.text(clean(cell), { ...style, after: 0 }, { x, width: (widths[i] ?? 80) - 6 });
      lowest = Math.max(lowest, writer.doc.y);
      x += widths[i] ?? 80;
    });
    writer.doc.y = lowest + 3;
  };
  drawRow(headers, STYLE.strong);
  for (const row of rows) drawRow(row, STYLE.body);
  writer.doc.y += 4;
}

const BAND_COLOURS = { strong: '#1f8a4c', fair: '#b7791f', weak: '#c53030' } as const;

function scoreChart(writer: PdfWriter, chart: ScoreChartGeometry): void {
  const scale = Math.min(1, writer.width / chart.width);
  writer.ensureRoom(chart.height * scale + 8);
  const { doc } = writer;
  const left = writer.left;
  const top = doc.y;
  const at = (x: number, y: number): [number, number] => [left + x * scale, top + y * scale];
  doc.save();
  for (const line of chart.gridLines) {
    doc.moveTo(...at(chart.plot.left, line.y)).lineTo(...at(chart.plot.right, line.y)).lineWidth(0.5).strokeColor('#d9deea').stroke();
    const [x, y] = at(chart.plot.left - 20, line.y - 4);
    doc.font('regular').fontSize(STYLE.small.size).fillColor(STYLE.small.color).text(line.label, x, y, { width: 16 * scale, align: 'right', lineBreak: false });
  }
  for (const bar of chart.bars) {
    doc.rect(...at(bar.x, bar.y), bar.width * scale, bar.height * scale).fill(BAND_COLOURS[bar.band]);
    const [x, y] = at(bar.labelX - 10, chart.height - 14);
    doc.font('regular').fontSize(STYLE.small.size).fillColor(STYLE.small.color).text(bar.label, x, y, { width: 20 * scale, align: 'center', lineBreak: false });
  }
  doc.restore();
  doc.x = left;
  doc.y = top + chart.height * scale + 6;
  writer.text(chart.description, STYLE.muted);
}

function waveform(writer: PdfWriter, wave: WaveformGeometry): void {
  const scale = Math.min(1, (writer.width * 0.7) / wave.width);
  writer.ensureRoom(wave.height * scale + 6);
  const { doc } = writer;
  const left = writer.left;
  const top = doc.y;
  doc.save();
  for (const bar of wave.bars) doc.rect(left + bar.x * scale, top + bar.y * scale, Math.max(bar.width * scale, 0.3), bar.height * scale);
  doc.fill('#9aa6c8');
  doc.restore();
  doc.x = left;
  doc.y = top + wave.height * scale + 6;
}

/** Every string a block shows, with the style it is shown in. */
function textsOf(blocks: readonly ReportBlock[]): { text: string; style: TextStyle }[] {
  return blocks.flatMap((block): { text: string; style: TextStyle }[] => {
    switch (block.kind) {
      case 'heading':
        return [{ text: block.text, style: HEADING_STYLES[block.level] }];
      case 'paragraph':
        return [{ text: block.text, style: block.tone ? PARAGRAPH_STYLES[block.tone] : STYLE.body }];
      case 'quote':
        return [{ text: block.text, style: QUOTE_STYLES[block.role] }];
      case 'list':
        return [{ text: block.title, style: STYLE.strong }, ...block.items.map((text) => ({ text, style: STYLE.body }))];
      case 'points':
        return [
          { text: block.title, style: STYLE.strong },
          { text: block.empty, style: STYLE.body },
          ...block.points.flatMap((point) => [
            { text: `${point.title}: `, style: STYLE.strong },
            { text: point.evidence, style: STYLE.body },
            { text: ` (${point.details})`, style: STYLE.muted },
          ]),
        ];
      case 'facts':
        return block.rows.flatMap((row) => [
          { text: `${row.label}: `, style: STYLE.strong },
          { text: row.value, style: STYLE.body },
        ]);
      case 'table':
        return [...block.headers.map((text) => ({ text, style: STYLE.strong })), ...block.rows.flat().map((text) => ({ text, style: STYLE.body }))];
      case 'scoreChart':
        return [{ text: block.chart.description, style: STYLE.muted }];
      case 'waveform':
        return [];
      case 'followUp':
        return textsOf(block.blocks);
    }
  });
}
