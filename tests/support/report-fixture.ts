import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../src/main/db/database';
import { createInterviewRepository } from '../../src/main/db/interview-repository';
import { initialSnapshot } from '../../src/main/engine/assessment-rules';
import type { NewTurn } from '../../src/main/engine/ports';
import { summariseScores } from '../../src/main/engine/score-summary';
import { createMediaStore } from '../../src/main/media/media-store';
import { DATABASE_FILE } from '../../src/main/services';
import type { Difficulty, InterviewConfig, InterviewDetail, Phase, SpeechAnalytics } from '../../src/shared/protocol';
import { RESOURCES_DIR } from './paths';

/**
 * One finished interview in a real data folder, written through the real repository, with all
 * that makes a report hard to export (issue #11): typed and spoken answers, a corrected
 * transcript, a follow-up, a skipped question, a skill boundary, a job description, and text
 * with `<script>`, Markdown headings, backticks, a 5,000-character line, é, 中文 and emoji in
 * questions, answers and feedback alike.
 */
export const TRICKY = {
  script: '<script>alert("exported")</script>',
  heading: '# Not a heading',
  backticks: 'Run `EXPLAIN ANALYZE` first, then ```sql\nSELECT 1;\n``` is a fence',
  markup: '**not bold** _not em_ [not a link](http://127.0.0.1:9/x) <b>not bold</b> | a | table | &amp; ~~no~~',
  lists: '- not a list\n1. not a list either\n> not a quote\n    not code\n---',
  longLine: 'abcdefghij'.repeat(500),
  accents: 'Café, déjà vu, naïve résumé, Ærøskøbing',
  chinese: '我们使用缓存来减少数据库的负载。',
  emoji: 'Great 🎉👍🏽 done',
};

export interface SeededTurn {
  phase: Phase;
  difficulty: Difficulty;
  followUp?: boolean;
  question: string;
  /** Absent: skipped. */
  answer?: { text: string; transcript?: string; spoken?: boolean };
  evaluation?: { score: number; feedback: string; strengths?: string[]; weaknesses?: string[]; suggestions?: string[]; skillsShown?: string[]; evaluator?: string };
}

export const REPORT_CONFIG: InterviewConfig = {
  track: 'backend',
  level: 'mid',
  length: 'quick',
  mode: 'voice',
  jobDescription: 'Backend role: Postgres databases, Redis caching and Kafka messaging at scale.',
};

export const REPORT_TURNS: SeededTurn[] = [
  {
    phase: 'intro',
    difficulty: 'easy',
    question: 'Tell me about yourself.',
    answer: { text: `I build APIs. ${TRICKY.accents}`, transcript: 'I build a P I s.', spoken: true },
    evaluation: { score: 6, feedback: 'A clear introduction.', strengths: ['You said what you do now.'] },
  },
  {
    phase: 'warmup',
    difficulty: 'easy',
    question: `What is an index? ${TRICKY.heading}`,
    answer: { text: `${TRICKY.script}\n${TRICKY.heading}\n\n${TRICKY.markup}\n${TRICKY.lists}` },
    evaluation: {
      score: 4,
      feedback: 'Partly there: the core is present but important parts are missing.',
      strengths: ['You explained lookup speed ("an index makes reads faster").', 'Showed skills from the job description: Databases.'],
      weaknesses: ['You did not mention write cost.', 'You did not mention <b>storage</b>.'],
      suggestions: [`Say when an index hurts. ${TRICKY.script}`],
      skillsShown: ['Databases'],
      evaluator: 'embedded',
    },
  },
  {
    phase: 'warmup',
    difficulty: 'medium',
    followUp: true,
    question: 'What does an index cost when you write?',
    answer: { text: `${TRICKY.backticks} ${TRICKY.emoji}` },
    evaluation: { score: 7, feedback: 'Good answer with room to go deeper.', strengths: ['You made it concrete with an example or numbers.'], weaknesses: [], suggestions: [], evaluator: 'embedded' },
  },
  {
    phase: 'standard',
    difficulty: 'medium',
    question: 'How would you cache a slow endpoint?',
    answer: { text: `${TRICKY.chinese} ${TRICKY.accents}\n${TRICKY.longLine}`, spoken: true },
    evaluation: {
      score: 8,
      feedback: 'Strong answer.',
      strengths: ['You explained cache invalidation.', 'You made it concrete with an example or numbers.', 'Showed skills from the job description: Caching.'],
      weaknesses: ['You did not mention write cost.'],
      suggestions: ['Name the eviction policy.'],
      skillsShown: ['Caching'],
      evaluator: 'openai',
    },
  },
  { phase: 'advanced', difficulty: 'hard', question: 'How do you shard a table with hot keys?' },
  {
    phase: 'advanced',
    difficulty: 'hard',
    question: 'Tell me about a time you fixed an outage.',
    answer: { text: 'We restarted the servers and it worked.' },
    evaluation: {
      score: 3,
      feedback: 'This answer missed most of what the question was after.',
      strengths: [],
      weaknesses: ['You did not describe the result, ideally with numbers.', 'You said "we" throughout: say what you did yourself.'],
      suggestions: ['Tell one story with your own actions.'],
      evaluator: 'embedded',
    },
  },
  {
    phase: 'wrapup',
    difficulty: 'easy',
    question: 'What would you like to ask me?',
    answer: { text: 'How do you deploy? 中文' },
    evaluation: { score: 5, feedback: 'A fair question to ask.', evaluator: 'embedded' },
  },
];

const ANALYTICS: SpeechAnalytics = {
  durationMs: 42_000,
  speakingMs: 36_000,
  wordsFrom: 'transcript',
  wordsPerMinute: 128,
  fillerWords: { atLeast: 3, byWord: { um: 2, like: 1 } },
  longPauses: [{ startMs: 12_000, durationMs: 2_400 }],
};

/** A waveform's worth of peaks: 50 a second for 42 s. */
export const FIXTURE_PEAKS = Array.from({ length: 2_100 }, (_, i) => Math.round(Math.abs(Math.sin(i / 30)) * 1000) / 1000);

/** Writes the interview into `<dataDir>/interviews.sqlite`; returns its id. */
export function seedReportInterview(dataDir: string, turns: SeededTurn[] = REPORT_TURNS, config: InterviewConfig = REPORT_CONFIG): string {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    migrate(db, join(RESOURCES_DIR, 'migrations'));
    const repository = createInterviewRepository(db);
    const media = createMediaStore(dataDir);
    const interviewId = randomUUID();
    const start = Date.parse('2026-03-14T09:00:00.000Z');
    const at = (minutes: number): string => new Date(start + minutes * 60_000).toISOString();
    const ids = turns.map(() => randomUUID());
    let lastMain: string | null = null;
    const newTurn = (i: number): NewTurn => {
      const turn = turns[i]!;
      const parentTurnId = turn.followUp ? lastMain : null;
      if (!turn.followUp && turn.phase !== 'intro' && turn.phase !== 'wrapup') lastMain = ids[i]!;
      return { id: ids[i]!, index: i + 1, phase: turn.phase, difficulty: turn.difficulty, followUp: turn.followUp ?? false, parentTurnId, sourceId: `custom:${i}`, questionText: turn.question, askedAt: at(i * 3) };
    };
    const snapshot = { ...initialSnapshot(), currentTurnId: ids[0]! };
    repository.create({ id: interviewId, config, snapshot, startedAt: at(0) }, newTurn(0));
    turns.forEach((turn, i) => {
      const answerId = randomUUID();
      if (turn.answer?.spoken) {
        repository.saveRecording({ answerId, turnId: ids[i]!, audioPath: media.answerAudio(interviewId, ids[i]!), durationMs: ANALYTICS.durationMs, peaks: FIXTURE_PEAKS, recordedAt: at(i * 3 + 2) });
        repository.saveTranscript(answerId, turn.answer.transcript ?? turn.answer.text);
      } else if (turn.answer) {
        repository.recordAnswer({ id: answerId, turnId: ids[i]!, text: turn.answer.text, transcript: null, answeredAt: at(i * 3 + 2) });
      }
      const last = i === turns.length - 1;
      const scores = last
        ? summariseScores(turns.map((t, j) => ({ id: ids[j]!, phase: t.phase, difficulty: t.difficulty, followUp: t.followUp ?? false, parentTurnId: newTurnParent(turns, ids, j), skipped: !t.answer, score: t.evaluation?.score })))
        : undefined;
      repository.advance({
        interviewId,
        snapshot: { ...snapshot, currentTurnId: last ? null : ids[i + 1]! },
        updatedAt: at(i * 3 + 2),
        ...(turn.answer?.spoken ? { confirmedAnswer: { id: answerId, text: turn.answer.text, analytics: ANALYTICS } } : {}),
        ...(turn.answer && turn.evaluation
          ? {
              evaluation: {
                id: randomUUID(),
                answerId,
                evaluator: turn.evaluation.evaluator ?? 'embedded',
                evaluatedAt: at(i * 3 + 2),
                evaluation: { strengths: [], weaknesses: [], suggestions: [], skillsShown: [], missedConcepts: [], ...turn.evaluation },
              },
            }
          : {}),
        ...(turn.answer ? {} : { skippedTurnId: ids[i]! }),
        ...(last ? { finish: { status: 'completed' as const, overallScore: scores!.overallScore, completedAt: at(i * 3 + 3) } } : { nextTurn: newTurn(i + 1) }),
      });
    });
    repository.flushSearchIndex();
    return interviewId;
  } finally {
    db.$client.close();
  }
}

function newTurnParent(turns: SeededTurn[], ids: string[], index: number): string | null {
  if (!turns[index]!.followUp) return null;
  for (let j = index - 1; j >= 0; j -= 1) if (!turns[j]!.followUp && turns[j]!.phase !== 'intro') return ids[j]!;
  return null;
}

const SENTENCES = [
  'I would start by measuring where the time goes, with the query plan and the slow log.',
  'Then I add an index on the filtered column, because a sequential scan over millions of rows is slow.',
  'The trade-off is slower writes and more storage, so I check the write rate first.',
  'For example, at my last job this took the p95 latency from 900 ms to 120 ms.',
  'I would also cache the result for a minute, since the data changes rarely.',
];

/**
 * A long finished interview as `interviews.get` returns it (no database needed): `count` main
 * questions, each answered aloud with a waveform and analytics, a follow-up on every fifth,
 * for the PDF's page-break test and the export benchmark.
 */
export function largeInterviewDetail(count: number): InterviewDetail {
  const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const start = Date.parse('2026-03-14T09:00:00.000Z');
  const turns: InterviewDetail['turns'] = [];
  for (let n = 1; n <= count; n += 1) {
    const phase: Phase = n <= 2 ? 'warmup' : n <= count / 2 ? 'standard' : 'advanced';
    const text = Array.from({ length: 6 }, (_, i) => SENTENCES[(n + i) % SENTENCES.length]).join(' ');
    const score = (n * 7) % 11;
    const base = turns.length + 1;
    turns.push({
      questionId: id(base),
      index: base,
      phase,
      difficulty: (['easy', 'medium', 'hard'] as const)[n % 3]!,
      followUp: false,
      mainNumber: n,
      countedScore: Math.min(10, score),
      question: `Question ${n}: how would you make a slow endpoint that lists orders fast again, and what would you measure first?`,
      askedAt: new Date(start + n * 120_000).toISOString(),
      skipped: false,
      answer: { answerId: id(10_000 + n), text, transcript: text, audioUrl: `/media/a${n}.wav`, durationMs: 45_000, peaks: FIXTURE_PEAKS, analytics: ANALYTICS, answeredAt: new Date(start + n * 120_000 + 60_000).toISOString() },
      evaluation: {
        answerId: id(10_000 + n),
        score: Math.min(10, score),
        feedback: 'Good answer with room to go deeper. You covered 3 of 5 key points.',
        strengths: ['You explained indexes ("add an index on the filtered column").', 'You made it concrete with an example or numbers.'],
        weaknesses: ['You did not mention cache invalidation.', 'You did not mention pagination.'],
        suggestions: ['Say how you would confirm the fix in production.'],
        skillsShown: n % 4 === 0 ? ['Databases'] : [],
        evaluator: 'embedded',
      },
      modelAnswer: SENTENCES,
    });
    if (n % 5 === 0) {
      const followUp = turns.length + 1;
      turns.push({
        questionId: id(followUp),
        index: followUp,
        phase,
        difficulty: 'medium',
        followUp: true,
        parentNumber: n,
        question: 'What would you do about the cache when an order changes?',
        skipped: false,
        answer: { answerId: id(20_000 + n), text: SENTENCES[4]! },
        evaluation: { answerId: id(20_000 + n), score: 6, feedback: 'Good answer with room to go deeper.', strengths: [], weaknesses: ['The answer was very short for this question.'], suggestions: [], evaluator: 'embedded' },
      });
    }
  }
  return {
    id: id(0),
    track: 'backend',
    trackTitle: 'Backend engineering',
    status: 'completed',
    startedAt: new Date(start).toISOString(),
    completedAt: new Date(start + (count + 1) * 120_000).toISOString(),
    overallScore: 55,
    mainQuestions: count,
    followUps: Math.floor(count / 5),
    skippedQuestions: 0,
    config: { track: 'backend', mode: 'voice', length: 'full', jobDescription: 'Postgres databases and Redis caching.' },
    jobSkills: ['Databases', 'Caching'],
    turns,
  };
}
