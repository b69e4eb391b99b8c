import type { EngineSnapshot } from './ports';

/** An engine snapshot as read back from the database: older versions lack later fields. */
export type StoredSnapshot = Omit<EngineSnapshot, 'followUpsAsked'> & Partial<Pick<EngineSnapshot, 'followUpsAsked'>>;

/**
 * The snapshot to continue from (it is stored as JSON with every turn, DESIGN.md §5). A field
 * added since it was written gets the value the stored turns imply, so an interview begun
 * before an update resumes under the same rules: `followUpsAsked` (§5.1) is the number of
 * follow-ups among its turns.
 */
export function restoreSnapshot(stored: StoredSnapshot, turns: readonly { followUp: boolean }[]): EngineSnapshot {
  return { ...stored, followUpsAsked: stored.followUpsAsked ?? turns.filter((t) => t.followUp).length };
}
