import { describe, expect, it } from 'vitest';
import { buildReport } from '../../shared/report/build-report';
import { pdfPages } from '../../../tests/support/report-downloads';
import { answeredTurn, tailoredInterview } from '../../../tests/support/documents/tailored-report';
import { htmlReport } from './html/html-report';
import { markdownReport } from './markdown/markdown-report';
import { pdfReport } from './pdf/pdf-report';

const report = buildReport(tailoredInterview([answeredTurn(1, ['PostgreSQL']), answeredTurn(2, ['Kafka'])]));

describe('the skills table in every export (issue #14)', () => {
  it('Markdown', () => {
    const markdown = markdownReport(report);
    expect(markdown).toContain('## Skills the posting asks for: Payments backend');
    expect(markdown).toMatch(/\| PostgreSQL \| must have \| claimed and shown \| answer 1 \|/);
    expect(markdown).toMatch(/\| Terraform \| nice to have \| not covered \| — \|/);
  });

  it('HTML', () => {
    const html = htmlReport(report);
    expect(html).toContain('Skills the posting asks for: Payments backend');
    expect(html).toMatch(/<td>Kafka<\/td>\s*<td>must have<\/td>\s*<td>not claimed, shown<\/td>/);
  });

  it('PDF', async () => {
    const text = pdfPages(await pdfReport(report)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Skills the posting asks for: Payments backend');
    expect(text).toContain('claimed, not shown');
  });
});
