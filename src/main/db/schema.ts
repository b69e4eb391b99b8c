import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The interview database (DESIGN.md §5). Migrations are generated from this file by
 * drizzle-kit into resources/migrations and applied at start by `migrate(db)`.
 * Times are ISO-8601 strings; JSON columns hold small, schema-checked documents.
 */
export const interviews = sqliteTable(
  'interviews',
  {
    id: text('id').primaryKey(),
    track: text('track').notNull(),
    /** in_progress | paused | completed | ended */
    status: text('status').notNull(),
    configJson: text('config_json').notNull(),
    /** The engine's progress (phase, counts, boundaries), updated with every answer. */
    engineStateJson: text('engine_state_json').notNull(),
    startedAt: text('started_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    completedAt: text('completed_at'),
    overallScore: real('overall_score'),
    /** The prompts file version (resources/prompts) when a model interviewer took part. */
    promptVersion: text('prompt_version'),
    /**
     * A one-question interview practising a question again (issue #11): the turn it was
     * practised from. No foreign key on purpose: deleting the earlier interview leaves this
     * attempt a retake whose original is gone, never an ordinary interview.
     */
    retakeOfTurnId: text('retake_of_turn_id'),
    /** The saved résumé and job posting it was tailored to (issue #14); what they said then is in the config. */
    resumeId: text('resume_id').references(() => documents.id, { onDelete: 'set null' }),
    postingId: text('posting_id').references(() => documents.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('interviews_started_at').on(table.startedAt),
    index('interviews_status').on(table.status),
    index('interviews_retake_of').on(table.retakeOfTurnId),
  ],
);

/** Résumés and job postings the candidate keeps (issue #14): the text read and the profile they corrected. */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    /** resume | posting */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** pdf | docx | txt | md | paste */
    source: text('source').notNull(),
    text: text('text').notNull(),
    /** The parsed profile (ResumeProfile or PostingProfile), as the candidate last corrected it. */
    profileJson: text('profile_json').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('documents_kind_updated').on(table.kind, table.updatedAt)],
);

/** One question asked, in order; follow-ups point at the question they follow. */
export const turns = sqliteTable(
  'turns',
  {
    id: text('id').primaryKey(),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    index: integer('idx').notNull(),
    phase: text('phase').notNull(),
    difficulty: text('difficulty').notNull(),
    followUp: integer('follow_up', { mode: 'boolean' }).notNull(),
    parentTurnId: text('parent_turn_id'),
    /** The bank question (or custom:N); follow-ups keep their parent's. */
    sourceId: text('source_id').notNull(),
    questionText: text('question_text').notNull(),
    questionAudioPath: text('question_audio_path'),
    questionAudioMs: integer('question_audio_ms'),
    /** Waveform peaks of the spoken question (JSON number[]), for wavesurfer.js. */
    questionPeaksJson: text('question_peaks_json'),
    askedAt: text('asked_at').notNull(),
    skipped: integer('skipped', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [uniqueIndex('turns_interview_idx').on(table.interviewId, table.index)],
);

export const answers = sqliteTable('answers', {
  id: text('id').primaryKey(),
  turnId: text('turn_id')
    .notNull()
    .unique()
    .references(() => turns.id, { onDelete: 'cascade' }),
  /** What the candidate typed, or their correction of the transcript. */
  text: text('text'),
  transcript: text('transcript'),
  audioPath: text('audio_path'),
  durationMs: integer('duration_ms'),
  /** Waveform peaks of the recording (JSON number[]). */
  peaksJson: text('peaks_json'),
  /** Speaking time, words per minute, filler words, long pauses (JSON SpeechAnalytics). */
  analyticsJson: text('analytics_json'),
  answeredAt: text('answered_at').notNull(),
});

export const evaluations = sqliteTable('evaluations', {
  id: text('id').primaryKey(),
  answerId: text('answer_id')
    .notNull()
    .unique()
    .references(() => answers.id, { onDelete: 'cascade' }),
  score: real('score').notNull(),
  feedback: text('feedback').notNull(),
  strengthsJson: text('strengths_json').notNull(),
  weaknessesJson: text('weaknesses_json').notNull(),
  suggestionsJson: text('suggestions_json').notNull(),
  /** Skills from the job description this answer showed. */
  skillsShownJson: text('skills_shown_json').notNull().default(sql`'[]'`),
  /** Which evaluator produced it: embedded, openai, anthropic, … */
  evaluator: text('evaluator').notNull(),
  evaluatedAt: text('evaluated_at').notNull(),
});

/** Every request a model interviewer made (DESIGN.md §8): tokens for usage and an estimated cost. */
export const modelCalls = sqliteTable(
  'model_calls',
  {
    id: text('id').primaryKey(),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    /** intro | question | follow-up | wrapup | evaluate | repair */
    operation: text('operation').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull(),
    outputTokens: integer('output_tokens').notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** Earlier turns were summarised to fit the model's context window. */
    summarised: integer('summarised', { mode: 'boolean' }).notNull(),
    /** The job description or résumé was cut to fit the model's context window (issue #10). */
    shortened: integer('shortened', { mode: 'boolean' }).notNull().default(false),
    calledAt: text('called_at').notNull(),
  },
  (table) => [index('model_calls_interview').on(table.interviewId)],
);

/**
 * What the Progress screen reads of each finished interview (issue #11), computed once when it
 * finishes (and for older interviews on the first Progress after an update), so Progress over
 * thousands of interviews aggregates one small row each instead of every turn. `version` is
 * FACTS_VERSION of src/main/progress/interview-facts.ts: rows of an older version are made again.
 */
export const interviewFacts = sqliteTable('interview_facts', {
  interviewId: text('interview_id')
    .primaryKey()
    .references(() => interviews.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  /** The score summary's overall (DESIGN.md §5.1); null when no main question counted. */
  overallScore: real('overall_score'),
  mainQuestions: integer('main_questions').notNull(),
  /** Time spent, pauses left out (src/shared/report/active-time.ts). */
  activeMs: integer('active_ms').notNull(),
  /** Spoken answers a recogniser heard (SpeechAnalytics.wordsFrom = 'transcript'), and their totals. */
  heardAnswers: integer('heard_answers').notNull(),
  heardSpeakingMs: integer('heard_speaking_ms').notNull(),
  heardWords: real('heard_words').notNull(),
  heardFillers: integer('heard_fillers').notNull(),
  /** The focus themes of its answers (JSON [{ text, details, answers }]). */
  weaknessesJson: text('weaknesses_json').notNull(),
});

export type InterviewRow = typeof interviews.$inferSelect;
export type TurnRow = typeof turns.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
