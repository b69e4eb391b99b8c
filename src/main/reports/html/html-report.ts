import type { ReportModel } from '../../../shared/report/report-model';
import { reportDocument, type DocumentOptions, type ReportBlock } from '../report-document';
import { escapeHtml } from './html-escape';
import { REPORT_CSS } from './report-styles';
import { scoreChartSvg, waveformSvg } from './svg-charts';

/**
 * The report as one self-contained HTML file (issue #11): inline CSS, inline SVG, no script and
 * nothing to fetch, and a Content-Security-Policy that forbids anything else should a viewer
 * ever find a way in. Every string from the interview is escaped (html-escape.ts).
 */
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function htmlReport(report: ReportModel, options: DocumentOptions = {}): string {
  const body = reportDocument(report, options).map(htmlBlock).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`Interview report: ${report.track.title}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const QUOTE_CLASS = { question: 'question', answer: 'answer', transcript: 'transcript' } as const;

function htmlBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.tone ? ` class="${block.tone}"` : ''}>${escapeHtml(block.text)}</p>`;
    case 'quote':
      return `<p class="${QUOTE_CLASS[block.role]}">${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<p class="list-title">${escapeHtml(block.title)}</p><ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'points': {
      const items = block.points.map((point) => `<li><strong>${escapeHtml(point.title)}</strong>: ${escapeHtml(point.evidence)}${point.details ? ` <span class="muted">(${escapeHtml(point.details)})</span>` : ''}</li>`);
      return `<p class="list-title">${escapeHtml(block.title)}</p><ul>${items.length > 0 ? items.join('') : `<li>${escapeHtml(block.empty)}</li>`}</ul>`;
    }
    case 'facts':
      return `<dl class="facts">${block.rows.map((row) => `<dt>${escapeHtml(row.label)}</dt><dd>${escapeHtml(row.value)}</dd>`).join('')}</dl>`;
    case 'table':
      return `<table><thead><tr>${block.headers.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'scoreChart':
      return scoreChartSvg(block.chart);
    case 'waveform':
      return waveformSvg(block.waveform, block.label);
    case 'followUp':
      return `<section class="follow-up">${block.blocks.map(htmlBlock).join('\n')}</section>`;
  }
}
