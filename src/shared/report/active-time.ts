/**
 * How long an interview took, pauses left out (issue #11: the report's duration). An interview
 * may be paused and resumed days later, so the time from start to end says little. Instead the
 * moments the engine recorded (start, each question asked, each answer given) are put in order
 * and the gaps between them added up, each gap counted up to MAX_GAP_MS: a longer silence is a
 * pause, and thinking about one question for more than that still counts that much.
 */
export const MAX_GAP_MS = 10 * 60_000;

export function activeTimeMs(moments: readonly (string | undefined)[]): number {
  const times = moments
    .filter((moment): moment is string => moment !== undefined)
    .map((moment) => Date.parse(moment))
    .filter((time) => Number.isFinite(time))
    .sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < times.length; i += 1) total += Math.min(times[i]! - times[i - 1]!, MAX_GAP_MS);
  return total;
}
