import { z } from 'zod';
import { Difficulty, LIMITS, TrackId } from '../../shared/protocol';

/**
 * The file format of `resources/question-banks/<track>.json` (STYLE.md §8: data as data).
 * Each question carries the rubric the embedded evaluator scores against; see
 * docs/question-banks.md for how to write one.
 */
const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a lowercase slug');
const Phrase = z.string().trim().min(2).max(120);
const Sentence = z.string().trim().min(8).max(400);

/** A skill the track covers; job descriptions are matched against its name and synonyms. */
export const BankSkill = z.object({
  id: Slug,
  name: Phrase,
  synonyms: z.array(Phrase).max(20),
});

/**
 * A key concept a good answer mentions. `terms` are the words or short phrases that show the
 * concept was covered (matched case-insensitively, on word boundaries, with simple plural and
 * tense endings); `name` is how feedback refers to it.
 */
export const RubricConcept = z.object({
  name: Phrase,
  terms: z.array(Phrase).min(2).max(20),
  /** 1 = nice to have, 2 = expected, 3 = essential. */
  weight: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

export const FollowUp = z.object({
  text: z.string().trim().min(10).max(LIMITS.questionTextChars),
  /** The concept names (from this rubric) this follow-up probes when an answer missed them. */
  probes: z.array(Phrase).min(1).max(5),
});

export const Rubric = z.object({
  /** "concepts": technical coverage; "star": behavioral, judged on Situation-Task-Action-Result. */
  style: z.enum(['concepts', 'star']),
  concepts: z.array(RubricConcept).min(2).max(8),
  strongAnswer: z.array(Sentence).min(2).max(6),
  commonMistakes: z.array(Sentence).min(1).max(5),
  followUps: z.array(FollowUp).min(1).max(2),
  modelAnswer: z.array(Sentence).min(2).max(8),
});

export const BankQuestion = z.object({
  id: Slug,
  text: z.string().trim().min(10).max(LIMITS.questionTextChars),
  difficulty: Difficulty,
  /** Skill ids from the bank's `skills`. */
  skills: z.array(Slug).min(1).max(5),
  rubric: Rubric,
});

export const QuestionBankFile = z
  .object({
    id: TrackId,
    title: z.string().min(1).max(80),
    description: z.string().min(1).max(300),
    skills: z.array(BankSkill).min(3).max(30),
    questions: z.array(BankQuestion),
  })
  .superRefine((bank, ctx) => {
    const skillIds = new Set(bank.skills.map((s) => s.id));
    const questionIds = new Set<string>();
    bank.questions.forEach((question, index) => {
      if (questionIds.has(question.id)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `duplicate question id ${question.id}` });
      questionIds.add(question.id);
      for (const skill of question.skills) {
        if (!skillIds.has(skill)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'skills'], message: `unknown skill ${skill}` });
      }
      const conceptNames = new Set(question.rubric.concepts.map((c) => c.name));
      for (const followUp of question.rubric.followUps) {
        for (const probe of followUp.probes) {
          if (!conceptNames.has(probe)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'rubric', 'followUps'], message: `follow-up probes unknown concept "${probe}"` });
        }
      }
    });
  });

export type QuestionBankFile = z.infer<typeof QuestionBankFile>;
export type BankQuestion = z.infer<typeof BankQuestion>;
export type Rubric = z.infer<typeof Rubric>;
export type RubricConcept = z.infer<typeof RubricConcept>;
export type BankSkill = z.infer<typeof BankSkill>;
