import { randomUUID } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resumePdf, resumeText } from '../../../tests/support/documents/resume-fixtures';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { LIMITS, type SavedDocument } from '../../shared/protocol';
import { migrate, openDatabase, type AppDatabase } from '../db/database';
import { createDocumentRepository } from '../db/document-repository';
import { loadTrackCatalog } from '../interviewer/track-catalog';
import { silentLogger } from '../log';
import { createDocumentService, type DocumentService } from './document-service';
import { loadSkillVocabulary } from './load-vocabulary';
import { createPendingUploads } from './pending-uploads';

const vocabulary = loadSkillVocabulary(RESOURCES_DIR, loadTrackCatalog(RESOURCES_DIR));
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;
let picked: string | undefined;
let service: DocumentService;

beforeEach(() => {
  temp = makeTempDir('documents');
  db = openDatabase(join(temp.path, 'interviews.sqlite'));
  migrate(db, join(RESOURCES_DIR, 'migrations'));
  service = createDocumentService({
    repository: createDocumentRepository(db),
    vocabulary,
    uploads: createPendingUploads(),
    pickFile: async () => picked,
    now: () => new Date('2026-01-15T00:00:00Z'),
    newId: randomUUID,
    log: silentLogger,
  });
});
afterEach(() => {
  db.$client.close();
  temp.remove();
});

const failure = (promise: Promise<unknown> | unknown) =>
  Promise.resolve(promise).then(
    () => undefined,
    (error: unknown) => error as { code: string; message: string },
  );

describe('the app picks a file in its own dialog (issue #14)', () => {
  it('reads the file chosen, and nothing when the dialog is closed', async () => {
    picked = join(temp.path, 'Jane Doe CV.pdf');
    writeFileSync(picked, await resumePdf());
    const saved = (await service.handlers['documents.import']({ kind: 'resume', source: { type: 'pick' } })) as SavedDocument;
    expect(saved).toMatchObject({ name: 'Jane Doe CV', source: 'pdf', kind: 'resume' });
    picked = undefined;
    expect(await service.handlers['documents.import']({ kind: 'resume', source: { type: 'pick' } })).toEqual({ cancelled: true });
  });

  it('refuses a file over the limit by its size, before reading it', async () => {
    picked = join(temp.path, 'huge.pdf');
    writeFileSync(picked, '');
    truncateSync(picked, 50 * 1024 * 1024);
    expect(await failure(service.handlers['documents.import']({ kind: 'resume', source: { type: 'pick' } }))).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(service.handlers['documents.list'](undefined)).toEqual([]);
  });
});

describe('corrections and what an interview is given', () => {
  it('keeps the candidate’s corrections, matching typed skills to the vocabulary', async () => {
    const saved = (await service.handlers['documents.import']({ kind: 'resume', source: { type: 'paste', text: resumeText() } })) as SavedDocument;
    const skills = [...saved.resume!.skills.filter((s) => s.name !== 'Kafka'), { key: 'typed:postgres', name: 'postgres' }, { key: 'typed:x', name: 'Event sourcing' }];
    const updated = service.handlers['documents.update']({ id: saved.id, name: 'Jane (2026)', resume: { ...saved.resume!, skills } }) as SavedDocument;
    expect(updated.name).toBe('Jane (2026)');
    const names = updated.resume!.skills.map((s) => s.name);
    expect(names).not.toContain('Kafka');
    // "postgres" is the PostgreSQL the résumé already names: kept once.
    expect(names.filter((n) => /postgres/i.test(n))).toEqual(['PostgreSQL']);
    expect(updated.resume!.skills.find((s) => s.name === 'Event sourcing')?.key).toMatch(/^custom:/);
    expect((service.handlers['documents.get']({ id: saved.id }) as SavedDocument).resume).toEqual(updated.resume);
  });

  it('gives the interview the corrected profile, in its config for model interviewers and whole for the built-in one', async () => {
    const saved = (await service.handlers['documents.import']({ kind: 'resume', source: { type: 'paste', text: resumeText() } })) as SavedDocument;
    service.handlers['documents.update']({ id: saved.id, resume: { ...saved.resume!, skills: saved.resume!.skills.filter((s) => s.name !== 'Kafka') } });
    const config = service.tailor({ track: 'backend', mode: 'text', resumeId: saved.id, tailoring: { posting: { id: saved.id, name: 'forged', profile: { mustHave: [], niceToHave: [] } } } });
    expect(config.tailoring?.posting).toBeUndefined();
    expect(config.tailoring?.resume?.profile.skills.map((s) => s.name)).not.toContain('Kafka');
    expect(config.resume).toMatch(/^Roles: Senior Backend Engineer at Acme Payments \(2020-03 – now\); Backend Developer at Globex \(2016-01 – 2020-02\)\nYears of experience: 10\nSkills: /);
    expect(config.resume!.split('\nAs written:\n')[0]).not.toContain('Kafka');
    expect(config.resume).toContain('Cut p95 latency from 900 to 240 ms');
  });

  it('keeps a long résumé within the limit the config has, the corrected profile first', async () => {
    const long = `${resumeText()}\n${'Worked on many services over the years with many people. '.repeat(1000)}`.slice(0, LIMITS.resumeChars);
    const saved = (await service.handlers['documents.import']({ kind: 'resume', source: { type: 'paste', text: long } })) as SavedDocument;
    const config = service.tailor({ track: 'backend', mode: 'text', resumeId: saved.id });
    expect(config.resume!.length).toBeLessThanOrEqual(LIMITS.resumeChars);
    expect(config.resume).toMatch(/^Roles: /);
    expect(config.resume!.endsWith('…')).toBe(true);
  });

  it('refuses pasted text that is too long or in another language, saving nothing', async () => {
    const tooLong = await failure(service.handlers['documents.import']({ kind: 'posting', source: { type: 'paste', text: 'Backend engineer with Python. '.repeat(800) } }));
    expect(tooLong).toMatchObject({ code: 'TEXT_TOO_LONG', message: expect.stringMatching(/^This job posting has 23,999 characters of text; at most 20,000 can be used/) });
    expect(service.handlers['documents.list'](undefined)).toEqual([]);
  });
});
