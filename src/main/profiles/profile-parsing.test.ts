import { describe, expect, it } from 'vitest';
import { POSTING_TEXT, resumeDocx, resumePdf, resumeText } from '../../../tests/support/documents/resume-fixtures';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import { readDocumentFile } from '../documents/read-document';
import { loadTrackCatalog } from '../interviewer/track-catalog';
import { loadSkillVocabulary } from './load-vocabulary';
import { parsePosting } from './posting-parser';
import { parseResume } from './resume-parser';

const vocabulary = loadSkillVocabulary(RESOURCES_DIR, loadTrackCatalog(RESOURCES_DIR));
const NOW = new Date('2026-01-15T00:00:00Z');
const names = (skills: { name: string }[]): string[] => skills.map((s) => s.name);

async function profileOf(fileName: string, bytes: Buffer) {
  const { text } = await readDocumentFile('resume', fileName, bytes);
  return parseResume(text, vocabulary, NOW);
}

describe('a résumé read from a file (issue #14)', () => {
  for (const [kind, make] of [
    ['PDF written with PDFKit', () => resumePdf(3).then((bytes) => profileOf('jane.pdf', bytes))],
    ['Word file written with docx', () => resumeDocx().then((bytes) => profileOf('jane.docx', bytes))],
    ['text file', () => profileOf('jane.txt', Buffer.from(resumeText()))],
  ] as const) {
    it(`finds the roles with their dates, the skills and the achievements with numbers in a ${kind}`, async () => {
      const profile = await make();
      expect(profile.roles).toEqual([
        { title: 'Senior Backend Engineer', company: 'Acme Payments', start: '2020-03', current: true },
        { title: 'Backend Developer', company: 'Globex', start: '2016-01', end: '2020-02', current: false },
      ]);
      // January 2016 to January 2026.
      expect(profile.yearsOfExperience).toBe(10);
      expect(names(profile.skills)).toEqual(expect.arrayContaining(['Python', 'Go', 'PostgreSQL', 'Redis', 'Docker', 'Kubernetes']));
      expect(names(profile.skills)).not.toContain('Java');
      const achievements = profile.achievements.map((a) => a.text);
      expect(achievements).toEqual(
        expect.arrayContaining([
          'Cut p95 latency from 900 to 240 ms by adding a Redis cache in front of the ledger service.',
          'Led the migration of 14 services from a monolith to Kubernetes with zero downtime.',
          'Reduced the nightly batch from 6 hours to 45 minutes with PostgreSQL partitioning.',
          'Built the public REST API that 2,000 partner companies use.',
        ]),
      );
      // Without a number it is a duty, not an achievement; dates and phone numbers are not numbers of a result.
      expect(achievements.join('\n')).not.toMatch(/event pipeline|\+49|TU Berlin/);
      expect(profile.achievements.find((a) => a.text.startsWith('Cut p95'))?.role).toBe(0);
      expect(profile.achievements.find((a) => a.text.startsWith('Reduced'))?.role).toBe(1);
    });
  }
});

describe('a job posting (issue #14)', () => {
  it('has its role, level, must-have and nice-to-have skills', () => {
    const posting = parsePosting(POSTING_TEXT, vocabulary);
    expect(posting.role).toBe('Senior Backend Engineer (Payments)');
    expect(posting.level).toBe('senior');
    expect(names(posting.mustHave)).toEqual(expect.arrayContaining(['Python', 'PostgreSQL', 'Kubernetes']));
    expect(names(posting.niceToHave)).toEqual(expect.arrayContaining(['Kafka', 'Terraform']));
    expect(names(posting.mustHave)).not.toContain('Kafka');
  });
});

describe('skill names', () => {
  it('finds technologies as they are written, and common words only when they are written as names', () => {
    expect(names(vocabulary.find('Built services with Node.js, C++ and C# on .NET; CI/CD on GitHub Actions.'))).toEqual(
      expect.arrayContaining(['C++', 'C#', '.NET', 'CI/CD', 'GitHub Actions']),
    );
    expect(vocabulary.find('Go, Python')[0]?.key).toBe(vocabulary.refFor('golang').key);
    expect(names(vocabulary.find('I like to go running and react quickly to less noise.'))).toEqual([]);
    expect(names(vocabulary.find('Spring 2020: we ran an R&D project.'))).toEqual([]);
  });

  it('matches a typed name to the same skill a document names', () => {
    expect(vocabulary.refFor('postgres').key).toBe(vocabulary.find('PostgreSQL')[0]!.key);
    expect(vocabulary.refFor('Event sourcing')).toEqual({ key: expect.stringMatching(/^custom:/), name: 'Event sourcing' });
  });
});
