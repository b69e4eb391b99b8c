import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuestionBankFile } from '../../src/main/interviewer/question-bank-schema';
import { RESOURCES_DIR } from '../support/paths';

/** The question banks are reviewed data (STYLE.md §8); this is their schema and coverage check. */
const dir = join(RESOURCES_DIR, 'question-banks');
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
const banks = files.map((name) => ({ name, raw: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));

describe('question banks', () => {
  it('cover at least 8 tracks', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const { name, raw } of banks) {
    describe(name, () => {
      const parsed = QuestionBankFile.safeParse(raw);

      it('matches the schema', () => {
        expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      });

      it('has at least 30 questions spread over the difficulty levels', () => {
        if (!parsed.success) return;
        const questions = parsed.data.questions;
        expect(questions.length).toBeGreaterThanOrEqual(30);
        for (const difficulty of ['easy', 'medium', 'hard'] as const) {
          expect(questions.filter((q) => q.difficulty === difficulty).length).toBeGreaterThanOrEqual(6);
        }
      });

      it('is named after its id and uses the STAR style only for behavioral questions', () => {
        if (!parsed.success) return;
        expect(name).toBe(`${parsed.data.id}.json`);
        const styles = new Set(parsed.data.questions.map((q) => q.rubric.style));
        expect([...styles]).toEqual([parsed.data.id === 'behavioral' ? 'star' : 'concepts']);
      });

      it('uses every skill it declares', () => {
        if (!parsed.success) return;
        const used = new Set(parsed.data.questions.flatMap((q) => q.skills));
        expect(parsed.data.skills.map((s) => s.id).filter((id) => !used.has(id))).toEqual([]);
      });
    });
  }

  it('never asks the same question twice', () => {
    const texts = banks.flatMap(({ raw }) => (raw as { questions: { text: string }[] }).questions.map((q) => q.text.toLowerCase()));
    expect(texts.length - new Set(texts).size).toBe(0);
  });
});
