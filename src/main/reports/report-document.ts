import { scoreChartGeometry, waveformGeometry, type ScoreChartGeometry, type WaveformGeometry } from '../../shared/report/chart-geometry';
import { POSTING_SKILL_COLUMNS, postingSkillCells } from '../../shared/report/posting-skills';
import type { ReportModel, ReportQuestion, SummaryPoint } from '../../shared/report/report-model';
import {
  describeAnswers,
  describeCounts,
  describeEvaluators,
  evaluatorName,
  formatClock,
  formatDateTime,
  formatDuration,
  NOTHING_SAID,
  PHASE_COLUMNS,
  phaseCells,
  scoreOutOfTen,
  skillShownText,
  speechAnalyticsRows,
} from '../../shared/report/report-wording';

/**
 * What a saved report says, in order, as a few kinds of block (DESIGN.md §9: one report model,
 * exporters from it). Markdown, HTML and PDF each only draw these blocks, so they cannot differ
 * in content; each escapes text for its own format. Strings here are plain text: nothing in
 * them is markup, whoever wrote them.
 */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'muted' | 'score' }
  /** Text the candidate or a model wrote at length (questions, answers): kept line for line. */
  | { kind: 'quote'; text: string; role: 'question' | 'answer' | 'transcript' }
  | { kind: 'list'; title: string; items: string[] }
  | { kind: 'points'; title: string; points: { title: string; evidence: string; details: string }[]; empty: string }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'scoreChart'; chart: ScoreChartGeometry }
  | { kind: 'waveform'; waveform: WaveformGeometry; label: string }
  /** A follow-up, drawn indented under its main question. */
  | { kind: 'followUp'; blocks: ReportBlock[] };

export interface DocumentOptions {
  /** BCP 47 locale for dates; the system's when absent. */
  locale?: string | undefined;
}

export function reportDocument(report: ReportModel, options: DocumentOptions = {}): ReportBlock[] {
  const when = (iso: string): string => formatDateTime(iso, options.locale);
  const scores = report.sections.flatMap((section) =>
    section.question.mainNumber !== undefined && section.question.countedScore !== undefined ? [{ mainNumber: section.question.mainNumber, score: section.question.countedScore }] : [],
  );
  return [
    { kind: 'heading', level: 1, text: `Interview report: ${report.track.title}` },
    {
      kind: 'facts',
      rows: [
        { label: 'Started', value: when(report.startedAt) },
        ...(report.completedAt ? [{ label: 'Finished', value: when(report.completedAt) }] : []),
        { label: 'Duration', value: formatDuration(report.durationMs) },
        { label: 'Interview', value: `${report.level} · ${report.length}${report.customQuestions ? ' · your own questions' : ''} · ${report.mode === 'voice' ? 'spoken' : 'typed'}` },
        { label: 'Judged by', value: describeEvaluators(report.evaluators) },
      ],
    },
    { kind: 'heading', level: 2, text: report.overallScore === undefined ? 'Overall: not finished' : `Overall: ${report.overallScore} / 100` },
    { kind: 'paragraph', text: describeCounts(report), tone: 'score' },
    { kind: 'paragraph', text: report.scoreDefinition, tone: 'muted' },
    ...(scores.length > 0 ? [{ kind: 'scoreChart' as const, chart: scoreChartGeometry(scores) }] : []),
    { kind: 'heading', level: 2, text: 'Summary' },
    summaryPoints('Strongest points', report.summary.strengths, NOTHING_SAID.strengths),
    summaryPoints('Focus areas', report.summary.focusAreas, NOTHING_SAID.focusAreas),
    ...phaseBlocks(report),
    ...jobDescriptionBlocks(report),
    ...postingSkillBlocks(report),
    { kind: 'heading', level: 2, text: 'Questions and answers' },
    ...report.sections.flatMap((section) => [
      ...questionBlocks(section.question, 3),
      ...section.followUps.map((followUp): ReportBlock => ({ kind: 'followUp', blocks: questionBlocks(followUp, 4) })),
    ]),
  ];
}

function summaryPoints(title: string, points: readonly SummaryPoint[], empty: string): ReportBlock {
  return {
    kind: 'points',
    title,
    empty,
    points: points.map((point) => ({ title: point.text, evidence: capitalise(describeAnswers(point.answers)), details: point.details.join(', ') })),
  };
}

function phaseBlocks(report: ReportModel): ReportBlock[] {
  if (report.phases.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'By phase' },
    { kind: 'table', headers: PHASE_COLUMNS, rows: report.phases.map(phaseCells) },
  ];
}

function jobDescriptionBlocks(report: ReportModel): ReportBlock[] {
  const coverage = report.jobDescription;
  if (!coverage) return [];
  return [
    { kind: 'heading', level: 2, text: 'Job description' },
    {
      kind: 'list',
      title: 'Skills you showed',
      items: coverage.shown.length === 0 ? [NOTHING_SAID.skillsShown] : coverage.shown.map(skillShownText),
    },
    {
      kind: 'list',
      title: 'Never covered',
      items: coverage.notCovered.length === 0 ? [NOTHING_SAID.notCovered] : coverage.notCovered,
    },
  ];
}

function postingSkillBlocks(report: ReportModel): ReportBlock[] {
  const skills = report.postingSkills;
  if (!skills) return [];
  return [
    { kind: 'heading', level: 2, text: `Skills the posting asks for: ${skills.posting}` },
    ...(skills.resume ? [{ kind: 'paragraph' as const, text: `Against the résumé ${skills.resume} and your answers.`, tone: 'muted' as const }] : []),
    { kind: 'table', headers: POSTING_SKILL_COLUMNS, rows: skills.rows.map(postingSkillCells) },
  ];
}

function questionBlocks(question: ReportQuestion, level: 3 | 4): ReportBlock[] {
  const { answer, evaluation } = question;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level, text: question.label },
    { kind: 'quote', text: question.question, role: 'question' },
  ];
  if (question.countedNote) blocks.push({ kind: 'paragraph', text: question.countedNote, tone: 'score' });
  if (question.skipped) blocks.push({ kind: 'paragraph', text: 'Skipped.', tone: 'muted' });
  if (answer) {
    const how = answer.spoken ? `Your answer (spoken${answer.durationMs !== undefined ? `, ${formatClock(answer.durationMs)}` : ''})` : 'Your answer (typed)';
    blocks.push({ kind: 'paragraph', text: how, tone: 'muted' }, { kind: 'quote', text: answer.text, role: 'answer' });
    if (answer.transcript !== undefined) blocks.push({ kind: 'paragraph', text: 'What the recogniser heard', tone: 'muted' }, { kind: 'quote', text: answer.transcript, role: 'transcript' });
    if (answer.waveform) blocks.push({ kind: 'waveform', waveform: waveformGeometry(answer.waveform), label: `Waveform of the answer to: ${oneLine(question.label)}` });
    if (answer.analytics) {
      const { rows, source } = speechAnalyticsRows(answer.analytics);
      blocks.push({ kind: 'facts', rows }, { kind: 'paragraph', text: source, tone: 'muted' });
    }
  } else if (!question.skipped) {
    blocks.push({ kind: 'paragraph', text: 'Not answered.', tone: 'muted' });
  }
  if (evaluation) {
    const scored = question.mainNumber !== undefined || question.parentNumber !== undefined;
    const by = evaluation.evaluator ? ` (judged by ${evaluatorName(evaluation.evaluator)})` : '';
    blocks.push({ kind: 'paragraph', text: `${scored ? `Score ${scoreOutOfTen(evaluation.score)}. ` : ''}${evaluation.feedback}${by}` });
    const lists: [string, string[]][] = [
      ['Strengths', evaluation.strengths],
      ['To improve', evaluation.weaknesses],
      ['Suggestions', evaluation.suggestions],
    ];
    for (const [title, items] of lists) if (items.length > 0) blocks.push({ kind: 'list', title, items });
  }
  if (question.modelAnswer) blocks.push({ kind: 'list', title: 'Model answer outline', items: question.modelAnswer });
  return blocks;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
