import { randomUUID } from 'node:crypto';
import type { AppDatabase } from '../../src/main/db/database';
import { summariseScores } from '../../src/main/engine/score-summary';
import type { Difficulty, Phase, SpeechAnalytics } from '../../src/shared/protocol';
import { mulberry32 } from './seeded-random';

/**
 * A practice history written straight into a real database (issue #11: the Progress screen and
 * its benchmark): interviews on several tracks over months, with follow-ups, skips, the
 * built-in evaluator's weakness sentences, spoken answers a recogniser heard and spoken answers
 * it did not, unfinished and ended interviews, and one-question retakes. Deterministic for a
 * given seed, so a failing test can be run again on the same history.
 */
export interface HistoryOptions {
  interviews: number;
  seed?: number;
  /** The first interview's start; the others follow every `everyHours`. */
  from?: number;
  everyHours?: number;
}

export const HISTORY_TRACKS = ['backend', 'frontend', 'behavioral'] as const;

const WEAKNESSES = [
  'You did not describe the result, ideally with numbers.',
  'You did not mention indexes.',
  'You did not mention caching.',
  'Your answer is very short for this question.',
  'You spoke in general terms: tell one real example.',
  'You said "we" throughout: say what you did yourself.',
  'Consider the trade-offs more carefully.',
];
const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];

export function seedHistory(db: AppDatabase, options: HistoryOptions): void {
  const next = mulberry32(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const client = db.$client;
  const insertInterview = client.prepare(
    `INSERT INTO interviews (id, track, status, config_json, engine_state_json, started_at, updated_at, completed_at, overall_score, retake_of_turn_id)
     VALUES (?, ?, ?, ?, '{}', ?, ?, NULL, NULL, ?)`,
  );
  const finishInterview = client.prepare('UPDATE interviews SET updated_at = ?, completed_at = ?, overall_score = ? WHERE id = ?');
  const insertTurn = client.prepare(
    `INSERT INTO turns (id, interview_id, idx, phase, difficulty, follow_up, parent_turn_id, source_id, question_text, asked_at, skipped)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnswer = client.prepare('INSERT INTO answers (id, turn_id, text, transcript, duration_ms, analytics_json, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertEvaluation = client.prepare(
    `INSERT INTO evaluations (id, answer_id, score, feedback, strengths_json, weaknesses_json, suggestions_json, evaluator, evaluated_at)
     VALUES (?, ?, ?, 'Feedback.', '[]', ?, '[]', 'embedded', ?)`,
  );
  const from = options.from ?? Date.UTC(2025, 0, 6, 9);
  const every = (options.everyHours ?? 5) * 3_600_000;
  const mainTurns: { id: string; question: string }[] = [];

  const write = client.transaction(() => {
    for (let i = 0; i < options.interviews; i += 1) {
      const id = randomUUID();
      const track = pick(HISTORY_TRACKS);
      const start = from + i * every;
      const at = (minutes: number): string => new Date(start + minutes * 60_000).toISOString();
      const status = i === options.interviews - 1 ? 'in_progress' : next() < 0.08 ? 'ended' : 'completed';
      const retake = i > 10 && next() < 0.05 ? pick(mainTurns) : undefined;
      const mode = next() < 0.5 ? 'voice' : 'text';
      const plan: { phase: Phase; followUp: boolean; question: string }[] = retake
        ? [{ phase: 'standard', followUp: false, question: retake.question }]
        : [
            { phase: 'intro', followUp: false, question: 'Tell me about yourself.' },
            ...Array.from({ length: 4 + Math.floor(next() * 8) }, (_v, q) => ({ phase: (q < 2 ? 'warmup' : 'standard') as Phase, followUp: q > 0 && next() < 0.2, question: `${track} question ${q}` })),
            { phase: 'wrapup', followUp: false, question: 'What would you like to ask me?' },
          ];
      const config = { track, mode, ...(retake ? { retakeOf: retake.id } : {}) };
      insertInterview.run(id, track, status, JSON.stringify(config), at(0), at(0), retake?.id ?? null);
      const scoring: Parameters<typeof summariseScores>[0][number][] = [];
      let parent: string | null = null;
      let minute = 0;
      plan.forEach((turn, t) => {
        const turnId = randomUUID();
        const difficulty = pick(DIFFICULTIES);
        const followUp = turn.followUp && parent !== null;
        const unanswered = status !== 'completed' && t === plan.length - 1;
        const skipped = !unanswered && next() < 0.06;
        insertTurn.run(turnId, id, t + 1, turn.phase, difficulty, followUp ? 1 : 0, followUp ? parent : null, `q${t}`, turn.question, at(minute), skipped ? 1 : 0);
        if (!followUp && turn.phase !== 'intro' && turn.phase !== 'wrapup') {
          parent = turnId;
          if (!retake) mainTurns.push({ id: turnId, question: turn.question });
        }
        minute += 1 + Math.floor(next() * 14);
        let score: number | undefined;
        if (!unanswered && !skipped) {
          const answerId = randomUUID();
          const spoken = mode === 'voice';
          const heard = spoken && next() < 0.7;
          const speakingMs = 20_000 + Math.floor(next() * 60_000);
          const analytics: SpeechAnalytics | undefined = spoken
            ? heard
              ? { durationMs: speakingMs + 4_000, speakingMs, longPauses: [], wordsFrom: 'transcript', wordsPerMinute: 90 + Math.round(next() * 80), fillerWords: { atLeast: Math.floor(next() * 6), byWord: {} } }
              : { durationMs: speakingMs + 4_000, speakingMs, longPauses: [], wordsFrom: 'none' }
            : undefined;
          insertAnswer.run(answerId, turnId, `answer ${i}-${t}`, heard ? `answer ${i}-${t}` : null, spoken ? speakingMs + 4_000 : null, analytics ? JSON.stringify(analytics) : null, at(minute));
          score = Math.round(next() * 20) / 2;
          const weaknesses = WEAKNESSES.filter(() => next() < 0.25);
          insertEvaluation.run(randomUUID(), answerId, score, JSON.stringify(weaknesses), at(minute));
          minute += 1;
        }
        scoring.push({ id: turnId, phase: turn.phase, difficulty, followUp, parentTurnId: followUp ? parent : null, skipped, score });
      });
      const finished = status !== 'in_progress';
      const overall = finished ? summariseScores(scoring).overallScore : null;
      finishInterview.run(at(minute), finished ? at(minute) : null, overall, id);
    }
  });
  write();
}
