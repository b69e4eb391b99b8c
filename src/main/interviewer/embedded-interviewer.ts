import type { InterviewConfig } from '../../shared/protocol';
import type { InterviewContext, InterviewerPort, QuestionPlan } from '../engine/ports';
import type { ConversationFile } from './conversation-file';
import { evaluateConcepts } from './evaluation/concept-evaluator';
import type { AnswerEvaluation, JobSkill } from './evaluation/evaluation-types';
import { evaluateGeneric } from './evaluation/generic-evaluator';
import { evaluateStar } from './evaluation/star-evaluator';
import { analyse, containsAny } from './evaluation/text-analysis';
import { skillsInJobDescription } from './job-skills';
import type { Rubric } from './question-bank-schema';
import { selectQuestion, stableHash } from './question-selection';
import type { TrackCatalog } from './track-catalog';

/** Follow-ups are for answers that were on the way but missed something (DESIGN.md §5). */
const FOLLOW_UP_SCORES = { from: 3, below: 7 };

/**
 * Where a turn's question came from, encoded in its `sourceId`:
 * `<bank question id>`, `custom:<n>`, `intro:<id>`, `wrapup:<id>`, and for a follow-up the
 * parent's source plus `#<follow-up index>`.
 */
interface ResolvedSource {
  rubric?: Rubric;
  skills: string[];
  modelAnswer?: string[];
}

/** The offline interviewer: question banks, rubric evaluation and follow-ups, no network. */
export function createEmbeddedInterviewer(catalog: TrackCatalog, conversation: ConversationFile): InterviewerPort & {
  modelAnswerFor(track: string, sourceId: string): string[] | undefined;
} {
  const bankFor = (config: InterviewConfig) => catalog.get(config.track);
  // Matching a job description is done once per description, not once per answer.
  const jobSkillsCache = new Map<string, JobSkill[]>();
  const jobSkills = (context: InterviewContext): JobSkill[] => {
    const key = `${context.config.track}\n${context.config.jobDescription ?? ''}`;
    let skills = jobSkillsCache.get(key);
    if (!skills) {
      skills = skillsInJobDescription(bankFor(context.config)?.skills ?? [], context.config.jobDescription);
      if (jobSkillsCache.size >= 32) jobSkillsCache.clear();
      jobSkillsCache.set(key, skills);
    }
    return skills;
  };

  // Sources are few and fixed (the banks' questions and their follow-ups): resolve each once,
  // which also lets the evaluator cache per rubric (topic vocabulary, term stems).
  const resolved = new Map<string, ResolvedSource>();
  const resolve = (track: string, sourceId: string): ResolvedSource => {
    const key = `${track}\n${sourceId}`;
    let source = resolved.get(key);
    if (!source) {
      source = resolveUncached(track, sourceId);
      resolved.set(key, source);
    }
    return source;
  };
  const resolveUncached = (track: string, sourceId: string): ResolvedSource => {
    const [base = sourceId, followUpIndex] = sourceId.split('#');
    const [kind, rest] = base.includes(':') ? (base.split(':', 2) as [string, string]) : ['bank', base];
    let found: ResolvedSource = { skills: [] };
    if (kind === 'intro' || kind === 'wrapup') {
      const question = conversation[kind].find((q) => q.id === rest);
      if (question) found = { rubric: question.rubric, skills: [], modelAnswer: question.rubric.modelAnswer };
    } else if (kind === 'bank') {
      const question = catalog.get(track)?.questions.find((q) => q.id === rest);
      if (question) found = { rubric: question.rubric, skills: question.skills, modelAnswer: question.rubric.modelAnswer };
    }
    if (followUpIndex === undefined || !found.rubric) return found;
    // A follow-up is judged only on the concepts it probes.
    const probes = found.rubric.followUps[Number(followUpIndex)]?.probes ?? [];
    const concepts = found.rubric.concepts.filter((c) => probes.includes(c.name));
    return { ...found, rubric: { ...found.rubric, concepts: concepts.length >= 1 ? concepts : found.rubric.concepts } };
  };

  const pickConversation = (kind: 'intro' | 'wrapup', context: InterviewContext): QuestionPlan => {
    const options = conversation[kind];
    const question = options[stableHash(context.interviewId) % options.length]!;
    return { sourceId: `${kind}:${question.id}`, text: question.text, difficulty: 'easy' };
  };

  return {
    name: 'embedded',

    introQuestion: async (context) => pickConversation('intro', context),
    wrapupQuestion: async (context) => pickConversation('wrapup', context),

    async nextQuestion(context, _phase, difficulties) {
      const custom = context.config.questions;
      if (custom) {
        const next = custom.findIndex((_text, i) => !context.askedSourceIds.includes(`custom:${i}`));
        return next === -1 ? undefined : { sourceId: `custom:${next}`, text: custom[next]!, difficulty: 'medium' };
      }
      const bank = bankFor(context.config);
      if (!bank) return undefined;
      const question = selectQuestion(bank.questions, {
        asked: new Set(context.askedSourceIds),
        difficulties,
        wantedSkills: jobSkills(context).map((s) => s.id),
        seed: context.interviewId,
      });
      return question && { sourceId: question.id, text: question.text, difficulty: question.difficulty };
    },

    async followUp(context, asked, evaluation) {
      if (asked.followUp || evaluation.score < FOLLOW_UP_SCORES.from || evaluation.score >= FOLLOW_UP_SCORES.below) return undefined;
      const rubric = resolve(context.config.track, asked.sourceId).rubric;
      if (!rubric) return undefined;
      const missed = new Set(evaluation.missedConcepts);
      const ranked = rubric.followUps
        .map((followUp, index) => ({ followUp, index, missed: followUp.probes.filter((p) => missed.has(p)).length }))
        .filter((candidate) => candidate.missed > 0)
        .sort((a, b) => b.missed - a.missed);
      const best = ranked[0];
      return best && { sourceId: `${asked.sourceId}#${best.index}`, text: best.followUp.text, difficulty: 'medium' };
    },

    async evaluate(context, asked, answer): Promise<AnswerEvaluation> {
      const text = analyse(answer);
      const source = resolve(context.config.track, asked.sourceId);
      const result = !source.rubric
        ? evaluateGeneric(text, asked.text)
        : source.rubric.style === 'star'
          ? evaluateStar(text, source.rubric)
          : evaluateConcepts(text, source.rubric, asked.text);
      const skillsShown = jobSkills(context)
        .filter((skill) => containsAny(text, skill.terms) || (source.skills.includes(skill.id) && result.score >= 6))
        .map((skill) => skill.name);
      if (skillsShown.length > 0) result.strengths.push(`Showed skills from the job description: ${skillsShown.join(', ')}.`);
      return { ...result, skillsShown };
    },

    modelAnswerFor: (track, sourceId) => resolve(track, sourceId).modelAnswer,
  };
}
