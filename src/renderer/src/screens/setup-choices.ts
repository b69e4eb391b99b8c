import { z } from 'zod';
import { AnswerMode, InterviewLength, Level, TrackId } from '../../../shared/protocol';

/**
 * The last track, level, length and answer mode chosen on this computer (issue #9, fault 16),
 * so the next practice starts where the last one was set up. Only these choices are kept;
 * job descriptions, résumés and questions are never written outside the database.
 */
const STORAGE_KEY = 'interview-practice.setup';

const SetupChoices = z.object({
  track: TrackId.optional().catch(undefined),
  level: Level.optional().catch(undefined),
  length: InterviewLength.optional().catch(undefined),
  mode: AnswerMode.optional().catch(undefined),
});
export type SetupChoices = z.infer<typeof SetupChoices>;

/** Storage can be unavailable (a locked-down browser profile): then nothing is remembered. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadSetupChoices(from: Storage | undefined = storage()): SetupChoices {
  try {
    const parsed = SetupChoices.safeParse(JSON.parse(from?.getItem(STORAGE_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function rememberSetupChoice(choice: SetupChoices, to: Storage | undefined = storage()): void {
  try {
    to?.setItem(STORAGE_KEY, JSON.stringify({ ...loadSetupChoices(to), ...choice }));
  } catch {
    // A full or read-only storage only means the choice is not remembered.
  }
}
