import { expect, test } from '@playwright/test';
import { postingPdf, resumePdf, scannedPdf } from '../support/documents/resume-fixtures';
import { answer } from '../support/interview-page';
import { servePerTest } from '../support/serve-per-test';

/**
 * Issue #14 in Chromium: import a PDF résumé and a PDF posting on My profile, correct one
 * skill, run a quick interview tailored to both, and read the skills table in the report.
 */
const host = servePerTest('e2e-profile');

const SAID =
  'At Acme I moved our payment services to Kubernetes and tuned PostgreSQL queries with better indexes, measuring p95 latency before and after. I wrote the Python services myself and explained the trade-offs to the team.';

test('import a résumé and a posting, correct a skill, and see the skills table after a tailored interview', async ({ page }) => {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'My profile' }).click();

  // The limits are on screen before anything is chosen.
  const resumes = page.getByTestId('resume-shelf');
  await expect(resumes).toContainText('PDF, Word (.docx), text or Markdown, up to 10 MB');
  await resumes.getByTestId('resume-file').setInputFiles({ name: 'jane-doe.pdf', mimeType: 'application/pdf', buffer: await resumePdf(3) });
  const editor = resumes.getByTestId('resume-editor');
  await expect(editor.getByTestId('role').first().getByLabel('Title')).toHaveValue('Senior Backend Engineer');
  await expect(editor).toContainText('Cut p95 latency from 900 to 240 ms');

  // One correction: the résumé does not really claim Kafka.
  const skills = editor.getByTestId('resume-skills');
  await expect(skills.getByTestId('skill').filter({ hasText: 'Kafka' })).toHaveCount(1);
  await skills.getByRole('button', { name: 'Remove Kafka' }).click();
  await resumes.getByRole('button', { name: 'Save corrections' }).click();
  await expect(resumes.getByTestId('resume-status')).toHaveText('Saved.');
  await expect(skills.getByTestId('skill').filter({ hasText: 'Kafka' })).toHaveCount(0);

  const postings = page.getByTestId('posting-shelf');
  await postings.getByTestId('posting-file').setInputFiles({ name: 'senior-backend.pdf', mimeType: 'application/pdf', buffer: await postingPdf() });
  await expect(postings.getByTestId('posting-nice').getByTestId('skill').filter({ hasText: 'Kafka' })).toHaveCount(1);

  // A quick interview tailored to both.
  await page.getByRole('link', { name: 'Practice' }).click();
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await page.getByText('Tailor it (optional)').click();
  await page.getByTestId('resume-choice').selectOption({ label: 'jane-doe' });
  await page.getByTestId('posting-choice').selectOption({ label: 'senior-backend' });
  await page.getByLabel('Quick').check();
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByTestId('question-text')).toContainText('Cut p95 latency from 900 to 240 ms');
  for (let turn = 0; turn < 12 && !(await page.getByTestId('overall-score').isVisible()); turn += 1) await answer(page, SAID);

  // The report: each posting skill against the corrected résumé and the answers.
  const table = page.getByTestId('posting-skills');
  await expect(table).toContainText('Skills the posting asks for: senior-backend');
  const row = (skill: string) => table.getByTestId('posting-skill-row').filter({ has: page.getByRole('cell', { name: skill, exact: true }) });
  await expect(row('PostgreSQL')).toHaveAttribute('data-status', 'claimed-shown');
  await expect(row('PostgreSQL')).toContainText('claimed and shown');
  await expect(row('Kafka')).toHaveAttribute('data-status', /^not-/);
  await expect(row('Terraform')).toContainText('not covered');
});

test('a scan and a file over the limit each get their sentence, and nothing is saved', async ({ page }) => {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('link', { name: 'My profile' }).click();
  const resumes = page.getByTestId('resume-shelf');
  const file = resumes.getByTestId('resume-file');
  await file.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: await scannedPdf() });
  await expect(resumes.getByTestId('resume-import-problem')).toHaveText('This PDF has no text to read (it may be a scan or a picture); paste the text instead.');
  // Refused in the page, before a byte is sent.
  let uploads = 0;
  page.on('request', (request) => void (request.url().includes('/uploads/') && (uploads += 1)));
  await file.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024) });
  await expect(resumes.getByTestId('resume-import-problem')).toHaveText(/^This file is 11 MB; files up to 10 MB can be imported/);
  expect(uploads).toBe(0);
  await expect(resumes).toContainText('None saved yet.');
});
