import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrackCatalog } from '../../src/main/interviewer/track-catalog';
import { passwordPdf, resumePdf, scannedPdf } from '../support/documents/resume-fixtures';
import { RESOURCES_DIR, startTestHost, TestClient, type HostFixture } from '../support/host-fixture';

/**
 * Issue #14 through the real host: a file announced, sent over HTTP with the token and read by
 * `documents.import`; an interview started with the saved résumé and posting, answered to the
 * end by the built-in interviewer.
 */
let fixture: HostFixture;
let client: TestClient;

beforeAll(async () => {
  fixture = await startTestHost();
  client = await TestClient.open(fixture.host.ws);
});
afterAll(async () => {
  client.close();
  await fixture.stop();
});

const base = (): string => `http://127.0.0.1:${fixture.host.port}`;

async function uploadAndImport(kind: 'resume' | 'posting', fileName: string, bytes: Buffer): Promise<Record<string, unknown>> {
  const slot = await client.call('documents.upload', { fileName, size: bytes.length });
  if (slot.error) return slot;
  const { url } = slot.result as { url: string };
  const sent = await fetch(`${base()}${url}`, { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
  expect(sent.status).toBe(204);
  return client.call('documents.import', { kind, source: { type: 'upload', uploadId: (slot.result as { uploadId: string }).uploadId } });
}

const errorOf = (reply: Record<string, unknown>) => reply.error as { code: string; message: string };

describe('importing a file in browser mode', () => {
  it('reads a PDF résumé sent over HTTP and keeps it', async () => {
    const reply = await uploadAndImport('resume', 'jane-doe.pdf', await resumePdf(3));
    const saved = reply.result as { id: string; name: string; source: string; resume: { roles: { title: string }[]; skills: { name: string }[] } };
    expect(saved).toMatchObject({ name: 'jane-doe', source: 'pdf' });
    expect(saved.resume.roles.map((r) => r.title)).toEqual(['Senior Backend Engineer', 'Backend Developer']);
    const listed = (await client.call('documents.list', { kind: 'resume' })).result as { id: string }[];
    expect(listed.map((d) => d.id)).toContain(saved.id);
  });

  it('refuses a 50 MB file and an unknown type before any byte is sent', async () => {
    expect(errorOf(await client.call('documents.upload', { fileName: 'cv.pdf', size: 50 * 1024 * 1024 }))).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'This file is 50 MB; files up to 10 MB can be imported. Save a smaller copy (without pictures), or paste the text instead.',
    });
    expect(errorOf(await client.call('documents.upload', { fileName: 'cv.pages', size: 1000 })).code).toBe('FILE_TYPE');
  });

  it('says why a scan or a protected PDF cannot be read, and keeps nothing of it', async () => {
    const before = ((await client.call('documents.list')).result as unknown[]).length;
    expect(errorOf(await uploadAndImport('resume', 'scan.pdf', await scannedPdf())).message).toMatch(/this PDF has no text to read/i);
    expect(errorOf(await uploadAndImport('resume', 'locked.pdf', await passwordPdf())).code).toBe('FILE_PROTECTED');
    expect(((await client.call('documents.list')).result as unknown[]).length).toBe(before);
  });

  it('takes no more bytes than were announced, and no upload without the token', async () => {
    const slot = (await client.call('documents.upload', { fileName: 'cv.txt', size: 10 })).result as { url: string };
    expect((await fetch(`${base()}${slot.url}`, { method: 'POST', body: 'x'.repeat(5000) })).status).toBe(413);
    expect((await fetch(`${base()}${slot.url.replace(/token=[^&]+/, 'token=wrong')}`, { method: 'POST', body: 'x'.repeat(10) })).status).toBe(401);
  });
});

describe('an interview tailored to a résumé and a posting (issue #14)', () => {
  const tracks = loadTrackCatalog(RESOURCES_DIR);
  const backend = tracks.get('backend')!;
  const skillsOfQuestion = (text: string): string[] => backend.questions.find((q) => q.text === text)?.skills ?? [];

  it('opens on a résumé item and covers the skill both name and at least one the résumé lacks', async () => {
    // The posting asks for B (Redis → caching), C (Kafka → messaging) and A (PostgreSQL → databases);
    // the résumé claims A and D (React, not a backend skill).
    const posting = (await client.call('documents.import', {
      kind: 'posting',
      source: { type: 'paste', text: 'Backend Engineer\nWe run the payments ledger for a growing marketplace.\nRequirements\n- Redis\n- Kafka\n- PostgreSQL' },
    })).result as { id: string; posting: { mustHave: { name: string }[] } };
    expect(posting.posting.mustHave.map((s) => s.name)).toEqual(['Redis', 'Kafka', 'PostgreSQL']);
    const resume = (await client.call('documents.import', {
      kind: 'resume',
      source: {
        type: 'paste',
        text: 'Sam Lee\nExperience\nBackend Developer, Initech — Jun 2019 – Present\n• Cut the report query from 2 s to 80 ms with PostgreSQL indexes.\nSkills\nPostgreSQL, React',
      },
    })).result as { id: string };

    client.send({ type: 'start', config: { track: 'backend', level: 'mid', length: 'quick', mode: 'text', resumeId: resume.id, postingId: posting.id } });
    const started = await client.next((f) => f.type === 'session_started');
    const interviewId = started.interviewId as string;
    const asked: { text: string; phase: string }[] = [];
    for (;;) {
      const next = await client.next((f) => f.type === 'question' || f.type === 'interview_complete' || f.type === 'error', 20_000);
      if (next.type !== 'question') {
        expect(next.type).toBe('interview_complete');
        break;
      }
      asked.push({ text: next.text as string, phase: next.phase as string });
      client.send({ type: 'text_answer', questionId: next.questionId, text: 'I would start from the data and measure before and after, then explain the trade-offs to the team.' });
    }

    // The introduction names something the résumé says.
    expect(asked[0]!.phase).toBe('intro');
    expect(asked[0]!.text).toMatch(/Cut the report query from 2 s to 80 ms|Backend Developer/);
    const main = asked.filter((q) => q.phase !== 'intro' && q.phase !== 'wrapup');
    const covered = new Set(main.flatMap((q) => skillsOfQuestion(q.text)));
    // The skill the résumé claims is probed first, then a skill it lacks.
    expect(skillsOfQuestion(main[0]!.text)).toContain('databases');
    expect(skillsOfQuestion(main[1]!.text).some((skill) => skill === 'caching' || skill === 'messaging')).toBe(true);
    expect(covered.has('caching') || covered.has('messaging')).toBe(true);

    // The interview records what it was tailored to.
    const detail = (await client.call('interviews.get', { interviewId })).result as { config: { resumeId: string; postingId: string; tailoring: { resume: { id: string }; posting: { id: string } } } };
    expect(detail.config).toMatchObject({ resumeId: resume.id, postingId: posting.id, tailoring: { resume: { id: resume.id }, posting: { id: posting.id } } });
  }, 60_000);

  it('refuses to start with a résumé that is no longer saved, saying so', async () => {
    const resume = (await client.call('documents.import', { kind: 'resume', source: { type: 'paste', text: 'Sam Lee\nBackend Developer, Initech — 2019 – Present\nBuilt billing services in Python for a growing marketplace.' } })).result as { id: string };
    expect((await client.call('documents.delete', { id: resume.id })).result).toEqual({ deleted: true });
    client.send({ type: 'start', config: { track: 'backend', mode: 'text', resumeId: resume.id } });
    const error = await client.next((f) => f.type === 'error');
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/That résumé is no longer saved/) });
  });
});
