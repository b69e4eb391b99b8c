import { describe, expect, it } from 'vitest';
import type { InterviewDetail, InterviewTurn } from '../protocol';
import { activeTimeMs, MAX_GAP_MS } from './active-time';
import { buildReport, countedScoreNote } from './build-report';
import { reducePeaks, scoreChartGeometry } from './chart-geometry';
import { describeAnswers } from './report-wording';

let n = 0;
const id = (): string => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`;
const turn = (fields: Partial<InterviewTurn>): InterviewTurn => ({ questionId: id(), index: n, phase: 'standard', difficulty: 'medium', followUp: false, question: 'Q?', skipped: false, ...fields });
const judged = (score: number, lists: { strengths?: string[]; weaknesses?: string[]; skillsShown?: string[]; feedback?: string } = {}) => {
  const answerId = id();
  return {
    answer: { answerId, text: 'An answer.' },
    evaluation: { answerId, score, feedback: lists.feedback ?? 'Fine.', strengths: lists.strengths ?? [], weaknesses: lists.weaknesses ?? [], suggestions: [], skillsShown: lists.skillsShown ?? [] },
  };
};
const interview = (turns: InterviewTurn[], extra: Partial<InterviewDetail> = {}): InterviewDetail => ({
  id: id(),
  track: 'backend',
  trackTitle: 'Backend engineering',
  status: 'completed',
  startedAt: '2026-03-14T09:00:00.000Z',
  config: { track: 'backend', mode: 'text', length: 'quick' },
  mainQuestions: turns.filter((t) => t.mainNumber !== undefined).length,
  turns,
  ...extra,
});

describe('report sections (DESIGN.md §5.1)', () => {
  it('puts follow-ups under their main question and keeps the introduction and closing apart, unscored', () => {
    const intro = turn({ phase: 'intro' });
    const first = turn({ mainNumber: 1, countedScore: 6.5, raisedByFollowUp: true });
    const followUp = turn({ followUp: true, parentNumber: 1 });
    const second = turn({ mainNumber: 2, countedScore: 8 });
    const wrapup = turn({ phase: 'wrapup' });
    const report = buildReport(interview([intro, first, followUp, second, wrapup]));
    expect(report.sections.map((s) => [s.scored, s.question.label, s.followUps.map((f) => f.label)])).toEqual([
      [false, 'Introduction · not scored', []],
      [true, 'Question 1 · Core · medium', ['Follow-up to question 1']],
      [true, 'Question 2 · Core · medium', []],
      [false, 'Closing: your questions for us · not scored', []],
    ]);
    expect(report.track.title).toBe('Backend engineering');
  });

  it('says what each main question counts for', () => {
    expect(countedScoreNote({ countedScore: 7 })).toBe('Counts 7 / 10');
    expect(countedScoreNote({ countedScore: 6.5, raisedByFollowUp: true })).toBe('Raised to 6.5 / 10 by the follow-up');
    expect(countedScoreNote({ countedScore: 0, skipped: true })).toBe('Skipped: counts 0 / 10');
    expect(countedScoreNote({})).toMatch(/^Not counted/);
  });
});

describe('summary: strongest points and focus areas, with the answers that show them', () => {
  it('groups what several answers have in common and names those answers', () => {
    const report = buildReport(
      interview([
        turn({ mainNumber: 1, ...judged(4, { weaknesses: ['You did not describe the result, ideally with numbers.', 'You did not mention indexes.'] }) }),
        turn({ mainNumber: 2, ...judged(8, { strengths: ['You made it concrete with an example or numbers.'], weaknesses: ['You did not mention caching.'] }) }),
        turn({ followUp: true, parentNumber: 2, ...judged(6, { strengths: ['You used concrete numbers.'] }) }),
        turn({ mainNumber: 3, skipped: true, countedScore: 0 }),
        turn({ mainNumber: 4, ...judged(5, { weaknesses: ['You did not describe the result, ideally with numbers.'] }) }),
      ]),
    );
    expect(report.summary.focusAreas).toEqual([
      { text: 'Stated no result', answers: [{ mainNumber: 1, followUp: false }, { mainNumber: 4, followUp: false }], details: [] },
      { text: 'Left out key points', answers: [{ mainNumber: 1, followUp: false }, { mainNumber: 2, followUp: false }], details: ['indexes', 'caching'] },
      { text: 'Skipped', answers: [{ mainNumber: 3, followUp: false }], details: [] },
    ]);
    expect(report.summary.strengths[0]).toEqual({ text: 'Made it concrete with examples or numbers', answers: [{ mainNumber: 2, followUp: false }, { mainNumber: 2, followUp: true }], details: [] });
    expect(describeAnswers(report.summary.focusAreas[0]!.answers)).toBe('answers 1 and 4');
    expect(describeAnswers(report.summary.strengths[0]!.answers)).toBe('answer 2 and the follow-up to 2');
  });

  it('falls back on the scores when the feedback has no common themes', () => {
    const report = buildReport(interview([turn({ mainNumber: 1, ...judged(9) }), turn({ mainNumber: 2, ...judged(3) }), turn({ mainNumber: 3, ...judged(8.5) })]));
    expect(report.summary.strengths).toEqual([{ text: 'Scored 8 or more out of 10', answers: [{ mainNumber: 1, followUp: false }, { mainNumber: 3, followUp: false }], details: [] }]);
    expect(report.summary.focusAreas).toEqual([{ text: 'Scored below 5 out of 10', answers: [{ mainNumber: 2, followUp: false }], details: [] }]);
  });

  it('matches a model evaluator’s own wording across answers, quotes aside', () => {
    const report = buildReport(
      interview([
        turn({ mainNumber: 1, ...judged(6, { weaknesses: ['Lacked depth on trade-offs ("it is faster").', 'Other.'] }) }),
        turn({ mainNumber: 2, ...judged(6, { weaknesses: ['lacked depth on trade-offs.'] }) }),
      ]),
    );
    expect(report.summary.focusAreas[0]).toEqual({ text: 'Lacked depth on trade-offs', answers: [{ mainNumber: 1, followUp: false }, { mainNumber: 2, followUp: false }], details: [] });
  });
});

describe('phases, boundaries and the job description', () => {
  it('gives each phase its questions and average, and the advanced questions that marked a boundary', () => {
    const report = buildReport(
      interview([
        turn({ phase: 'warmup', mainNumber: 1, countedScore: 6, ...judged(6) }),
        turn({ phase: 'advanced', mainNumber: 2, countedScore: 4.5, ...judged(4.5) }),
        turn({ phase: 'advanced', mainNumber: 3, countedScore: 9, ...judged(9) }),
        turn({ phase: 'advanced', mainNumber: 4, skipped: true, countedScore: 0 }),
      ]),
    );
    expect(report.phases).toEqual([
      { phase: 'warmup', label: 'Warm-up', questions: 1, averageScore: 6, boundaries: [] },
      { phase: 'advanced', label: 'Advanced', questions: 3, averageScore: 4.5, boundaries: [2, 4] },
    ]);
  });

  it('lists the skills shown with their answers, and those never covered', () => {
    const report = buildReport(
      interview([turn({ mainNumber: 1, ...judged(7, { skillsShown: ['Caching'] }) }), turn({ mainNumber: 2, ...judged(7, { skillsShown: ['caching', 'Databases'] }) })], {
        config: { track: 'backend', mode: 'text', jobDescription: 'Redis, Postgres and Kafka.' },
        jobSkills: ['Databases', 'Caching', 'Queues and async processing'],
      }),
    );
    expect(report.jobDescription).toEqual({
      shown: [
        { skill: 'Databases', answers: [{ mainNumber: 2, followUp: false }] },
        { skill: 'Caching', answers: [{ mainNumber: 1, followUp: false }, { mainNumber: 2, followUp: false }] },
      ],
      notCovered: ['Queues and async processing'],
    });
    expect(buildReport(interview([])).jobDescription).toBeUndefined();
  });
});

describe('duration and charts', () => {
  it('adds up the time between recorded moments, a long pause counting at most ten minutes', () => {
    expect(activeTimeMs(['2026-03-14T09:00:00Z', '2026-03-14T09:02:00Z', undefined, '2026-03-14T09:05:00Z'])).toBe(5 * 60_000);
    // Paused overnight between the two answers.
    expect(activeTimeMs(['2026-03-14T09:00:00Z', '2026-03-14T09:02:00Z', '2026-03-15T08:00:00Z', '2026-03-15T08:01:00Z'])).toBe(3 * 60_000 + MAX_GAP_MS);
  });

  it('reduces a recording’s peaks to a waveform that keeps the loudest moments', () => {
    const peaks = Array.from({ length: 1200 }, (_, i) => (i === 600 ? 1 : 0.1));
    const reduced = reducePeaks(peaks, 120);
    expect(reduced).toHaveLength(120);
    expect(reduced[60]).toBe(1);
    expect(Math.max(...reduced.filter((_, i) => i !== 60))).toBe(0.1);
  });

  it('draws a bar per counted main question, with a text alternative', () => {
    const chart = scoreChartGeometry([
      { mainNumber: 1, score: 10 },
      { mainNumber: 2, score: 4 },
    ]);
    expect(chart.bars.map((bar) => [bar.label, bar.band, bar.y + bar.height])).toEqual([
      ['1', 'strong', chart.plot.bottom],
      ['2', 'weak', chart.plot.bottom],
    ]);
    expect(chart.bars[0]!.y).toBe(chart.plot.top);
    expect(chart.description).toBe('Score per main question, out of 10: question 1: 10; question 2: 4.');
  });
});
