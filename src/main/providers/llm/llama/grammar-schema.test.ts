import { describe, expect, it } from 'vitest';
import { EVALUATION_OUTPUT } from '../../../interviewer/model/model-evaluation';
import { grammarSchema } from './grammar-schema';

describe('the schema the grammar is built from', () => {
  const evaluation = grammarSchema(EVALUATION_OUTPUT.grammar!) as { properties: Record<string, Record<string, unknown>> };

  it('decodes the score as half points from 0 to 10, since the grammar ignores minimum and maximum', () => {
    expect(evaluation.properties.score).toEqual({ enum: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10] });
  });

  it('caps strings and lists for a slow model, never above what the schema allows', () => {
    expect(evaluation.properties.feedback).toMatchObject({ type: 'string', minLength: 1, maxLength: 300 });
    expect(evaluation.properties.strengths).toMatchObject({ type: 'array', maxItems: 3, items: { type: 'string', maxLength: 300 } });
    expect(evaluation.properties.missedConcepts).toMatchObject({ items: { maxLength: 120 } });
  });

  it('shortens strings so the longest allowed reply fits the token limit', () => {
    // 13 strings at most (feedback, 3 lists of 3, 3 concepts); 900 tokens at 1 character each.
    const tight = grammarSchema(EVALUATION_OUTPUT.grammar!, undefined, { maxTokens: 900, charsPerToken: 1 }) as typeof evaluation;
    expect(tight.properties.feedback!.maxLength).toBe(Math.floor((900 * 0.5) / 13));
    const roomy = grammarSchema(EVALUATION_OUTPUT.grammar!, undefined, { maxTokens: 900, charsPerToken: 4 }) as typeof evaluation;
    expect(roomy.properties.feedback!.maxLength).toBe(Math.floor((900 * 0.5 * 4) / 13));
  });
});
