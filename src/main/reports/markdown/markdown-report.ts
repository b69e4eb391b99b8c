import type { ReportModel } from '../../../shared/report/report-model';
import { reportDocument, type DocumentOptions, type ReportBlock } from '../report-document';
import { markdownInline, markdownParagraphs } from './markdown-escape';

/**
 * The report as Markdown (issue #11). Every string that comes from the interview goes through
 * the escapes of markdown-escape.ts; only the structure (headings, lists, the table) is markup.
 * Charts have no Markdown form: the score chart becomes its text alternative, and the
 * waveforms are left to the HTML and PDF exports.
 */
export function markdownReport(report: ReportModel, options: DocumentOptions = {}): string {
  return `${reportDocument(report, options).map((block) => markdownBlock(block)).filter(Boolean).join('\n\n')}\n`;
}

function markdownBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${markdownInline(block.text)}`;
    case 'paragraph':
      return block.tone === 'muted' ? `_${markdownInline(block.text)}_` : markdownParagraphs(block.text);
    case 'quote':
      return block.role === 'question' ? `**${markdownInline(block.text)}**` : markdownParagraphs(block.text);
    case 'list':
      return `**${markdownInline(block.title)}**\n\n${block.items.map((item) => `- ${markdownParagraphs(item, '  ')}`).join('\n')}`;
    case 'points': {
      const items = block.points.map((point) => `- **${markdownInline(point.title)}**: ${markdownInline(point.evidence)}${point.details ? ` (${markdownInline(point.details)})` : ''}`);
      return `**${markdownInline(block.title)}**\n\n${items.length > 0 ? items.join('\n') : `- ${markdownInline(block.empty)}`}`;
    }
    case 'facts':
      return block.rows.map((row) => `- ${markdownInline(row.label)}: ${markdownInline(row.value)}`).join('\n');
    case 'table': {
      const row = (cells: string[]): string => `| ${cells.map(markdownInline).join(' | ')} |`;
      return [row(block.headers), `| ${block.headers.map(() => '---').join(' | ')} |`, ...block.rows.map(row)].join('\n');
    }
    case 'scoreChart':
      return `_${markdownInline(block.chart.description)}_`;
    case 'waveform':
      return '';
    case 'followUp':
      return block.blocks.map((inner) => markdownBlock(inner)).filter(Boolean).join('\n\n');
  }
}
