import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/**
 * A résumé and a job posting the tests write themselves (issue #14), as plain text, a PDF
 * written with PDFKit (the report exporter's PDF library), a Word file written with `docx`, a
 * PDF with no text layer and a password-protected one.
 */
type Block = { heading: string } | { line: string } | { bullet: string };

const FILLER = [
  'I care about services that stay fast and correct as they grow, and about leaving code that the next engineer can read.',
  'Most of my work has been on payment systems, where an hour of downtime costs real money and a lost message is unacceptable.',
  'I enjoy pairing, writing design documents, and turning incidents into changes that prevent the next one.',
];

export const RESUME: Block[] = [
  { line: 'Jane Doe' },
  { line: 'Senior Backend Engineer · Berlin · jane.doe@example.com · +49 30 1234 5678' },
  { heading: 'Summary' },
  { line: 'Backend engineer with a focus on reliable APIs and data-heavy services in the payments industry.' },
  { heading: 'Experience' },
  { line: 'Senior Backend Engineer, Acme Payments — Mar 2020 – Present' },
  { bullet: 'Cut p95 latency from 900 to 240 ms by adding a Redis cache in front of the ledger service.' },
  { bullet: 'Led the migration of 14 services from a monolith to Kubernetes with zero downtime.' },
  { bullet: 'Designed the event pipeline on Kafka that now carries every payment event.' },
  { line: 'Backend Developer | Globex | Jan 2016 – Feb 2020' },
  { bullet: 'Reduced the nightly batch from 6 hours to 45 minutes with PostgreSQL partitioning.' },
  { bullet: 'Built the public REST API that 2,000 partner companies use.' },
  { heading: 'Skills' },
  { line: 'Python, Go, PostgreSQL, Redis, Docker, Kubernetes, Kafka' },
  { heading: 'Education' },
  { line: 'BSc Computer Science, TU Berlin, 2012 – 2015' },
];

export const POSTING_TEXT = [
  'Senior Backend Engineer (Payments)',
  'We are a small team building the ledger that moves money for thousands of merchants.',
  'Requirements',
  '- 5+ years building backend services in Python',
  '- Strong PostgreSQL and data modelling skills',
  '- Experience running services on Kubernetes',
  'Nice to have',
  '- Kafka or another message broker',
  '- Terraform',
].join('\n');

const textOf = (block: Block): string => ('heading' in block ? block.heading : 'line' in block ? block.line : `• ${block.bullet}`);
export const resumeText = (blocks: readonly Block[] = RESUME): string => blocks.map(textOf).join('\n');

function pdfBytes(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function drawBlocks(doc: PDFKit.PDFDocument, blocks: readonly Block[]): void {
  for (const block of blocks) {
    if ('heading' in block) doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(block.heading);
    else if ('line' in block) doc.font('Helvetica').fontSize(10.5).text(block.line);
    else doc.font('Helvetica').fontSize(10.5).text(`• ${block.bullet}`, { indent: 10 });
  }
}

/** The résumé as a PDF of `pages` pages: the résumé first, then project write-ups. */
export function resumePdf(pages = 1, blocks: readonly Block[] = RESUME): Promise<Buffer> {
  return pdfBytes({}, (doc) => {
    drawBlocks(doc, blocks);
    for (let page = 2; page <= pages; page += 1) {
      doc.addPage().font('Helvetica-Bold').fontSize(13).text(`Projects (${page - 1})`);
      for (let i = 0; i < 12; i += 1) doc.font('Helvetica').fontSize(10.5).text(FILLER[i % FILLER.length]!).moveDown(0.3);
    }
  });
}

export const postingPdf = (): Promise<Buffer> => pdfBytes({}, (doc) => doc.font('Helvetica').fontSize(11).text(POSTING_TEXT));

/** A scan: pages with shapes and no text layer at all. */
export const scannedPdf = (): Promise<Buffer> =>
  pdfBytes({}, (doc) => {
    for (let row = 0; row < 30; row += 1) doc.rect(56, 60 + row * 22, 300 + ((row * 37) % 180), 9).fill('#222');
  });

export const passwordPdf = (): Promise<Buffer> => pdfBytes({ userPassword: 'open sesame', ownerPassword: 'owner' }, (doc) => drawBlocks(doc, RESUME));

export async function resumeDocx(blocks: readonly Block[] = RESUME): Promise<Buffer> {
  const children = blocks.map((block) =>
    'heading' in block
      ? new Paragraph({ text: block.heading, heading: HeadingLevel.HEADING_1 })
      : 'line' in block
        ? new Paragraph({ children: [new TextRun(block.line)], alignment: AlignmentType.LEFT })
        : new Paragraph({ text: block.bullet, bullet: { level: 0 } }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export const GERMAN_RESUME = [
  'Lebenslauf',
  'Ich bin eine erfahrene Softwareentwicklerin mit zehn Jahren Berufserfahrung in der Entwicklung von verteilten Systemen.',
  'Berufserfahrung',
  'Seit 2019 arbeite ich als leitende Entwicklerin bei einer Bank in Frankfurt und bin für die Zahlungsplattform verantwortlich.',
  'Davor habe ich bei einem mittelständischen Unternehmen Webanwendungen entwickelt und ein kleines Team geleitet.',
].join('\n');
