import type { InterviewTurn } from '../../../shared/protocol';

/**
 * The report's sections (DESIGN.md §5.1): the introduction and closing on their own, not
 * scored; each main question with its follow-ups under it. The numbers come from the
 * engine's score summary (`interviews.get`), so the report counts as the overall does.
 */
export type ReportSection =
  | { kind: 'unscored'; turn: InterviewTurn }
  | { kind: 'main'; turn: InterviewTurn; followUps: InterviewTurn[] };

export function reportSections(turns: readonly InterviewTurn[]): ReportSection[] {
  const sections: ReportSection[] = [];
  const mains = new Map<number, Extract<ReportSection, { kind: 'main' }>>();
  for (const turn of turns) {
    if (turn.mainNumber !== undefined) {
      const section = { kind: 'main' as const, turn, followUps: [] };
      mains.set(turn.mainNumber, section);
      sections.push(section);
    } else if (turn.parentNumber !== undefined && mains.has(turn.parentNumber)) {
      mains.get(turn.parentNumber)!.followUps.push(turn);
    } else {
      sections.push({ kind: 'unscored', turn });
    }
  }
  return sections;
}

/** What a main question adds to the overall, in words: shown beside the question. */
export function countedScoreText(turn: InterviewTurn): string {
  if (turn.countedScore === undefined) return 'Not counted: the interview ended before it was answered';
  if (turn.skipped) return `Skipped: counts ${turn.countedScore} / 10`;
  if (turn.raisedByFollowUp) return `Raised to ${turn.countedScore} / 10 by the follow-up`;
  return `Counts ${turn.countedScore} / 10`;
}
