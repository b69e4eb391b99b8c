import type { InterviewConfig } from '../../shared/protocol';
import type { AskedQuestion, InterviewContext, InterviewerPort, QuestionPlan } from '../engine/ports';
import type { ConversationFile } from './conversation-file';
import { createQuestionJudgements } from './question-judgements';
import type { AnswerEvaluation, JobSkill } from './evaluation/evaluation-types';
import { answerCeiling, evaluateAnswer } from './evaluation/evaluate-answer';
import { analyse } from './language/analysed-text';
import type { Meaning } from './language/meaning';
import { containsAny } from './language/phrases';
import { skillsInJobDescription } from './job-skills';
import { selectQuestion, stableHash } from './question-selection';
import { fillIntro, resumeItemToAsk, tailorTrack, type SkillTerms, type TrackTailoring } from './tailoring';
import type { TrackCatalog } from './track-catalog';

/** Follow-ups are for answers that were on the way but missed something (DESIGN.md §5). */
const FOLLOW_UP_SCORES = { from: 3, below: 7 };

export interface EmbeddedInterviewer extends InterviewerPort {
  modelAnswerFor(track: string, sourceId: string, questionText: string): readonly string[] | undefined;
  /** See answerCeiling: what a model evaluator's score is held to. */
  answerCeiling(context: InterviewContext, asked: AskedQuestion, answer: string): number;
  /** Whether the question wants a story (judged on STAR) or knowledge (judged on concepts). */
  questionStyle(context: InterviewContext, asked: AskedQuestion): 'star' | 'concepts';
  /** The track skills the interview's job description names, as answers' `skillsShown` name them. */
  jobSkillNames(config: InterviewConfig): string[];
}

/** The offline interviewer: question banks, rubric evaluation and follow-ups, no network. */
export function createEmbeddedInterviewer(
  catalog: TrackCatalog,
  conversation: ConversationFile,
  meaning: Meaning,
  /** How the skill vocabulary writes a résumé's or posting's skill (issue #14); its name alone without one. */
  skillTerms: SkillTerms = (skill) => [skill.name],
): EmbeddedInterviewer {
  const bankFor = (config: InterviewConfig) => catalog.get(config.track);
  const judgements = createQuestionJudgements(catalog, conversation, meaning);
  // Matching a job description or a posting is done once per interview, not once per answer.
  const cache = <T,>(make: (config: InterviewConfig) => T) => {
    const made = new Map<string, T>();
    return (config: InterviewConfig): T => {
      const key = `${config.track}\n${config.jobDescription ?? ''}\n${JSON.stringify(config.tailoring ?? {})}`;
      if (!made.has(key)) {
        if (made.size >= 32) made.clear();
        made.set(key, make(config));
      }
      return made.get(key)!;
    };
  };
  const tailoringOf = cache((config): TrackTailoring | undefined => config.tailoring && tailorTrack(bankFor(config)?.skills ?? [], config.tailoring, skillTerms));
  // A saved posting names the skills as the candidate corrected them; its text may still name the ones they removed.
  const jobSkillsOf = cache((config): JobSkill[] => {
    const skills = bankFor(config)?.skills ?? [];
    const tailored = tailoringOf(config);
    if (!tailored) return skillsInJobDescription(skills, config.jobDescription);
    return skills.filter((skill) => tailored.wanted.includes(skill.id)).map((skill) => ({ id: skill.id, name: skill.name, terms: [skill.name, ...skill.synonyms] }));
  });
  const jobSkills = (context: InterviewContext): JobSkill[] => jobSkillsOf(context.config);

  const judgedFor = (context: InterviewContext, asked: AskedQuestion) => judgements.resolve(context.config, asked.sourceId) ?? judgements.forText(context.config, asked.text);

  const pickConversation = (kind: 'intro' | 'wrapup', context: InterviewContext): QuestionPlan => {
    const options = conversation[kind].filter((q) => !q.about);
    const question = options[stableHash(context.interviewId) % options.length]!;
    return { sourceId: `${kind}:${question.id}`, text: question.text, difficulty: 'easy' };
  };

  /** With a résumé, the introduction asks about one thing on it (issue #14). */
  const introAboutResume = (context: InterviewContext): QuestionPlan | undefined => {
    const resume = context.config.tailoring?.resume?.profile;
    const item = resume && resumeItemToAsk(resume);
    const question = item && conversation.intro.find((q) => q.about === item.about);
    return question && { sourceId: `intro:${question.id}`, text: fillIntro(question.text, item), difficulty: 'easy' };
  };

  /** Posting skills an answer showed: named in it, or the question's own skill answered well. */
  const postingSkillsShown = (context: InterviewContext, judgedSkills: readonly string[], text: ReturnType<typeof analyse>, score: number): string[] =>
    (tailoringOf(context.config)?.postingSkills ?? [])
      .filter((p) => containsAny(text, p.terms.filter((term) => term.length > 1)) || (score >= 6 && p.bankSkills.some((id) => judgedSkills.includes(id))))
      .map((p) => p.skill.name);

  return {
    name: 'embedded',

    introQuestion: async (context) => introAboutResume(context) ?? pickConversation('intro', context),
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
        ...(tailoringOf(context.config) ? { targets: tailoringOf(context.config)!.targets } : {}),
      });
      return question && { sourceId: question.id, text: question.text, difficulty: question.difficulty };
    },

    async followUp(context, asked, evaluation) {
      if (asked.followUp || evaluation.score < FOLLOW_UP_SCORES.from || evaluation.score >= FOLLOW_UP_SCORES.below) return undefined;
      const judged = judgements.resolve(context.config, asked.sourceId);
      if (!judged) return undefined;
      const missed = new Set(evaluation.missedConcepts);
      const ranked = judged.followUps
        .map((followUp, index) => ({ followUp, index, missed: followUp.probes.filter((p) => missed.has(p)).length }))
        .filter((candidate) => candidate.missed > 0)
        .sort((a, b) => b.missed - a.missed);
      const best = ranked[0];
      return best && { sourceId: `${asked.sourceId}#${best.index}`, text: best.followUp.text, difficulty: 'medium' };
    },

    async evaluate(context, asked, answer): Promise<AnswerEvaluation> {
      const judged = judgedFor(context, asked);
      // Read once: the evaluation and the job-description skills look at the same words.
      const text = analyse(answer);
      const result = evaluateAnswer(judged, asked.text, text, meaning);
      const trackSkills = jobSkills(context)
        .filter((skill) => containsAny(text, skill.terms) || (judged.skills.includes(skill.id) && result.score >= 6))
        .map((skill) => skill.name);
      const postingSkills = postingSkillsShown(context, judged.skills, text, result.score);
      if (context.config.tailoring?.posting) {
        if (postingSkills.length > 0) result.strengths.push(`Showed skills the job posting asks for: ${postingSkills.join(', ')}.`);
      } else if (trackSkills.length > 0) result.strengths.push(`Showed skills from the job description: ${trackSkills.join(', ')}.`);
      const skillsShown = [...new Set([...trackSkills, ...postingSkills])].slice(0, 20);
      return { ...result, skillsShown };
    },

    questionStyle: (context, asked) => judgedFor(context, asked).style,
    jobSkillNames: (config) => jobSkillsOf(config).map((skill) => skill.name),
    answerCeiling: (context, asked, answer) => answerCeiling(judgedFor(context, asked), asked.text, analyse(answer), meaning),

    // The report has the turn's text, not the interview's config: a custom question is judged by its text.
    modelAnswerFor: (track, sourceId, questionText) =>
      (sourceId.startsWith('custom:') && !sourceId.includes('#') ? judgements.forText({ track }, questionText) : judgements.resolve({ track }, sourceId))?.modelAnswer,
  };
}
