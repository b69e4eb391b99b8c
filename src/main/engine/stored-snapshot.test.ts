import { describe, expect, it } from 'vitest';
import { initialSnapshot } from './assessment-rules';
import { restoreSnapshot, type StoredSnapshot } from './stored-snapshot';

describe('restoreSnapshot', () => {
  const turns = [{ followUp: false }, { followUp: false }, { followUp: true }, { followUp: false }, { followUp: true }];

  it('counts the follow-ups of a snapshot stored before the count existed from its turns', () => {
    const { followUpsAsked: _dropped, ...old } = { ...initialSnapshot(), mainAsked: 3, currentTurnId: 't5' };
    const stored: StoredSnapshot = JSON.parse(JSON.stringify(old)) as StoredSnapshot;
    expect(restoreSnapshot(stored, turns)).toEqual({ ...old, followUpsAsked: 2 });
  });

  it('keeps the count a newer snapshot stored', () => {
    const stored = { ...initialSnapshot(), followUpsAsked: 1, currentTurnId: 't5' };
    expect(restoreSnapshot(stored, turns).followUpsAsked).toBe(1);
  });
});
