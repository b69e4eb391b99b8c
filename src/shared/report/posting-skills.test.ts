import { describe, expect, it } from 'vitest';
import { answeredTurn as answered, tailoredInterview as detail } from '../../../tests/support/documents/tailored-report';
import { buildReport } from './build-report';
import { postingSkillCells } from './posting-skills';

describe('the skills table of a tailored interview (issue #14)', () => {
  it('says per posting skill whether the résumé claimed it and which answers showed it', () => {
    const report = buildReport(detail([answered(1, ['PostgreSQL', 'Databases']), answered(2, ['kafka']), answered(3, [])]));
    expect(report.postingSkills).toMatchObject({ posting: 'Payments backend', resume: 'Jane Doe' });
    expect(report.postingSkills!.rows.map(postingSkillCells)).toEqual([
      ['PostgreSQL', 'must have', 'claimed and shown', 'answer 1'],
      ['Kafka', 'must have', 'not claimed, shown', 'answer 2'],
      ['Redis', 'must have', 'claimed, not shown', '—'],
      ['Terraform', 'nice to have', 'not covered', '—'],
    ]);
  });

  it('is absent from an interview without a saved posting', () => {
    const untailored = detail([answered(1, [])]);
    expect(buildReport({ ...untailored, config: { track: 'backend', mode: 'text' } }).postingSkills).toBeUndefined();
  });
});
