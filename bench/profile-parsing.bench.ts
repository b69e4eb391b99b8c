/**
 * Issue #14: reading a three-page résumé PDF and a job posting into a profile, as
 * `documents.import` does (text extraction, checks, the language guess, parsing and the skill
 * vocabulary; not the database). Goal: under 300 ms each. The first PDF of a process also
 * loads pdf.js, so it is shown on its own: under tsx (as benches run) that includes tsx
 * transforming pdf.js's 2 MB worker; in the built app (plain Node) it took 145 ms here.
 */
import { readDocumentFile } from '../src/main/documents/read-document';
import { loadTrackCatalog } from '../src/main/interviewer/track-catalog';
import { loadSkillVocabulary } from '../src/main/profiles/load-vocabulary';
import { parsePosting } from '../src/main/profiles/posting-parser';
import { parseResume } from '../src/main/profiles/resume-parser';
import { POSTING_TEXT, postingPdf, resumeDocx, resumePdf } from '../tests/support/documents/resume-fixtures';
import { RESOURCES_DIR } from '../tests/support/paths';
import { percentile, printTable } from './stats';

const vocabulary = loadSkillVocabulary(RESOURCES_DIR, loadTrackCatalog(RESOURCES_DIR));
const now = new Date();
const [resume, posting, docx] = [await resumePdf(3), await postingPdf(), await resumeDocx()];

const readResume = async (name: string, bytes: Buffer) => parseResume((await readDocumentFile('resume', name, bytes)).text, vocabulary, now);
const readPosting = async (name: string, bytes: Buffer) => parsePosting((await readDocumentFile('posting', name, bytes)).text, vocabulary);

async function samples(runs: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const coldStarted = performance.now();
await readResume('resume.pdf', resume);
const cold = performance.now() - coldStarted;
const rows = [
  { name: 'résumé, 3-page PDF', ...(await samples(30, () => readResume('resume.pdf', resume))) },
  { name: 'résumé, Word file', ...(await samples(30, () => readResume('resume.docx', docx))) },
  { name: 'job posting, PDF', ...(await samples(30, () => readPosting('posting.pdf', posting))) },
  { name: 'job posting, pasted text', ...(await samples(30, () => readPosting('posting.txt', Buffer.from(POSTING_TEXT)))) },
];
printTable('Reading and parsing, ms (goal: < 300 each)', rows);
console.log(`  first PDF of the process (loads pdf.js): ${cold.toFixed(0)} ms`);
