import { describe, expect, it } from 'vitest';
import type { InterviewTurn } from '../../../shared/protocol';
import { countedScoreText, reportSections } from './report-sections';

let n = 0;
const turn = (fields: Partial<InterviewTurn>): InterviewTurn => ({
  questionId: `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
  index: n,
  phase: 'standard',
  difficulty: 'medium',
  followUp: false,
  question: 'Q?',
  skipped: false,
  ...fields,
});

describe('report sections (DESIGN.md §5.1)', () => {
  it('puts follow-ups under their main question and keeps the introduction and closing apart', () => {
    const intro = turn({ phase: 'intro' });
    const first = turn({ mainNumber: 1, countedScore: 6.5, raisedByFollowUp: true });
    const followUp = turn({ followUp: true, parentNumber: 1 });
    const second = turn({ mainNumber: 2, countedScore: 8 });
    const wrapup = turn({ phase: 'wrapup' });
    expect(reportSections([intro, first, followUp, second, wrapup])).toEqual([
      { kind: 'unscored', turn: intro },
      { kind: 'main', turn: first, followUps: [followUp] },
      { kind: 'main', turn: second, followUps: [] },
      { kind: 'unscored', turn: wrapup },
    ]);
  });

  it('says what each main question counts for', () => {
    expect(countedScoreText(turn({ mainNumber: 1, countedScore: 7 }))).toBe('Counts 7 / 10');
    expect(countedScoreText(turn({ mainNumber: 1, countedScore: 6.5, raisedByFollowUp: true }))).toBe('Raised to 6.5 / 10 by the follow-up');
    expect(countedScoreText(turn({ mainNumber: 1, countedScore: 0, skipped: true }))).toBe('Skipped: counts 0 / 10');
    expect(countedScoreText(turn({ mainNumber: 3 }))).toMatch(/^Not counted/);
  });
});
