import { describe, expect, it } from 'vitest';
import { mapStorage } from '../test-support/map-storage';
import { createInterviewMemory } from './interview-memory';

describe('what this computer remembers about an unfinished interview', () => {
  it('keeps a draft per interview and question until it is cleared', () => {
    const memory = createInterviewMemory(mapStorage());
    memory.saveDraft('a', 'q1', 'first draft');
    memory.saveDraft('a', 'q2', 'second draft');
    memory.saveDraft('b', 'q1', 'another interview');
    expect(memory.draft('a', 'q1')).toBe('first draft');
    memory.clearDraft('a', 'q1');
    expect(memory.draft('a', 'q1')).toBeUndefined();
    expect(memory.draft('b', 'q1')).toBe('another interview');
    memory.saveDraft('a', 'q2', '');
    expect(memory.draft('a', 'q2')).toBeUndefined();
  });

  it('keeps the time, and forgets everything of a finished interview only', () => {
    const storage = mapStorage();
    const memory = createInterviewMemory(storage);
    expect(memory.elapsedMs('a')).toBe(0);
    memory.saveElapsed('a', 65_400.4);
    memory.saveDraft('a', 'q1', 'draft');
    memory.saveDraft('ab', 'q1', 'an interview whose id starts the same');
    expect(memory.elapsedMs('a')).toBe(65_400);
    memory.forget('a');
    expect(memory.elapsedMs('a')).toBe(0);
    expect(memory.draft('a', 'q1')).toBeUndefined();
    expect(memory.draft('ab', 'q1')).toBe('an interview whose id starts the same');
    storage.setItem('interview-practice.elapsed.c', 'not a number');
    expect(memory.elapsedMs('c')).toBe(0);
  });

  it('loses only the memory when storage fails or is missing', () => {
    const full: Storage = { ...mapStorage(), setItem: () => { throw new Error('QuotaExceededError'); }, getItem: () => { throw new Error('SecurityError'); } };
    for (const memory of [createInterviewMemory(full), createInterviewMemory(undefined)]) {
      expect(() => memory.saveDraft('a', 'q', 'text')).not.toThrow();
      expect(memory.draft('a', 'q')).toBeUndefined();
      expect(memory.elapsedMs('a')).toBe(0);
      expect(() => memory.forget('a')).not.toThrow();
    }
  });
});
