import { describe, expect, it } from 'vitest';
import type { InterviewTailoring, ResumeProfile } from '../../shared/protocol';
import type { BankQuestion, BankSkill } from './question-bank-schema';
import { selectQuestion } from './question-selection';
import { fillIntro, resumeItemToAsk, tailorTrack } from './tailoring';

const SKILLS: BankSkill[] = [
  { id: 'caching', name: 'Caching', synonyms: ['redis'] },
  { id: 'messaging', name: 'Queues', synonyms: ['kafka'] },
  { id: 'databases', name: 'Databases', synonyms: ['postgresql'] },
];
const skill = (name: string) => ({ key: `tech:${name.toLowerCase()}`, name });
const resume = (skills: string[]): ResumeProfile => ({ roles: [], skills: skills.map(skill), achievements: [] });

/** Every skill at every difficulty, so only the order of targets decides. */
const QUESTIONS = (['easy', 'medium', 'hard'] as const).flatMap((difficulty) =>
  SKILLS.flatMap((s) => [1, 2].map((n) => ({ id: `${s.id}-${difficulty}-${n}`, text: `${s.id} ${difficulty} ${n}?`, difficulty, skills: [s.id] }) as unknown as BankQuestion)),
);

describe('tailoring to a posting and a résumé (issue #14)', () => {
  const tailoring: InterviewTailoring = {
    posting: { id: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', name: 'Backend', profile: { mustHave: [skill('Redis'), skill('Kafka'), skill('PostgreSQL')], niceToHave: [] } },
    resume: { id: '8d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', name: 'Sam', profile: resume(['PostgreSQL', 'React']) },
  };

  it('probes what the résumé claims first, then covers what it lacks, in turn', () => {
    const tailored = tailorTrack(SKILLS, tailoring, (s) => [s.name])!;
    expect(tailored.targets).toEqual(['databases', 'caching', 'messaging']);
    // Whatever the interview's seed, not by luck of the draw.
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const asked = new Set<string>();
      const order: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const next = selectQuestion(QUESTIONS, { asked, difficulties: ['medium'], wantedSkills: tailored.wanted, seed, targets: tailored.targets })!;
        asked.add(next.id);
        order.push(next.skills[0]!);
      }
      expect(order).toEqual(['databases', 'caching', 'messaging']);
    }
  });

  it('asks the introduction about a result with a number from the current role, else about the role', () => {
    const profile: ResumeProfile = {
      roles: [
        { title: 'Backend Developer', company: 'Globex', start: '2016-01', end: '2020-02', current: false },
        { title: 'Senior Engineer', company: 'Acme', start: '2020-03', current: true },
      ],
      skills: [],
      achievements: [
        { text: 'Reduced the batch from 6 hours to 45 minutes', role: 0 },
        { text: 'Cut p95 latency from 900 to 240 ms.', role: 1 },
      ],
    };
    expect(resumeItemToAsk(profile)).toEqual({ about: 'achievement', achievement: 'Cut p95 latency from 900 to 240 ms.' });
    const role = resumeItemToAsk({ ...profile, achievements: [] })!;
    expect(fillIntro('You worked as {role}{atCompany}{dates}.', role)).toBe('You worked as Senior Engineer at Acme from 2020 until now.');
    expect(resumeItemToAsk({ roles: [], skills: [], achievements: [] })).toBeUndefined();
  });
});
