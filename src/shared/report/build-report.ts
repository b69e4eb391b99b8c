import { describeOverallScore } from '../interview/overall-definition';
import { BOUNDARY_BELOW } from '../interview/skill-boundary';
import type { InterviewDetail, InterviewTurn } from '../protocol';
import { activeTimeMs } from './active-time';
import { reducePeaks } from './chart-geometry';
import { summariseFeedback, type JudgedAnswer } from './feedback-themes';
import { postingSkillsOf } from './posting-skills';
import type { AnswerRef, JobSkillCoverage, PhaseSummary, ReportModel, ReportQuestion, ReportSection } from './report-model';
import { PHASE_LABELS } from './report-wording';

/**
 * The report of an interview, from what `interviews.get` returns (DESIGN.md §9): a pure
 * function, so the report screen and every export build the same model from the same data.
 * The numbering and counted scores are the engine's score summary (§5.1), already in the
 * turns; this adds the summary, the per-phase view, the job-description coverage and the
 * wording every view shares.
 */
export function buildReport(detail: InterviewDetail): ReportModel {
  const sections = toSections(detail.turns);
  const refs = answerRefs(detail.turns);
  const judged: JudgedAnswer[] = detail.turns.flatMap((turn) => {
    const ref = refs.get(turn.questionId);
    return ref && turn.evaluation ? [{ ref, ...turn.evaluation }] : [];
  });
  const skipped = detail.turns.filter((turn) => turn.skipped && turn.mainNumber !== undefined).map((turn) => turn.mainNumber!);
  const evaluators = [...new Set(detail.turns.flatMap((turn) => (turn.evaluation?.evaluator ? [turn.evaluation.evaluator] : [])))];
  const mainQuestions = detail.mainQuestions ?? 0;
  const postingSkills = postingSkillsOf(detail, refs);
  return {
    interviewId: detail.id,
    track: { id: detail.track, title: detail.trackTitle ?? detail.track },
    level: detail.config.level ?? 'mid',
    length: detail.config.length ?? 'standard',
    mode: detail.config.mode,
    status: detail.status,
    customQuestions: detail.config.questions !== undefined,
    startedAt: detail.startedAt,
    ...(detail.completedAt ? { completedAt: detail.completedAt } : {}),
    durationMs: activeTimeMs([detail.startedAt, ...detail.turns.flatMap((turn) => [turn.askedAt, turn.answer?.answeredAt]), detail.completedAt]),
    ...(detail.overallScore !== undefined ? { overallScore: Math.round(detail.overallScore) } : {}),
    scoreDefinition: describeOverallScore(mainQuestions),
    counts: { mainQuestions, followUps: detail.followUps ?? 0, skipped: detail.skippedQuestions ?? 0 },
    evaluators,
    summary: summariseFeedback({ answers: judged, skipped }),
    phases: phaseSummaries(detail.turns),
    ...(detail.config.jobDescription?.trim() ? { jobDescription: jobSkillCoverage(detail.jobSkills ?? [], detail.turns, refs) } : {}),
    ...(postingSkills ? { postingSkills } : {}),
    sections,
  };
}

/** Main questions and follow-ups as the summary names them; the introduction and closing have none. */
function answerRefs(turns: readonly InterviewTurn[]): Map<string, AnswerRef> {
  const refs = new Map<string, AnswerRef>();
  for (const turn of turns) {
    if (turn.mainNumber !== undefined) refs.set(turn.questionId, { mainNumber: turn.mainNumber, followUp: false });
    else if (turn.parentNumber !== undefined) refs.set(turn.questionId, { mainNumber: turn.parentNumber, followUp: true });
  }
  return refs;
}

/** Follow-ups under their main question; the introduction and closing on their own, not scored. */
function toSections(turns: readonly InterviewTurn[]): ReportSection[] {
  const sections: ReportSection[] = [];
  const mains = new Map<number, ReportSection>();
  for (const turn of turns) {
    if (turn.mainNumber !== undefined) {
      const section: ReportSection = { scored: true, question: toQuestion(turn), followUps: [] };
      mains.set(turn.mainNumber, section);
      sections.push(section);
    } else if (turn.parentNumber !== undefined && mains.has(turn.parentNumber)) {
      mains.get(turn.parentNumber)!.followUps.push(toQuestion(turn));
    } else {
      sections.push({ scored: false, question: toQuestion(turn), followUps: [] });
    }
  }
  return sections;
}

function questionLabel(turn: InterviewTurn): string {
  if (turn.mainNumber !== undefined) return `Question ${turn.mainNumber} · ${PHASE_LABELS[turn.phase]} · ${turn.difficulty}`;
  if (turn.parentNumber !== undefined) return `Follow-up to question ${turn.parentNumber}`;
  return `${PHASE_LABELS[turn.phase]} · not scored`;
}

/** What a main question adds to the overall, in words (DESIGN.md §5.1). */
export function countedScoreNote(turn: Partial<Pick<InterviewTurn, 'countedScore' | 'skipped' | 'raisedByFollowUp'>>): string {
  if (turn.countedScore === undefined) return 'Not counted: the interview ended before it was answered';
  if (turn.skipped) return `Skipped: counts ${turn.countedScore} / 10`;
  if (turn.raisedByFollowUp) return `Raised to ${turn.countedScore} / 10 by the follow-up`;
  return `Counts ${turn.countedScore} / 10`;
}

/** One turn as the report shows it (also each side of a comparison of attempts). */
export function toQuestion(turn: InterviewTurn): ReportQuestion {
  const { answer, evaluation } = turn;
  // A recording deleted to free space (Settings) leaves its length: the answer was still spoken.
  const spoken = answer?.audioUrl !== undefined || answer?.peaks !== undefined || answer?.durationMs !== undefined;
  const text = answer?.text ?? answer?.transcript;
  return {
    questionId: turn.questionId,
    label: questionLabel(turn),
    phase: turn.phase,
    difficulty: turn.difficulty,
    followUp: turn.followUp,
    ...(turn.mainNumber !== undefined ? { mainNumber: turn.mainNumber, countedNote: countedScoreNote(turn) } : {}),
    ...(turn.parentNumber !== undefined ? { parentNumber: turn.parentNumber } : {}),
    ...(turn.countedScore !== undefined ? { countedScore: turn.countedScore } : {}),
    question: turn.question,
    ...(turn.askedAt ? { askedAt: turn.askedAt } : {}),
    skipped: turn.skipped,
    ...(answer && text !== undefined
      ? {
          answer: {
            text,
            ...(answer.transcript !== undefined && answer.text !== undefined && answer.transcript !== answer.text ? { transcript: answer.transcript } : {}),
            spoken,
            ...(answer.durationMs !== undefined ? { durationMs: answer.durationMs } : {}),
            ...(answer.peaks && answer.peaks.length > 0 ? { waveform: reducePeaks(answer.peaks) } : {}),
            ...(answer.analytics ? { analytics: answer.analytics } : {}),
            ...(answer.answeredAt ? { answeredAt: answer.answeredAt } : {}),
          },
        }
      : {}),
    ...(evaluation
      ? {
          evaluation: {
            score: evaluation.score,
            feedback: evaluation.feedback,
            strengths: evaluation.strengths,
            weaknesses: evaluation.weaknesses,
            suggestions: evaluation.suggestions,
            skillsShown: evaluation.skillsShown ?? [],
            ...(evaluation.evaluator ? { evaluator: evaluation.evaluator } : {}),
          },
        }
      : {}),
    ...(turn.modelAnswer && turn.modelAnswer.length > 0 ? { modelAnswer: turn.modelAnswer } : {}),
  };
}

const ASSESSED = ['warmup', 'standard', 'advanced'] as const;

function phaseSummaries(turns: readonly InterviewTurn[]): PhaseSummary[] {
  return ASSESSED.flatMap((phase) => {
    const mains = turns.filter((turn) => turn.phase === phase && turn.mainNumber !== undefined);
    if (mains.length === 0) return [];
    const counted = mains.flatMap((turn) => (turn.countedScore === undefined ? [] : [turn.countedScore]));
    // The engine marks a boundary on the main answer's own score, a skip counting 0 (assessment-rules.ts).
    const boundaries =
      phase === 'advanced'
        ? mains.filter((turn) => turn.skipped || (turn.evaluation !== undefined && turn.evaluation.score < BOUNDARY_BELOW)).map((turn) => turn.mainNumber!)
        : [];
    const average = counted.length === 0 ? undefined : Math.round((counted.reduce((a, b) => a + b, 0) / counted.length) * 2) / 2;
    return [{ phase, label: PHASE_LABELS[phase], questions: counted.length, ...(average !== undefined ? { averageScore: average } : {}), boundaries }];
  });
}

function jobSkillCoverage(skills: readonly string[], turns: readonly InterviewTurn[], refs: Map<string, AnswerRef>): JobSkillCoverage {
  const shownIn = new Map<string, AnswerRef[]>();
  for (const turn of turns) {
    const ref = refs.get(turn.questionId);
    if (!ref) continue;
    for (const skill of turn.evaluation?.skillsShown ?? []) shownIn.set(skill.toLowerCase(), [...(shownIn.get(skill.toLowerCase()) ?? []), ref]);
  }
  return {
    shown: skills.filter((skill) => shownIn.has(skill.toLowerCase())).map((skill) => ({ skill, answers: shownIn.get(skill.toLowerCase())! })),
    notCovered: skills.filter((skill) => !shownIn.has(skill.toLowerCase())),
  };
}
