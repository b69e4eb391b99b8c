import { z } from 'zod';
import { AnswerMode, Difficulty, Id, InterviewLength, InterviewStatus, Level, Phase, Score10, Score100, SpeechAnalytics, Timestamp, TrackId } from '../protocol';

/**
 * The report of one interview (DESIGN.md §9): built once by `buildReport` from what
 * `interviews.get` returns, then drawn by the report screen and written by every exporter, so
 * they can never say different things. The JSON export carries it as is, and its JSON Schema
 * (docs/export-schema-v1.json) is generated from these types: adding an optional field keeps
 * schema version 1, anything else is a new version (src/main/reports/json/json-export.ts).
 *
 * It holds no URL and no file path: a browser-mode media URL carries the access token, and a
 * saved report must not.
 */

/** An answer the summary points to: main question N, or the follow-up to main question N. */
export const AnswerRef = z.object({
  mainNumber: z.number().int().min(1),
  followUp: z.boolean(),
});

/** One of the strongest points or focus areas, with the answers that show it (evidence). */
export const SummaryPoint = z.object({
  /** What the answers have in common, e.g. "Stated no result". */
  text: z.string(),
  answers: z.array(AnswerRef).min(1),
  /** The specifics behind it, e.g. the concepts left out; may be empty. */
  details: z.array(z.string()),
});

export const ReportEvaluation = z.object({
  score: Score10,
  feedback: z.string(),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  suggestions: z.array(z.string()),
  skillsShown: z.array(z.string()),
  /** Which evaluator judged the answer ("embedded", "openai", …), where it was recorded. */
  evaluator: z.string().optional(),
});

export const ReportAnswer = z.object({
  /** What was evaluated: the typed answer, or the transcript as the candidate confirmed it. */
  text: z.string(),
  /** What the recogniser heard, when the candidate corrected it before sending. */
  transcript: z.string().optional(),
  spoken: z.boolean(),
  durationMs: z.number().int().min(0).optional(),
  /** The recording's loudness, 0..1, reduced to at most WAVEFORM_BARS values. */
  waveform: z.array(z.number().min(0).max(1)).optional(),
  analytics: SpeechAnalytics.optional(),
  answeredAt: Timestamp.optional(),
});

export const ReportQuestion = z.object({
  questionId: Id,
  /** "Question 2 · Core · medium", "Follow-up to question 2", "Introduction · not scored". */
  label: z.string(),
  phase: Phase,
  difficulty: Difficulty,
  followUp: z.boolean(),
  /** Main questions: their number; follow-ups: the number of the question they follow. */
  mainNumber: z.number().int().min(1).optional(),
  parentNumber: z.number().int().min(1).optional(),
  question: z.string(),
  askedAt: Timestamp.optional(),
  skipped: z.boolean(),
  /** Main questions: what they add to the overall, and that in words (DESIGN.md §5.1). */
  countedScore: Score10.optional(),
  countedNote: z.string().optional(),
  answer: ReportAnswer.optional(),
  evaluation: ReportEvaluation.optional(),
  /** An outline of a strong answer, where the question has one. */
  modelAnswer: z.array(z.string()).optional(),
});

/** A main question with its follow-ups under it, or the introduction or closing on its own. */
export const ReportSection = z.object({
  scored: z.boolean(),
  question: ReportQuestion,
  followUps: z.array(ReportQuestion),
});

export const PhaseSummary = z.object({
  phase: Phase,
  label: z.string(),
  /** Main questions asked in the phase that count. */
  questions: z.number().int().min(0),
  /** The plain mean of their counted scores, rounded to half points; absent when none counts. */
  averageScore: Score10.optional(),
  /** Main questions of the advanced phase that marked a skill boundary (DESIGN.md §5). */
  boundaries: z.array(z.number().int().min(1)),
});

export const JobSkillCoverage = z.object({
  /** The job description's skills some answer showed, with those answers. */
  shown: z.array(z.object({ skill: z.string(), answers: z.array(AnswerRef).min(1) })),
  /** The job description's skills no answer showed. */
  notCovered: z.array(z.string()),
});

export const PostingSkillStatus = z.enum(['claimed-shown', 'claimed-not-shown', 'not-claimed-shown', 'not-covered']);

/** Each skill a saved job posting asks for, against the résumé and the answers (issue #14). */
export const PostingSkills = z.object({
  /** The posting's and the résumé's names, as saved. */
  posting: z.string(),
  resume: z.string().optional(),
  rows: z.array(
    z.object({
      skill: z.string(),
      wanted: z.enum(['must', 'nice']),
      claimed: z.boolean(),
      shownIn: z.array(AnswerRef),
      status: PostingSkillStatus,
    }),
  ),
});

export const ReportModel = z.object({
  interviewId: Id,
  track: z.object({ id: TrackId, title: z.string() }),
  level: Level,
  length: InterviewLength,
  mode: AnswerMode,
  status: InterviewStatus,
  customQuestions: z.boolean(),
  startedAt: Timestamp,
  completedAt: Timestamp.optional(),
  /** Time spent answering, pauses left out (docs/decisions.md, issue #11). */
  durationMs: z.number().int().min(0),
  /** Absent until the interview is finished. */
  overallScore: Score100.optional(),
  /** The one line of DESIGN.md §5.1 that says how the overall is made. */
  scoreDefinition: z.string(),
  counts: z.object({
    mainQuestions: z.number().int().min(0),
    followUps: z.number().int().min(0),
    skipped: z.number().int().min(0),
  }),
  /** Every evaluator that judged an answer, in the order first used. */
  evaluators: z.array(z.string()),
  summary: z.object({ strengths: z.array(SummaryPoint), focusAreas: z.array(SummaryPoint) }),
  phases: z.array(PhaseSummary),
  /** Only when the interview had a job description. */
  jobDescription: JobSkillCoverage.optional(),
  /** Only when the interview was tailored to a saved job posting. */
  postingSkills: PostingSkills.optional(),
  sections: z.array(ReportSection),
});

export type AnswerRef = z.infer<typeof AnswerRef>;
export type SummaryPoint = z.infer<typeof SummaryPoint>;
export type ReportEvaluation = z.infer<typeof ReportEvaluation>;
export type ReportAnswer = z.infer<typeof ReportAnswer>;
export type ReportQuestion = z.infer<typeof ReportQuestion>;
export type ReportSection = z.infer<typeof ReportSection>;
export type PhaseSummary = z.infer<typeof PhaseSummary>;
export type JobSkillCoverage = z.infer<typeof JobSkillCoverage>;
export type ReportModel = z.infer<typeof ReportModel>;
export type PostingSkillStatus = z.infer<typeof PostingSkillStatus>;
export type PostingSkills = z.infer<typeof PostingSkills>;
