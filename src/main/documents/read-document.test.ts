import { describe, expect, it } from 'vitest';
import { GERMAN_RESUME, passwordPdf, resumeDocx, resumePdf, scannedPdf } from '../../../tests/support/documents/resume-fixtures';
import { LIMITS } from '../../shared/protocol';
import { DocumentError } from './document-error';
import { readDocumentFile } from './read-document';

async function refusal(fileName: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<DocumentError> {
  const error = await readDocumentFile('resume', fileName, await bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

describe('a file that cannot be read gets one sentence saying why and what to do (issue #14)', () => {
  it('a scanned PDF with no text layer', async () => {
    const error = await refusal('scan.pdf', scannedPdf());
    expect(error.code).toBe('NO_TEXT');
    expect(error.message).toMatch(/this PDF has no text to read.*paste the text instead/i);
  });

  it('a password-protected PDF', async () => {
    const error = await refusal('locked.pdf', passwordPdf());
    expect(error.code).toBe('FILE_PROTECTED');
    expect(error.message).toMatch(/protected with a password/);
  });

  it('a damaged PDF, and a PDF cut short', async () => {
    expect((await refusal('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'))).code).toBe('FILE_DAMAGED');
    expect((await refusal('fake.pdf', Buffer.from('just some text pretending to be a PDF'))).code).toBe('FILE_DAMAGED');
    const whole = await resumePdf();
    expect((await refusal('cut.pdf', whole.subarray(0, 400))).message).toMatch(/damaged and cannot be read/);
  });

  it('a 50 MB file, before anything is read from it', async () => {
    const error = await refusal('huge.pdf', new Uint8Array(50 * 1024 * 1024));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('This file is 50 MB; files up to 10 MB can be imported. Save a smaller copy (without pictures), or paste the text instead.');
    expect(LIMITS.importFileBytes).toBe(10 * 1024 * 1024);
  });

  it('a type it cannot read, an old Word file, and a Word file that is damaged or protected', async () => {
    expect((await refusal('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).message).toMatch(/import a PDF, a Word file \(\.docx\), a text or Markdown file/);
    expect((await refusal('old.doc', Buffer.from('anything'))).message).toMatch(/Old Word files \(\.doc\)/);
    expect((await refusal('broken.docx', Buffer.from('PK\x03\x04 not really a zip'))).code).toBe('FILE_DAMAGED');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal('locked.docx', ole)).message).toMatch(/This Word file is protected with a password/);
    expect((await refusal('binary.txt', Buffer.from([0x41, 0, 0x42, 0]))).code).toBe('FILE_TYPE');
  });

  it('a file with no words in it', async () => {
    expect((await refusal('empty.txt', Buffer.from('   \n\n  '))).message).toMatch(/This file has no text in it/);
  });

  it('a résumé in another language, naming it and the language that is understood', async () => {
    const error = await refusal('lebenslauf.txt', Buffer.from(GERMAN_RESUME));
    expect(error.code).toBe('LANGUAGE');
    expect(error.message).toBe('This résumé looks like it is written in German; the built-in interviewer reads English only. Import an English version, or paste one.');
  });

  it('reads a PDF renamed .txt as the PDF it is, and a Word file', async () => {
    expect((await readDocumentFile('resume', 'renamed.txt', await resumePdf())).source).toBe('pdf');
    expect((await readDocumentFile('resume', 'jane.docx', await resumeDocx())).text).toMatch(/^Jane Doe\s+Senior Backend Engineer/);
  });
});
