import { describe, expect, it } from 'vitest';
import { loadSetupChoices, rememberSetupChoice } from './setup-choices';

/** The part of Storage the setup choices use, in memory (the browser's storage is the boundary). */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  } as Storage;
}

describe('remembered setup choices', () => {
  it('keeps each choice as it is made, on top of the earlier ones', () => {
    const storage = memoryStorage();
    rememberSetupChoice({ track: 'frontend' }, storage);
    rememberSetupChoice({ level: 'senior' }, storage);
    rememberSetupChoice({ mode: 'voice' }, storage);
    expect(loadSetupChoices(storage)).toEqual({ track: 'frontend', level: 'senior', mode: 'voice' });
  });

  it('forgets what it cannot read instead of failing the form', () => {
    expect(loadSetupChoices(memoryStorage({ 'interview-practice.setup': 'not json' }))).toEqual({});
    expect(loadSetupChoices(memoryStorage({ 'interview-practice.setup': '{"level":"principal","length":"full"}' }))).toEqual({ length: 'full' });
    expect(loadSetupChoices(undefined)).toEqual({});
  });
});
